// The packaged extension (.vsix): where `npm run package` puts it, building it when it is missing or stale, and
// reading its entries with yauzl (the zip reader @vscode/vsce itself depends on; no zip code of our own).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseObject } from '../support/json';

/** The repository root (this file compiles to out/test/package/vsix.js). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The .vsix must stay under this size (bytes); stated in README.md. 0.1.0 measured 187–205 KB: about 20% headroom. */
export const VSIX_BUDGET_BYTES = 250 * 1024;

/**
 * What the .vsix may hold (paths inside the zip). vsce adds the manifest and content types, lower-cases README and
 * CHANGELOG, and names the license LICENSE.txt. The bundles' source maps are deliberately not shipped.
 */
export const VSIX_ALLOWED: RegExp[] = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/package\.nls(\.[a-z-]+)?\.json$/i,
  /^extension\/readme\.md$/i,
  /^extension\/changelog\.md$/i,
  /^extension\/license(\.txt|\.md)?$/i,
  // The bundle, and the parts it loads when first needed (esbuild.mjs LAZY): undici, the schema validators, jsonc-parser, ignore.
  /^extension\/dist\/(extension|undici|validators|jsonc|ignore)\.js$/,
  // Icons and walkthrough pictures; never screenshots (those live in docs/screenshots/, which is not shipped).
  /^extension\/media\/(?!.*screenshot)([a-z0-9-]+\/)?[A-Za-z0-9._-]+\.(png|svg|gif|md)$/,
  // The editor's hint schemas (esbuild.mjs hintSchema: completions and descriptions, no checks) bound by jsonValidation.
  /^extension\/dist\/schemas\/(losant|elasticpath)\/[A-Za-z0-9]+\.json$/,
  // Translations of the runtime strings (package.json `l10n`); English is the code itself.
  /^extension\/l10n\/bundle\.l10n\.[a-z-]+\.json$/,
];

/** The bundles in dist/ that go into the .vsix. */
export const DIST_FILES = ['dist/extension.js', 'dist/undici.js', 'dist/validators.js', 'dist/jsonc.js', 'dist/ignore.js'];

export function packageVersion(): string {
  return parseObject(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version as string;
}

/** dist-vsix/app-keys-<version>.vsix, or APPKEYS_VSIX when set. */
export function vsixPath(): string {
  return process.env.APPKEYS_VSIX || path.join(REPO_ROOT, 'dist-vsix', `app-keys-${packageVersion()}.vsix`);
}

function mtime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** The .vsix, built with `npm run package` first when it is missing or older than what goes into it. */
export function ensureVsix(): string {
  const vsix = vsixPath();
  if (process.env.APPKEYS_VSIX) return vsix;
  const inputs = ['package.json', 'README.md', 'CHANGELOG.md', ...DIST_FILES, '.vscodeignore'].map((f) => path.join(REPO_ROOT, f));
  const built = mtime(vsix);
  if (built === 0 || inputs.some((f) => mtime(f) > built)) {
    console.log(`  (building ${path.relative(REPO_ROOT, vsix)} with npm run package)`);
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  if (!fs.existsSync(vsix)) throw new Error(`npm run package did not produce ${vsix}`);
  return vsix;
}

export interface ZipEntry {
  name: string;
  size: number;
  compressedSize: number;
}

interface YauzlEntry {
  fileName: string;
  uncompressedSize: number;
  compressedSize: number;
}
interface YauzlZip {
  on(event: 'entry', listener: (entry: YauzlEntry) => void): void;
  on(event: 'end', listener: () => void): void;
  on(event: 'error', listener: (err: Error) => void): void;
  readEntry(): void;
  openReadStream(entry: YauzlEntry, cb: (err: Error | null, stream: NodeJS.ReadableStream) => void): void;
  close(): void;
}
interface Yauzl {
  open(file: string, options: { lazyEntries: boolean }, cb: (err: Error | null, zip: YauzlZip) => void): void;
}

/** yauzl as installed for @vscode/vsce (resolved from vsce's folder, so npm's hoisting does not matter). */
function yauzl(): Yauzl {
  const vsceDir = path.dirname(require.resolve('@vscode/vsce/package.json', { paths: [REPO_ROOT] }));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- found in vsce's folder at run time
  return require(require.resolve('yauzl', { paths: [vsceDir] })) as Yauzl;
}

/** Every entry of the zip, and the text of those whose name `readText` accepts. */
export function readZip(file: string, readText: (name: string) => boolean = () => false): Promise<{ entries: ZipEntry[]; texts: Map<string, string> }> {
  return new Promise((resolve, reject) => {
    yauzl().open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const entries: ZipEntry[] = [];
      const texts = new Map<string, string>();
      zip.on('error', reject);
      zip.on('end', () => resolve({ entries, texts }));
      zip.on('entry', (entry) => {
        entries.push({ name: entry.fileName, size: entry.uncompressedSize, compressedSize: entry.compressedSize });
        if (!readText(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr) return reject(streamErr);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            texts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
