// The file that receives secrets while a long run creates keys: appended and flushed record by record (0600, never
// through a link, one CSV header), and a run killed part-way (SIGKILL, as a crash ends an extension host) leaves the
// secret of every key that exists in it; running again creates only the missing keys, exactly once, into the same file.
import * as assert from 'assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listAllDevices } from '../../src/core/deviceDirectory';
import { createDeviceKeys, deviceKeyRecord, keysByDevice } from '../../src/core/deviceKeys';
import { loadEveryItem } from '../../src/core/listing';
import { openSecretLog, SecretLogRefused } from '../../src/core/secretLog';
import { AppKeysService } from '../../src/core/service';
import { SANDBOX_APPS, SANDBOX_TOKENS } from '../sandbox';
import { useSandbox } from '../support/sandboxFixture';

const app = SANDBOX_APPS.emptyApp;
const DEVICES = 40;

/** The CSV's rows as objects by its header (the cells App Keys writes need no quotes: IDs, UUIDs, hex). */
function rows(file: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
  const columns = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell])));
}

describe('Secrets appended as keys are created', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appkeys-secretlog-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const record = (n: number) => ({
    name: `Device ${n}`,
    ids: [
      { label: 'device_id', value: `d${n}` },
      { label: 'key_id', value: `k${n}` },
    ],
    secrets: [
      { label: 'key', value: `key-${n}` },
      { label: 'secret', value: `=secret,${n}` },
    ],
  });

  it('appends CSV rows under one header, mode 0600, and appends to the same file when opened again', async () => {
    const file = path.join(dir, 'device-keys.csv');
    let log = await openSecretLog(file);
    await log.append(record(1));
    await log.append(record(2));
    await log.close();
    if (process.platform !== 'win32') assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
    log = await openSecretLog(file);
    await log.append(record(3));
    await log.close();
    assert.strictEqual(log.appended, 1);
    assert.strictEqual(
      fs.readFileSync(file, 'utf8'),
      [
        'name,device_id,key_id,key,secret',
        `Device 1,d1,k1,key-1,"'=secret,1"`,
        `Device 2,d2,k2,key-2,"'=secret,2"`,
        `Device 3,d3,k3,key-3,"'=secret,3"`,
        '',
      ].join('\n'),
    );
  });

  it('appends .env lines named after each item', async () => {
    const file = path.join(dir, 'keys.env');
    const log = await openSecretLog(file);
    await log.append(record(1));
    await log.append(record(2));
    await log.close();
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /^DEVICE_1_KEY=key-1$/m);
    assert.match(text, /^DEVICE_2_SECRET="=secret,2"$/m);
  });

  it('refuses a link, a folder and a JSON file, and writes nothing', async () => {
    const target = path.join(dir, 'tracked.csv');
    fs.writeFileSync(target, 'name\n');
    const link = path.join(dir, 'link.csv');
    fs.symlinkSync(target, link);
    await assert.rejects(openSecretLog(link), SecretLogRefused);
    await assert.rejects(openSecretLog(dir), SecretLogRefused);
    await assert.rejects(openSecretLog(path.join(dir, 'keys.json')), SecretLogRefused);
    assert.strictEqual(fs.readFileSync(target, 'utf8'), 'name\n');
    assert.ok(!fs.existsSync(path.join(dir, 'keys.json')));
  });

  describe(`a run of ${DEVICES} devices killed part-way, then run again`, () => {
    const h = useSandbox({ extraDevices: [{ applicationId: app.id, count: DEVICES }] });

    it('leaves the secret of every key that exists in the file; the second run creates the rest, exactly once each', async function () {
      this.timeout(60_000);
      const file = path.join(dir, 'device-keys.csv');
      const keysOnServer = () => [...h.sandbox.state.losant.keys.values()].filter((k) => k.applicationId === app.id);
      h.sandbox.latencyMs = 30;
      const child = spawn(process.execPath, [path.join(__dirname, 'fixtures', 'deviceKeysRun.js'), h.sandbox.url, SANDBOX_TOKENS.full, app.id, file], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const until = async (what: string, probe: () => boolean) => {
        for (const end = Date.now() + 30_000; !probe();) {
          if (Date.now() > end) throw new Error(`timed out waiting for ${what}; child: ${stderr}`);
          await new Promise((r) => setTimeout(r, 10));
        }
      };
      await until('a few keys', () => keysOnServer().length >= 10);
      // From now on the server turns every create away unprocessed (503; the run keeps trying), so no key is made
      // whose answer the run never had; once the file has caught up with the server, the process is killed.
      h.sandbox.faults = { latencyMs: 30, rate: 1, kinds: ['status503'], methods: ['POST'] };
      const made = keysOnServer().length;
      await until('the file to hold every key made', () => fs.existsSync(file) && rows(file).length === keysOnServer().length);
      child.kill('SIGKILL');
      assert.strictEqual(await exited, null, `killed, not finished (${stderr})`);
      assert.ok(made < DEVICES, `part-way: ${made} of ${DEVICES}`);

      const server = new Map(keysOnServer().map((k) => [k.id, k]));
      const written = rows(file);
      assert.deepStrictEqual(written.map((r) => r.key_id).sort(), [...server.keys()].sort(), 'the file holds exactly the keys that exist');
      for (const r of written) {
        const key = server.get(r.key_id)!;
        assert.deepStrictEqual([r.key, r.secret, r.device_id], [key.key, key.secret, key.deviceIds?.[0]], `the whole credential of ${r.name}`);
      }

      // Again, in this process: devices with a key are skipped, the rest get theirs, appended to the same file.
      h.sandbox.faults = { latencyMs: 0, rate: 0, kinds: [] };
      const service = new AppKeysService({ timeoutMs: 5000 });
      try {
        const client = service.forApplication({ platform: 'losant', applicationId: app.id, apiUrl: h.sandbox.url }, SANDBOX_TOKENS.full);
        const resource = client.resource('keys');
        const { devices } = await listAllDevices(client, {});
        const existing = (await loadEveryItem((q, s) => client.list(resource, q, s), resource, {})).items;
        const having = keysByDevice(existing);
        const log = await openSecretLog(file);
        await createDeviceKeys(
          client,
          resource,
          devices.filter((d) => !having.has(d.id)),
          {
            concurrency: 4,
            existing,
            signal: new AbortController().signal,
            onCreated: (o) => log.append(deviceKeyRecord(resource, o)),
          },
        );
        await log.close();
      } finally {
        await service.dispose();
      }
      const all = keysOnServer();
      assert.strictEqual(all.length, DEVICES, 'one key per device');
      assert.strictEqual(new Set(all.map((k) => k.deviceIds?.[0])).size, DEVICES, 'no device has two');
      const final = rows(file);
      assert.deepStrictEqual(final.map((r) => r.key_id).sort(), all.map((k) => k.id).sort(), 'every secret in the one file, once');
      for (const r of final) assert.strictEqual(r.secret, all.find((k) => k.id === r.key_id)?.secret);
    });
  });
});
