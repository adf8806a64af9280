// One-time secrets saved to a file: the formats, the file's mode, and the git work-tree check.
import * as assert from 'assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addToGitignore, formatFor, formatSecrets, unignoredWorkTree, writeSecretFile } from '../../src/core/secretFile';

const one = [{ name: 'Truck 03 gateway', secrets: [{ label: 'secret', value: 's3cr3t-value' }] }];
const many = [
  {
    name: 'Checkout',
    secrets: [
      { label: 'client_id', value: 'id-1' },
      { label: 'client_secret', value: 'a,"b"' },
    ],
  },
  {
    name: 'Search',
    secrets: [
      { label: 'client_id', value: 'id-2' },
      { label: 'client_secret', value: 'c d' },
    ],
  },
];

describe('secret files', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appkeys-secrets-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('picks the format by the file name', () => {
    assert.deepStrictEqual(['.env', 'prod.env', '.env.local', 'keys.json', 'keys.CSV', 'secrets.txt'].map(formatFor), [
      'env',
      'env',
      'env',
      'json',
      'csv',
      'env',
    ]);
  });

  it('writes .env lines: plain names for one item, prefixed by the item for several, values quoted when needed', () => {
    assert.strictEqual(formatSecrets('env', one), '# Truck 03 gateway\nSECRET=s3cr3t-value\n');
    assert.strictEqual(
      formatSecrets('env', many),
      '# Checkout\nCHECKOUT_CLIENT_ID=id-1\nCHECKOUT_CLIENT_SECRET="a,\\"b\\""\n# Search\nSEARCH_CLIENT_ID=id-2\nSEARCH_CLIENT_SECRET="c d"\n',
    );
  });

  it('writes JSON (an object for one item, an array for several) and CSV that read back as written', () => {
    assert.deepStrictEqual(JSON.parse(formatSecrets('json', one)), { name: 'Truck 03 gateway', secret: 's3cr3t-value' });
    assert.deepStrictEqual(JSON.parse(formatSecrets('json', many)), [
      { name: 'Checkout', client_id: 'id-1', client_secret: 'a,"b"' },
      { name: 'Search', client_id: 'id-2', client_secret: 'c d' },
    ]);
    assert.strictEqual(formatSecrets('csv', many), 'name,client_id,client_secret\nCheckout,id-1,"a,""b"""\nSearch,id-2,c d\n');
  });

  it('creates the file readable by its owner only (where the platform has modes), and makes an existing file so too', async () => {
    const modes = process.platform !== 'win32';
    const file = path.join(dir, '.env');
    await writeSecretFile(file, 'A=1\n');
    if (modes) assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
    fs.chmodSync(file, 0o644);
    await writeSecretFile(file, 'A=2\n');
    if (modes) assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'A=2\n');
  });

  it('says when the file would sit unignored in a git work tree, and .gitignore fixes it', async () => {
    assert.strictEqual(await unignoredWorkTree(path.join(dir, '.env')), undefined, 'outside a work tree');
    execFileSync('git', ['init', '-q', dir]);
    const file = path.join(dir, 'config', '.env');
    fs.mkdirSync(path.dirname(file));
    assert.strictEqual(fs.realpathSync(String(await unignoredWorkTree(file))), fs.realpathSync(dir));
    await addToGitignore(fs.realpathSync(dir), path.join(fs.realpathSync(dir), 'config', '.env'));
    await addToGitignore(fs.realpathSync(dir), path.join(fs.realpathSync(dir), 'config', '.env'));
    assert.strictEqual(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8'), '/config/.env\n', 'added once');
    assert.strictEqual(await unignoredWorkTree(file), undefined, 'ignored now');
  });
});
