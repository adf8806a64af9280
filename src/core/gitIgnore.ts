// Whether git would commit a file, decided without running git: a repository's .git/config can make any
// git command run a program (core.fsmonitor, hooks, filters…), and the folder a secret is saved into is
// the user's choice, trusted or not. So App Keys reads what git would read, and executes none of it:
//   - the work tree: the nearest folder above the file holding `.git` (a folder, or a file `gitdir: …`);
//   - the ignore rules: `info/exclude` of the repository, then every `.gitignore` from the work tree's
//     top down to the file's folder (a deeper file wins), matched by the `ignore` package (gitignore's
//     rules, as many tools use them), a folder ignored above ignoring all below it;
//   - whether it is tracked: the index (`index`, versions 2 to 4), read as data. An index that cannot be
//     read (split, unknown version) counts as tracked: the warning errs on the side of saying too much.
// Rules that only configuration names (core.excludesFile, the global ignore file) are not read: a file
// ignored only there is reported unignored (it is not ignored in other clones either).
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type Ignore from 'ignore';

export interface GitStatus {
  /** The work tree's top folder. */
  workTree: string;
  /** The file's path relative to the work tree, with `/`. */
  relative: string;
  ignored: boolean;
  /** In the index (so committed changes would carry it), or the index could not be read. */
  tracked: boolean;
}

