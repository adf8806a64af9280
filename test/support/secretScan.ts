// Looks for secrets in files: every file under the given folders, read as bytes, searched for each secret as UTF-8
// and as UTF-16LE (how some stores keep strings), so binary files (databases, caches) are searched too.
// Shared by the UI suite (after a run through the real UI) and the integration suite (its logs).
import * as fs from 'fs';
import * as path from 'path';
export interface SecretHit {
  file: string;
  secret: string;
  encoding: 'utf8' | 'utf16le';
  /** A little of the text around the find, with the secret itself replaced by its name. */
  context: string;
}

export interface ScanResult {
  files: string[];
  bytes: number;
  hits: SecretHit[];
}

/** Searches every file under `roots` (and the extra `files`) for each value of `secrets` (name → value). */
export function scanForSecrets(roots: string[], secrets: Map<string, string>, files: string[] = []): ScanResult {
  const all = [...new Set([...roots.flatMap((r) => walk(r)), ...files.filter((f) => fs.existsSync(f))])];
  const needles = [...secrets].flatMap(([name, value]) =>
    (['utf8', 'utf16le'] as const).map((encoding) => ({ name, encoding, bytes: Buffer.from(value, encoding) })),
  );
  const hits: SecretHit[] = [];
  let bytes = 0;
  for (const file of all) {
    let content: Buffer;
    try {
      content = fs.readFileSync(file);
    } catch {
      continue; // removed meanwhile (a lock file)
    }
    bytes += content.length;
    for (const needle of needles) {
      const at = content.indexOf(needle.bytes);
      if (at < 0) continue;
      const around = content.subarray(Math.max(0, at - 60), at + needle.bytes.length + 60).toString(needle.encoding);
      const context = around
        .split(Buffer.from(needle.bytes).toString(needle.encoding))
        .join(`<${needle.name}>`)
        .replace(/[^\x20-\x7e]/g, '.');
      hits.push({ file, secret: needle.name, encoding: needle.encoding, context });
    }
  }
  return { files: all, bytes, hits };
}

/** Every file below a folder (none if it does not exist). */
export function walk(dir: string): string[] {
  const files: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return files;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(full));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}
