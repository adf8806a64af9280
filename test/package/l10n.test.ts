// Translations: every runtime string of src/ (vscode.l10n.t and the core's l10n.t) and every package.json text
// (package.nls.json) has its German translation, with the same placeholders, codicons and command links; and
// l10n/bundle.l10n.json is what @vscode/l10n-dev extracts from the sources today. A string added later fails here
// until `npm run l10n` has exported it and it is translated.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseObject } from '../support/json';
import { REPO_ROOT } from './vsix';

const read = (file: string) => parseObject(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));
const message = (value: unknown) => (typeof value === 'string' ? value : (value as { message: string }).message);

/** What a translation must keep exactly: {0} placeholders, $(codicons), (command:…) links, Markdown bold. */
function untranslatable(text: string): string[] {
  const kept = text.match(/\{\d+\}|\$\([a-z0-9-~]+\)|\(command:[^)]+\)|\*\*/g) ?? [];
  return kept.sort();
}

function checkTranslation(sourceFile: string, translatedFile: string): number {
  const source = read(sourceFile);
  const translated = read(translatedFile);
  const missing = Object.keys(source).filter((key) => typeof translated[key] !== 'string' || !translated[key].trim());
  assert.deepStrictEqual(missing, [], `${translatedFile} lacks translations (run npm run l10n)`);
  const stale = Object.keys(translated).filter((key) => !(key in source));
  assert.deepStrictEqual(stale, [], `${translatedFile} translates strings that no longer exist`);
  for (const [key, value] of Object.entries(source)) {
    assert.deepStrictEqual(untranslatable(translated[key] as string), untranslatable(message(value)), `${translatedFile}: ${JSON.stringify(key)}`);
  }
  return Object.keys(source).length;
}

describe('Translations (German)', () => {
  it('package.json names its l10n folder', () => {
    assert.strictEqual(read('package.json').l10n, './l10n');
  });

  it('l10n/bundle.l10n.json holds exactly the strings of src/ (re-exported with @vscode/l10n-dev)', function () {
    this.timeout(60_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appkeys-l10n-'));
    try {
      const cli = path.join(REPO_ROOT, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js');
      execFileSync(process.execPath, [cli, 'export', '--outDir', dir, path.join(REPO_ROOT, 'src')], { cwd: REPO_ROOT, stdio: 'pipe' });
      const fresh = parseObject(fs.readFileSync(path.join(dir, 'bundle.l10n.json'), 'utf8'));
      assert.ok(Object.keys(fresh).length > 300, 'the export found the strings');
      assert.deepStrictEqual(read('l10n/bundle.l10n.json'), fresh, 'l10n/bundle.l10n.json is out of date: run npm run l10n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('translates every runtime string, keeping placeholders, codicons and command links', () => {
    assert.ok(checkTranslation('l10n/bundle.l10n.json', 'l10n/bundle.l10n.de.json') > 300);
  });

  it('translates every package.json text (package.nls.de.json)', () => {
    assert.ok(checkTranslation('package.nls.json', 'package.nls.de.json') > 50);
  });

  it('the check itself refuses a translation that drops a placeholder or a command link', () => {
    assert.notDeepStrictEqual(untranslatable('Ohne Platzhalter'), untranslatable('Created {0}.'));
    assert.notDeepStrictEqual(untranslatable('[Hinzufügen](command:appKeys.add)'), untranslatable('[Add](command:appKeys.addApplication)'));
    assert.notDeepStrictEqual(untranslatable('$(edit) ID'), untranslatable('$(pencil) ID'));
  });
});