async function readText(file: string): Promise<string | undefined> {
  try {
    // git does not follow a .gitignore that is a symbolic link in the work tree; neither does this.
    if ((await fs.lstat(file)).isSymbolicLink()) return undefined;
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The work tree holding `dir` and its git folder (where `index` is) and common folder (where `info/exclude` is). */
export async function findRepository(dir: string): Promise<{ workTree: string; gitDir: string; commonDir: string } | undefined> {
  for (let current = path.resolve(dir); ;) {
    const dotGit = path.join(current, '.git');
    const stat = await fs.lstat(dotGit).catch(() => undefined);
    let gitDir: string | undefined;
    if (stat?.isDirectory()) gitDir = dotGit;
    else if (stat?.isFile()) {
      const line = /^gitdir:\s*(.+?)\s*$/m.exec((await readText(dotGit)) ?? '')?.[1];
      if (line) gitDir = path.resolve(current, line);
    }
    if (gitDir) {
      const common = (await readText(path.join(gitDir, 'commondir')))?.trim();
      return { workTree: current, gitDir, commonDir: common ? path.resolve(gitDir, common) : gitDir };
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

const CASE_INSENSITIVE = process.platform === 'win32' || process.platform === 'darwin';

let ignorePackage: typeof Ignore | undefined;
/** The `ignore` package, loaded when a secret is first saved (dist/ignore.js; esbuild.mjs LAZY). */
function ignore(options: Ignore.Options): Ignore.Ignore {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when first needed, not at activation
  return (ignorePackage ??= require('ignore') as typeof Ignore)(options);
}

/** The ignore rules of one source, relative to its folder (`base`, relative to the work tree, '' for the top). */
interface RuleSource {
  base: string;
  rules: Ignore.Ignore;
}

async function ruleSources(repo: { workTree: string; commonDir: string }, relativeDir: string): Promise<RuleSource[]> {
  const sources: RuleSource[] = [];
  const add = (base: string, text: string | undefined) => {
    if (text !== undefined) sources.push({ base, rules: ignore({ ignorecase: CASE_INSENSITIVE }).add(text) });
  };
  add('', await readText(path.join(repo.commonDir, 'info', 'exclude')));
  const segments = relativeDir ? relativeDir.split('/') : [];
  for (let i = 0; i <= segments.length; i++) {
    const base = segments.slice(0, i).join('/');
    add(base, await readText(path.join(repo.workTree, ...segments.slice(0, i), '.gitignore')));
  }
  return sources;
}

/** git's answer for one path (a folder ends in `/`): the last source with a rule for it decides. */
function excludedBy(sources: readonly RuleSource[], relative: string): boolean {
  let excluded = false;
  for (const { base, rules } of sources) {
    // A .gitignore speaks of what is below its folder, not of the folder itself.
    if (base && (!relative.startsWith(`${base}/`) || relative === `${base}/`)) continue;
    const { ignored, unignored } = rules.test(base ? relative.slice(base.length + 1) : relative);
    if (ignored) excluded = true;
    else if (unignored) excluded = false;
  }
  return excluded;
}

/** Whether `relative` (a file, with `/`) is ignored: a folder above it ignored, or the file itself. */
export async function isIgnored(repo: { workTree: string; commonDir: string }, relative: string): Promise<boolean> {
  const segments = relative.split('/');
  const sources = await ruleSources(repo, segments.slice(0, -1).join('/'));
  for (let i = 1; i < segments.length; i++) {
    // git does not look inside an ignored folder: nothing below it can be re-included.
    if (excludedBy(sources, `${segments.slice(0, i).join('/')}/`)) return true;
  }
  return excludedBy(sources, relative);
}

/** The paths in a git index (`/`-separated), or undefined when it cannot be read as data. */
export function indexPaths(index: Buffer): Set<string> | undefined {
  if (index.length < 12 || index.toString('latin1', 0, 4) !== 'DIRC') return undefined;
  const version = index.readUInt32BE(4);
  if (version < 2 || version > 4) return undefined;
  const count = index.readUInt32BE(8);
  const paths = new Set<string>();
  let offset = 12;
  let previous: Buffer = Buffer.alloc(0);
  for (let i = 0; i < count; i++) {
    if (offset + 62 > index.length) return undefined;
    const flags = index.readUInt16BE(offset + 60);
    let name = offset + 62 + (version >= 3 && flags & 0x4000 ? 2 : 0);
    let pathBytes: Buffer;
    if (version === 4) {
      // The number of bytes to drop from the previous path (git's offset varint), then the rest, NUL-ended.
      let byte = index[name++];
      let strip = byte & 0x7f;
      while (byte & 0x80) {
        byte = index[name++];
        strip = ((strip + 1) << 7) | (byte & 0x7f);
      }
      const end = index.indexOf(0, name);
      if (end < 0 || strip > previous.length) return undefined;
      pathBytes = Buffer.concat([previous.subarray(0, previous.length - strip), index.subarray(name, end)]);
      offset = end + 1;
    } else {
      const end = index.indexOf(0, name);
      if (end < 0) return undefined;
      pathBytes = index.subarray(name, end);
      // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes.
      offset += (name - offset + pathBytes.length + 8) & ~7;
    }
    previous = pathBytes;
    paths.add(pathBytes.toString('utf8'));
  }
  // Extensions follow (signature, size, data) up to the trailing hash; a split index ("link") keeps entries elsewhere.
  while (offset + 8 <= index.length - 20) {
    const signature = index.toString('latin1', offset, offset + 4);
    if (signature === 'link') return undefined;
    offset += 8 + index.readUInt32BE(offset + 4);
  }
  return paths;
}

/** Whether `relative` is in the work tree's index (a sparse index's folder entry holding it counts). */
async function isTracked(gitDir: string, relative: string): Promise<boolean> {
  let index: Buffer;
  try {
    index = await fs.readFile(path.join(gitDir, 'index'));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT'; // no index yet: nothing is tracked
  }
  const paths = indexPaths(index);
  // An index not read as data (a split index keeps entries in another file) counts as tracking the file.
  if (!paths) return true;
  if (paths.has(relative)) return true;
  const segments = relative.split('/');
  return segments.slice(0, -1).some((_, i) => paths.has(`${segments.slice(0, i + 1).join('/')}/`));
}

/** Where `file` sits in git's eyes, or undefined outside any work tree (or inside a `.git` folder). */
export async function gitStatus(file: string): Promise<GitStatus | undefined> {
  const repo = await findRepository(path.dirname(path.resolve(file)));
  if (!repo) return undefined;
  const relative = path.relative(repo.workTree, path.resolve(file)).split(path.sep).join('/');
  if (!relative || relative.startsWith('../') || relative.split('/')[0] === '.git') return undefined;
  const [ignored, tracked] = await Promise.all([isIgnored(repo, relative), isTracked(repo.gitDir, relative)]);
  return { workTree: repo.workTree, relative, ignored, tracked };
}

/** A .gitignore line that matches exactly this one path from the work tree's top (every special character escaped). */
export function gitignoreEntry(relative: string): string {
  const escaped = relative
    .split('/')
    .map((segment) =>
      segment
        .replace(/[\\[\]*?!#]/g, (c) => `\\${c}`)
        // Leading and trailing spaces: git strips unescaped trailing ones; escape both ends.
        .replace(/^ +| +$/g, (spaces) => spaces.replace(/ /g, '\\ ')),
    )
    .join('/');
  return `/${escaped}`;
}
