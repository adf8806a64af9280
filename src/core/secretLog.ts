// A file that receives one-time secrets while a long run creates them (keys for thousands of devices take minutes at
// the platform's rate limit): each record is appended and flushed to disk as soon as its key exists, so a run that is
// cancelled, or whose window closes or crashes, leaves every created key's secret in the file. Running again appends
// to the same file. The file follows the rules of secretFile.ts: mode 0600 from its first byte, never written through
// a link. CSV keeps one header (later records are written in its columns); `.env` lines need none.
import { constants } from 'node:fs';
import * as fs from 'node:fs/promises';
import { csvLine, fieldsOf, formatFor, formatSecrets, type SecretFileFormat, type SecretRecord } from './secretFile';

export class SecretLogRefused extends Error {}

export interface SecretLog {
  readonly file: string;
  readonly format: SecretFileFormat;
  /** Records appended by this run. */
  readonly appended: number;
  /** Appends the record and waits until it is on disk. */
  append(record: SecretRecord): Promise<void>;
  close(): Promise<void>;
}

/** The CSV cells of one line (quotes as formatSecrets writes them). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** A record as CSV lines in the file's columns (`columns` from its header), or with its own header for a new file. */
function csvLines(record: SecretRecord, columns: readonly string[] | undefined): string {
  if (!columns) return formatSecrets('csv', [record]);
  const values = new Map([['name', record.name], ...fieldsOf(record).map((f): [string, string] => [f.label, f.value])]);
  const extra = [...values.keys()].filter((l) => !columns.includes(l));
  if (extra.length > 0) throw new SecretLogRefused(`The file's columns (${columns.join(', ')}) have no place for ${extra.join(', ')}`);
  return `${csvLine(columns.map((column) => values.get(column) ?? ''))}\n`;
}

/**
 * Opens `file` for appending, creating it (0600, exclusively, never through a link) when it does not exist. A link or
 * a folder at the path, a JSON file (it cannot grow record by record) or a CSV file without a header is refused.
 */
export async function openSecretLog(file: string): Promise<SecretLog> {
  const format = formatFor(file);
  if (format === 'json') throw new SecretLogRefused('A file that grows key by key must be .csv or .env, not .json');
  const existing = await fs.lstat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (existing?.isSymbolicLink()) throw new SecretLogRefused(`${file} is a symbolic link: App Keys writes secrets only to a file itself`);
  if (existing && !existing.isFile()) throw new SecretLogRefused(`${file} is not a file`);
  let columns: string[] | undefined;
  if (existing && format === 'csv') {
    const firstLine = (await fs.readFile(file, 'utf8')).split(/\r?\n/, 1)[0];
    if (firstLine) columns = csvCells(firstLine);
    else if (existing.size > 0) throw new SecretLogRefused(`${file} does not start with a CSV header`);
  }
  // O_NOFOLLOW is not defined on Windows (0 there: no effect); O_EXCL makes a new file ours from its first byte.
  const flags = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (existing ? 0 : constants.O_EXCL) | (constants.O_NOFOLLOW ?? 0);
  const handle = await fs.open(file, flags, 0o600);
  let appended = 0;
  // One append at a time: records never interleave, and each is on disk before the next starts.
  let queue: Promise<void> = Promise.resolve();
  return {
    file,
    format,
    get appended() {
      return appended;
    },
    append(record) {
      const run = queue.then(async () => {
        const text = format === 'csv' ? csvLines(record, columns) : formatSecrets('env', [record], { prefixNames: true });
        if (format === 'csv' && !columns) columns = csvCells(text.split('\n', 1)[0]);
        await handle.appendFile(text, 'utf8');
        await handle.sync();
        appended++;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      await queue;
      await handle.close();
    },
  };
}
