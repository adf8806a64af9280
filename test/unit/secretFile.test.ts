// One-time secrets saved to a file: the formats (the whole credential, IDs in their own fields, cells a spreadsheet
// reads as text), the file's mode from its first byte, never through a link, and the git work-tree check.
import * as assert from 'assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addToGitignore, committableIn, formatFor, formatSecrets, writeSecretFile } from '../../src/core/secretFile';

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
    assert.strictEqual(await writeSecretFile(file, 'A=1\n'), 'nothing');
    if (modes) assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
    fs.chmodSync(file, 0o644);
    assert.strictEqual(await writeSecretFile(file, 'A=2\n'), 'file', 'says it replaced a file');
    if (modes) assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'A=2\n');
    assert.deepStrictEqual(fs.readdirSync(dir), ['.env'], 'no temporary file left');
  });

  it('writes the whole credential: the key beside its secret, the item and device IDs in labelled fields of their own', () => {
    const device = [
      {
        name: 'Truck 03',
        ids: [
          { label: 'device_id', value: 'd3' },
          { label: 'key_id', value: 'k3' },
        ],
        secrets: [
          { label: 'key', value: 'pub-3' },
          { label: 'secret', value: 'sec-3' },
        ],
      },
      {
        name: 'Truck 04',
        ids: [
          { label: 'device_id', value: 'd4' },
          { label: 'key_id', value: 'k4' },
        ],
        secrets: [
          { label: 'key', value: 'pub-4' },
          { label: 'secret', value: 'sec-4' },
        ],
      },
    ];
    assert.strictEqual(formatSecrets('csv', device), 'name,device_id,key_id,key,secret\nTruck 03,d3,k3,pub-3,sec-3\nTruck 04,d4,k4,pub-4,sec-4\n');
    assert.deepStrictEqual((JSON.parse(formatSecrets('json', device)) as unknown[])[1], {
      name: 'Truck 04',
      device_id: 'd4',
      key_id: 'k4',
      key: 'pub-4',
      secret: 'sec-4',
    });
    assert.strictEqual(
      formatSecrets('env', device),
      '# Truck 03\nTRUCK_03_DEVICE_ID=d3\nTRUCK_03_KEY_ID=k3\nTRUCK_03_KEY=pub-3\nTRUCK_03_SECRET=sec-3\n' +
        '# Truck 04\nTRUCK_04_DEVICE_ID=d4\nTRUCK_04_KEY_ID=k4\nTRUCK_04_KEY=pub-4\nTRUCK_04_SECRET=sec-4\n',
    );
  });

  it('writes CSV cells a spreadsheet would run as formulas as quoted text (=, +, -, @, tab, CR)', () => {
    const names = ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tTab', '\rCR', 'Plain', 'a=b'];
    const csv = formatSecrets(
      'csv',
      names.map((name) => ({ name, secrets: [{ label: 'secret', value: name === 'Plain' ? '-secret' : 's' }] })),
    );
    assert.strictEqual(
      csv,
      'name,secret\n"\'=HYPERLINK(""http://x"")",s\n"\'+1",s\n"\'-2+3",s\n"\'@SUM(A1)",s\n"\'\tTab",s\n"\'\rCR",s\nPlain,"\'-secret"\na=b,s\n',
    );
  });

  it('keeps a .env comment on one line whatever line break the name holds (\\n, U+2028, U+2029, NEL)', () => {
    const text = formatSecrets('env', [{ name: 'a\nb\u2028c\u2029d\u0085e', secrets: [{ label: 'secret', value: 's' }] }]);
    assert.strictEqual(text, '# a b c d e\nSECRET=s\n');
  });

  it('never writes through a symbolic link: a link to a tracked file is replaced, its target keeps its text', async () => {
    const tracked = path.join(dir, 'config.js');
    fs.writeFileSync(tracked, 'module.exports = {};\n');
    const link = path.join(dir, '.env');
    fs.symlinkSync(tracked, link);
    assert.strictEqual(await writeSecretFile(link, 'SECRET=s\n'), 'link');
    assert.strictEqual(fs.readFileSync(tracked, 'utf8'), 'module.exports = {};\n', 'the target is untouched');
    assert.ok(!fs.lstatSync(link).isSymbolicLink(), 'a file now, not a link');
    assert.strictEqual(fs.readFileSync(link, 'utf8'), 'SECRET=s\n');
    if (process.platform !== 'win32') assert.strictEqual(fs.statSync(link).mode & 0o777, 0o600);
  });

  it('replaces an existing file with a new 0600 file: the old one (mode 0644, still open elsewhere) never holds the secret', async () => {
    const file = path.join(dir, '.env');
    fs.writeFileSync(file, 'OLD=1\n', { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    // A reader who opened the old file before (an editor, a sync tool) keeps reading the old file: it must not get the secret.
    const reader = fs.openSync(file, 'r');
    try {
      assert.strictEqual(await writeSecretFile(file, 'SECRET=s\n'), 'file');
      const old = Buffer.alloc(64);
      const n = fs.readSync(reader, old, 0, 64, 0);
      assert.strictEqual(old.toString('utf8', 0, n), 'OLD=1\n', 'the readable 0644 file was never written with the secret (then chmod-ed)');
      if (process.platform !== 'win32') assert.strictEqual(fs.fstatSync(reader).mode & 0o777, 0o644);
    } finally {
      fs.closeSync(reader);
    }
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'SECRET=s\n');
    if (process.platform !== 'win32') assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
  });

  it('says when the file would sit unignored in a git work tree, and .gitignore fixes it', async () => {
    assert.strictEqual(await committableIn(path.join(dir, '.env')), undefined, 'outside a work tree');
    execFileSync('git', ['init', '-q', dir]);
    const file = path.join(dir, 'config', '.env');
    fs.mkdirSync(path.dirname(file));
    assert.strictEqual(fs.realpathSync(String((await committableIn(file))?.workTree)), fs.realpathSync(dir));
    assert.strictEqual(await addToGitignore(fs.realpathSync(dir), path.join(fs.realpathSync(dir), 'config', '.env')), true);
    await addToGitignore(fs.realpathSync(dir), path.join(fs.realpathSync(dir), 'config', '.env'));
    assert.strictEqual(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8'), '/config/.env\n', 'added once');
    assert.strictEqual(await committableIn(file), undefined, 'ignored now');
  });

  it('adds names with [ ] * ? ! # \\ and leading or trailing spaces escaped, so that git really ignores them', async () => {
    execFileSync('git', ['init', '-q', dir]);
    const top = fs.realpathSync(dir);
    const names = ['device-keys [prod].csv', 'trailing space.env ', ' leading.env', '!bang.env', '#hash.env', 'star*.env', 'what?.env', 'back\\slash.env'];
    for (const name of names) {
      fs.writeFileSync(path.join(top, name), 'x');
      assert.strictEqual(await addToGitignore(top, path.join(top, name)), true, `${JSON.stringify(name)} is ignored by the same rules`);
    }
    // git itself agrees (run here, in the test, on a repository the test made): every name ignored, nothing else.
    fs.writeFileSync(path.join(top, 'device-keys p.csv'), 'x');
    fs.writeFileSync(path.join(top, 'starX.env'), 'x');
    const ignored = execFileSync('git', ['-C', top, 'status', '--porcelain', '--ignored', '-z'], { encoding: 'utf8' })
      .split('\0')
      .filter((line) => line.startsWith('!! '))
      .map((line) => line.slice(3))
      .sort();
    assert.deepStrictEqual(ignored, [...names].sort());
  });
});
