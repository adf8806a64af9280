// One-time secrets handed off to a file the user picked: `.env` lines, JSON or CSV (for many items),
// created readable by the user only where the platform allows, and a word of warning when the file
// would sit unignored in a git work tree. App Keys itself stores the secrets nowhere.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { OneTimeSecret } from './platforms/platform';

export type SecretFileFormat = 'env' | 'json' | 'csv';

/** The secrets of one new item, under the item's name. */
export interface SecretRecord {
  name: string;
  secrets: readonly OneTimeSecret[];
}

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

const csvField = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function formatSecrets(format: SecretFileFormat, records: readonly SecretRecord[]): string {
  if (format === 'json') {
    const objects = records.map((r) => ({ name: r.name, ...Object.fromEntries(r.secrets.map((s) => [s.label, s.value])) }));
    return `${JSON.stringify(objects.length === 1 ? objects[0] : objects, null, 2)}\n`;
  }
  if (format === 'csv') {
    const labels = [...new Set(records.flatMap((r) => r.secrets.map((s) => s.label)))];
    const rows = records.map((r) => [r.name, ...labels.map((l) => r.secrets.find((s) => s.label === l)?.value ?? '')]);
    return `${[['name', ...labels], ...rows].map((row) => row.map(csvField).join(',')).join('\n')}\n`;
  }
  // One item: SECRET=…; several: each line prefixed with its item's name (TRUCK_03_GATEWAY_SECRET=…).
  const lines = records.flatMap((r) => [
    `# ${r.name.replace(/[\r\n]+/g, ' ')}`,
    ...r.secrets.map((s) => `${records.length > 1 ? `${envName(r.name)}_` : ''}${envName(s.label)}=${envValue(s.value)}`),
  ]);
  return `${lines.join('\n')}\n`;
}

/** Writes the file readable and writable by its owner only (mode 0600 where the platform has modes). */
export async function writeSecretFile(file: string, text: string): Promise<void> {
  await fs.writeFile(file, text, { encoding: 'utf8', mode: 0o600 });
  // An existing file keeps its mode on writeFile: set it.
  if (process.platform !== 'win32') await fs.chmod(file, 0o600);
}

function git(cwd: string, args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, timeout: 10_000 }, (error, stdout) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : -1) : 0;
      resolve({ code, stdout: String(stdout) });
    });
  });
}

/** The git work tree that would hold `file` unignored (so it could be committed), or undefined. */
export async function unignoredWorkTree(file: string): Promise<string | undefined> {
  const dir = path.dirname(file);
  try {
    await fs.access(dir);
  } catch {
    return undefined;
  }
  const top = await git(dir, ['rev-parse', '--show-toplevel']);
  if (top.code !== 0) return undefined; // not a work tree, or no git here
  const ignored = await git(dir, ['check-ignore', '-q', '--', path.basename(file)]);
  return ignored.code === 0 ? undefined : top.stdout.trim();
}

/** Adds the file, relative to its work tree, to the work tree's .gitignore. */
export async function addToGitignore(workTree: string, file: string): Promise<void> {
  const ignoreFile = path.join(workTree, '.gitignore');
  const entry = `/${path.relative(workTree, file).split(path.sep).join('/')}`;
  let current = '';
  try {
    current = await fs.readFile(ignoreFile, 'utf8');
  } catch {
    // No .gitignore yet.
  }
  if (current.split(/\r?\n/).includes(entry)) return;
  await fs.writeFile(ignoreFile, `${current}${current && !current.endsWith('\n') ? '\n' : ''}${entry}\n`);
}
