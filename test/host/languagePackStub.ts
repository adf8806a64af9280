// A display language for the test host without a real language pack. code-server accepts `--locale de` only when an
// installed extension contributes that language (contributes.localizations: it then lists it in languagepacks.json);
// Microsoft's German pack cannot be fetched here. test/locale/languagePackDe/ is such an extension that translates
// none of VS Code's own texts: VS Code runs in German for its extensions (vscode.env.language is "de", and each gets
// its bundle.l10n.de.json) while its own texts fall back to English.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from './codeServer';

const STUBS: Record<string, string> = { de: path.join(REPO_ROOT, 'test', 'locale', 'languagePackDe') };

/** Packages the stub for `locale` into stateDir; returns the .vsix (installed by the suite, as a user installs a language pack). */
export function packLanguagePackStub(locale: string, stateDir: string): string {
  const source = STUBS[locale];
  if (!source) throw new Error(`no language pack stub for "${locale}" (have: ${Object.keys(STUBS).join(', ')})`);
  fs.mkdirSync(stateDir, { recursive: true });
  const vsix = path.join(stateDir, `language-pack-${locale}-stub.vsix`);
  const vsce = path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const packed = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', vsix], {
    cwd: source,
    encoding: 'utf8',
  });
  if (packed.status !== 0) throw new Error(`packaging the ${locale} language pack stub failed:\n${packed.stdout}${packed.stderr}`);
  return vsix;
}
