// The packaged .vsix holds only what users need (an allow-list), stays within its size budget, and its manifest
// points at files that are really inside it. Run by test/run-all.sh after the bundle step (suite "package").
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DIST_FILES, ensureVsix, readZip, REPO_ROOT, VSIX_ALLOWED, VSIX_BUDGET_BYTES, ZipEntry } from './vsix';
import { parseObject } from '../support/json';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('Packaged extension (.vsix)', () => {
  let vsix: string;
  let entries: ZipEntry[];
  let manifest: Record<string, unknown>;
  let bundles: Map<string, string>;

  before(function () {
    this.timeout(120_000); // may have to bundle and package first
    vsix = ensureVsix();
  });
  before(async () => {
    const zip = await readZip(vsix, (name) => name === 'extension/package.json' || /^extension\/dist\/[^/]+\.js$/.test(name));
    entries = zip.entries;
    manifest = parseObject(zip.texts.get('extension/package.json') ?? '{}');
    bundles = new Map([...zip.texts].filter(([name]) => name.startsWith('extension/dist/')));
  });

  it(`is smaller than its budget (${kb(VSIX_BUDGET_BYTES)})`, () => {
    const size = fs.statSync(vsix).size;
    console.log(`      ${vsix}: ${kb(size)} (budget ${kb(VSIX_BUDGET_BYTES)}), ${entries.length} files`);
    assert.ok(size <= VSIX_BUDGET_BYTES, `the .vsix is ${kb(size)}, over its budget of ${kb(VSIX_BUDGET_BYTES)}`);
  });

  it('holds no file outside the allow-list', () => {
    const outside = entries.map((e) => e.name).filter((name) => !name.endsWith('/') && !VSIX_ALLOWED.some((re) => re.test(name)));
    assert.deepStrictEqual(outside, [], `files that must not ship: ${outside.join(', ')}`);
  });

  it('the allow-list itself refuses what must not ship', () => {
    const mustRefuse = [
      'extension/dist/extension.js.map',
      'extension/dist/undici.js.map',
      'extension/dist/other.js',
      'extension/src/extension.ts',
      'extension/out/test/ui/ui.test.js',
      'extension/docs/screenshots/tree.png',
      'extension/media/screenshots/tree.png',
      'extension/node_modules/undici/index.js',
      'extension/test/sandbox/index.ts',
      'extension/.vscode-test/runs/x/user-data/User/settings.json',
      'extension/tsconfig.json',
      'extension/media/walkthrough/screenshot-tree.png',
      'extension/dist-vsix/app-keys-0.1.0.vsix',
      'extension/.test-results/ui/01.png',
    ];
    const allowed = mustRefuse.filter((name) => VSIX_ALLOWED.some((re) => re.test(name)));
    assert.deepStrictEqual(allowed, []);
  });

  it('holds no source map, sources, tests or screenshots', () => {
    const bad = entries.map((e) => e.name).filter((n) => /\.map$|\.ts$|\/(src|test|out|docs|node_modules|\.vscode-test)\//.test(n) || /screenshot/i.test(n));
    assert.deepStrictEqual(bad, []);
  });

  it('holds every file its manifest refers to', () => {
    const names = new Set(entries.map((e) => e.name));
    const contributes = manifest.contributes as {
      viewsContainers?: { activitybar?: Array<{ icon: string }> };
      views?: Record<string, Array<{ icon?: string }>>;
      jsonValidation?: Array<{ url: string }>;
      walkthroughs?: Array<{ steps: Array<{ media?: { image?: unknown; svg?: string; markdown?: string } }> }>;
    };
    const walkthroughMedia = (contributes.walkthroughs ?? [])
      .flatMap((w) => w.steps)
      .flatMap((step) => {
        const media = step.media ?? {};
        const image = typeof media.image === 'string' ? [media.image] : Object.values((media.image ?? {}) as Record<string, string>);
        return [...image, media.svg, media.markdown];
      });
    const referenced = [
      manifest.main as string,
      manifest.icon as string,
      ...(contributes.viewsContainers?.activitybar ?? []).map((c) => c.icon),
      ...Object.values(contributes.views ?? {})
        .flat()
        .map((v) => v.icon),
      ...(contributes.jsonValidation ?? []).map((j) => j.url),
      ...walkthroughMedia,
      // The translations package.json's `l10n` folder holds (test/package/l10n.test.ts checks they are complete).
      ...(typeof manifest.l10n === 'string' ? [`${manifest.l10n}/bundle.l10n.de.json`] : []),
    ].filter((p): p is string => typeof p === 'string' && !/^\$\(|^https?:/.test(p));
    assert.ok(referenced.length >= 5, `too few references found: ${referenced.join(', ')}`);
    const missing = referenced.map((p) => `extension/${p.replace(/^\.\//, '')}`).filter((p) => !names.has(p) && !names.has(`${p}.js`));
    assert.deepStrictEqual(missing, [], `referenced by package.json but not in the .vsix: ${missing.join(', ')}`);
  });

  it('holds every bundle a bundle loads (dist/undici.js, …), and no bundle nothing loads', () => {
    const shipped = [...bundles.keys()].sort();
    assert.deepStrictEqual(shipped, DIST_FILES.map((f) => `extension/${f}`).sort());
    const loaded = new Set(['extension/dist/extension.js']);
    for (const text of bundles.values()) {
      for (const [, file] of text.matchAll(/require\("\.\/([A-Za-z0-9_-]+\.js)"\)/g)) loaded.add(`extension/dist/${file}`);
    }
    assert.deepStrictEqual([...loaded].sort(), shipped);
  });

  it('has a 128×128 PNG icon and the fields the Marketplace shows', () => {
    for (const field of ['publisher', 'repository', 'license', 'icon', 'categories', 'keywords', 'displayName', 'description']) {
      assert.ok(manifest[field], `package.json has no ${field}`);
    }
    const icon = fs.readFileSync(path.join(REPO_ROOT, manifest.icon as string));
    assert.strictEqual(icon.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepStrictEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128], 'icon size');
    const names = entries.map((e) => e.name);
    for (const needed of ['extension/readme.md', 'extension/changelog.md', 'extension/dist/extension.js']) {
      assert.ok(
        names.some((n) => n.toLowerCase() === needed),
        `${needed} is missing`,
      );
    }
  });
});
