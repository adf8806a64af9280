// One-time secrets handed off to a file the user picked: `.env` lines, JSON or CSV (for many items),
// with what they belong to (the item's ID, its device's ID) in labelled fields of their own. The file is
// written where the user chose and nowhere else (a symbolic link there is replaced, never followed),
// readable by the user only from its first byte, and a word of warning comes first when git could
// commit it (gitIgnore.ts: decided without running git). App Keys itself stores the secrets nowhere.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { findRepository, gitignoreEntry, gitStatus, isIgnored } from './gitIgnore';
import type { OneTimeSecret } from './platforms/platform';

export type SecretFileFormat = 'env' | 'json' | 'csv';

/** The secrets of one new item, under the item's name. */
export interface SecretRecord {
  name: string;
  /** What the secrets belong to, each in its own labelled field (the item's ID, its device's ID): not secret. */
  ids?: readonly OneTimeSecret[];
  secrets: readonly OneTimeSecret[];
}

/** An item's ID as a field of its record, labelled by its kind (`keys` → `key_id`, `tokens` → `token_id`): English, like env names. */
export const idField = (kind: string, id: string): OneTimeSecret => ({ label: `${kind.replace(/s$/, '')}_id`, value: id });

/** Every labelled value of a record, its IDs first. */
export const fieldsOf = (record: SecretRecord): readonly OneTimeSecret[] => [...(record.ids ?? []), ...record.secrets];

/** By the file's name: `.env`, `x.env`, `.env.local` → env lines; `.json`; `.csv`; anything else → env lines. */
export function formatFor(file: string): SecretFileFormat {
  const name = path.basename(file).toLowerCase();
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.csv')) return 'csv';
  return 'env';
}

const envName = (text: string): string =>
  text
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '') || 'SECRET';

/** An env value that reads back as written: quoted when it holds anything but plain characters. */
const envValue = (value: string): string => (/^[A-Za-z0-9._~+/=:@-]*$/.test(value) ? value : JSON.stringify(value));

/**
 * A CSV cell a spreadsheet reads as text: one that a spreadsheet would take for a formula (beginning with =, +, -,
 * @, tab or CR) gets a leading single quote and quotes (OWASP's advice on CSV injection).
 */
const csvField = (value: string): string => {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return text !== value || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** A `.env` comment stays one line: every line break, Unicode's too (U+2028, U+2029, NEL, VT, FF), becomes a space. */
/** One CSV line of cells, each written as csvField says. */
export const csvLine = (cells: readonly string[]): string => cells.map(csvField).join(',');

const envComment = (text: string): string => `# ${text.replace(/[\r\n\u2028\u2029\u0085\v\f]+/g, ' ')}`;

/** `prefixNames`: env names carry the item's name even for one record (a file that grows record by record). */
export function formatSecrets(format: SecretFileFormat, records: readonly SecretRecord[], options: { prefixNames?: boolean } = {}): string {
  if (format === 'json') {
    const objects = records.map((r) => ({ name: r.name, ...Object.fromEntries(fieldsOf(r).map((s) => [s.label, s.value])) }));
    return `${JSON.stringify(objects.length === 1 ? objects[0] : objects, null, 2)}\n`;
  }
  if (format === 'csv') {
    const labels = [...new Set(records.flatMap((r) => fieldsOf(r).map((s) => s.label)))];
    const rows = records.map((r) => [r.name, ...labels.map((l) => fieldsOf(r).find((s) => s.label === l)?.value ?? '')]);
    return `${[['name', ...labels], ...rows].map(csvLine).join('\n')}\n`;
  }
  // One item: SECRET=…; several: each line prefixed with its item's name (TRUCK_03_GATEWAY_SECRET=…).
  const lines = records.flatMap((r) => [
    envComment(r.name),
    ...fieldsOf(r).map((s) => `${records.length > 1 || options.prefixNames ? `${envName(r.name)}_` : ''}${envName(s.label)}=${envValue(s.value)}`),
  ]);
  return `${lines.join('\n')}\n`;
}

/** What was at the path before: nothing, a file (replaced), or a symbolic link (replaced by the file; its target untouched). */
export type Replaced = 'nothing' | 'file' | 'link';

/**
 * Writes the file at exactly this path, readable and writable by its owner only from its first byte (mode 0600
 * where the platform has modes). A new file is created exclusively, never through a link; an existing file or
 * link is replaced atomically: a new file beside it (0600), then renamed over it, so that a link's target (a
 * tracked file, say) never receives the secret and a failure leaves the old file whole.
 */
export async function writeSecretFile(file: string, text: string): Promise<Replaced> {
  const existing = await fs.lstat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (existing?.isDirectory()) throw Object.assign(new Error(`${file} is a folder`), { code: 'EISDIR' });
  const target = existing ? path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`) : file;
  // O_NOFOLLOW is not defined on Windows (0 there: no effect).
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
  const handle = await fs.open(target, flags, 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    if (existing) await fs.rm(target, { force: true });
    throw error;
  }
  await handle.close();
  if (!existing) return 'nothing';
  try {
    await fs.rename(target, file);
  } catch (error) {
    await fs.rm(target, { force: true });
    throw error;
  }
  return existing.isSymbolicLink() ? 'link' : 'file';
}

/** Why git could commit the file: it sits in a work tree unignored, or it is tracked already (ignoring it would not help). */
export interface Committable {
  workTree: string;
  tracked: boolean;
}

/** Whether git could commit `file`, and in which work tree; undefined when it could not. Runs no program. */
export async function committableIn(file: string): Promise<Committable | undefined> {
  const status = await gitStatus(file);
  if (!status || (status.ignored && !status.tracked)) return undefined;
  return { workTree: status.workTree, tracked: status.tracked };
}

/**
 * Adds the file, relative to its work tree, to the work tree's .gitignore (escaped, so that it matches this name
 * only), then checks with the same rules that git now ignores it. Returns whether it does (a deeper .gitignore
 * may re-include it).
 */
export async function addToGitignore(workTree: string, file: string): Promise<boolean> {
  const ignoreFile = path.join(workTree, '.gitignore');
  const relative = path.relative(workTree, file).split(path.sep).join('/');
  const entry = gitignoreEntry(relative);
  let current = '';
  try {
    current = await fs.readFile(ignoreFile, 'utf8');
  } catch {
    // No .gitignore yet.
  }
  if (!current.split(/\r?\n/).includes(entry)) {
    await fs.writeFile(ignoreFile, `${current}${current && !current.endsWith('\n') ? '\n' : ''}${entry}\n`);
  }
  const repo = await findRepository(workTree);
  return repo !== undefined && (await isIgnored(repo, relative));
}
