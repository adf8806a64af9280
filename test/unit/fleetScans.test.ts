// Fleets (issue 20) in the core, against the sandbox: which devices already have keys (asked for in
// batches of 100 device IDs, every answer checked; a server that ignores the filter costs a whole
// read, never a wrong answer; a read that cannot reach its end is an error), the session's devices
// (the first 10,000 by name, the others searched by name), and Find Key…'s search.
import * as assert from 'assert';
import { DeviceDirectory, HELD_DEVICES, searchDevices } from '../../src/core/deviceDirectory';
import { ApiError } from '../../src/core/errors';
import { itemsNamed } from '../../src/core/createOutcome';
import { keysOfDevices } from '../../src/core/existingKeys';
import { itemFinder } from '../../src/core/findItems';
import type { ApplicationClient } from '../../src/core/service';
import { AppKeysService, type ApplicationRef } from '../../src/core/service';
import { SANDBOX_APPS, SANDBOX_EP, SANDBOX_TOKENS, type SandboxOptions } from '../sandbox';
import { useSandbox } from '../support/sandboxFixture';

const app = SANDBOX_APPS.emptyApp;
const KEYS = 3000;
const device = (n: number) => `dec0${n.toString(16).padStart(20, '0')}`;

/** A sandbox seeded with `options` for a describe, and a fresh service per test. */
function sandboxWith(options: SandboxOptions) {
  const h = useSandbox(options);
  let service: AppKeysService;
  beforeEach(() => (service = new AppKeysService({ timeoutMs: 10_000 })));
  afterEach(() => service.dispose());
  const connectTo = (ref: Omit<ApplicationRef, 'apiUrl'>, secret: string) => service.forApplication({ ...ref, apiUrl: h.sandbox.url }, secret);
  return {
    h,
    connectTo,
    connect: () => connectTo({ platform: 'losant', applicationId: app.id }, SANDBOX_TOKENS.full),
    keyLists: () => h.sandbox.requests.filter((r) => r.path === `/applications/${app.id}/keys`),
    appKeys: () => [...h.sandbox.state.losant.keys.values()].filter((k) => k.applicationId === app.id),
  };
}

describe('Fleets: existing keys, devices and Find Key… (against the sandbox)', () => {
  describe('keys of devices', () => {
    const { h, connect, keyLists, appKeys } = sandboxWith({ extraKeys: [{ applicationId: app.id, count: KEYS }] });
    beforeEach(() => {
      // Keys 0, 10, 20, … restricted to device i/10; every 70th of them to a second device as well (not "its own").
      appKeys().forEach((k, i) => {
        if (i % 10 === 0) k.deviceIds = i % 70 === 0 ? [device(i / 10), device(99_999)] : [device(i / 10)];
      });
    });
    const wanted = Array.from({ length: 250 }, (_, i) => device(i));
    const expected = () =>
      appKeys()
        .filter((k) => k.deviceIds?.length === 1 && wanted.includes(k.deviceIds[0]))
        .map((k) => k.deviceIds![0])
        .sort();

    it('asks for the devices in batches of 100 and keeps the keys restricted to one of them alone', async () => {
      const client = connect();
      const result = await keysOfDevices(client, client.resource('keys'), wanted);
      assert.deepStrictEqual([...result.byDevice.keys()].sort(), expected());
      assert.strictEqual(result.filterIgnored, false);
      assert.strictEqual(result.requests, 3);
      assert.strictEqual(keyLists().length, 3);
      assert.deepStrictEqual(JSON.parse(keyLists()[0].query.query), { deviceIds: { $in: wanted.slice(0, 100) } });
    });

    it('gives the same answer when the server ignores the filter: one whole read instead', async () => {
      h.sandbox.faults = { ignoreQuery: true };
      const client = connect();
      const result = await keysOfDevices(client, client.resource('keys'), wanted);
      assert.deepStrictEqual([...result.byDevice.keys()].sort(), expected());
      assert.strictEqual(result.filterIgnored, true);
      const whole = keyLists().filter((r) => r.query.query === undefined);
      assert.strictEqual(whole.length, KEYS / 1000);
    });

    it('looks up a create whose answer was lost to the end of the list, beyond 10,000 items of the same name', async () => {
      const TOTAL = 25_000;
      const resource = connect().resource('keys');
      const fake = {
        list: async (_r: unknown, query: { page: number; perPage: number; filter?: string }) => {
          const start = query.page * query.perPage;
          const items = Array.from({ length: Math.max(0, Math.min(query.perPage, TOTAL - start)) }, (_, i) => {
            const n = start + i;
            return { id: n.toString(16).padStart(24, '0'), data: { name: n === TOTAL - 1 ? 'Truck 7' : 'Truck 7 (old)' } };
          });
          return { items, totalCount: TOTAL, page: query.page, perPage: query.perPage };
        },
      } as unknown as ApplicationClient;
      const found = await itemsNamed(fake, resource, 'Truck 7');
      assert.deepStrictEqual(
        found.map((k) => k.id),
        [(TOTAL - 1).toString(16).padStart(24, '0')],
      );
    });

    it('refuses to answer when a read cannot reach its end (a server repeating its first page)', async () => {
      const items = Array.from({ length: 1000 }, (_, i) => ({ id: i.toString(16).padStart(24, '0'), data: { deviceIds: [device(i)] } }));
      const repeating = { list: async () => ({ items, totalCount: 50_000, page: 0, perPage: 1000 }) } as unknown as ApplicationClient;
      const resource = connect().resource('keys');
      await assert.rejects(keysOfDevices(repeating, { ...resource, advancedQuery: undefined }, wanted), (e: unknown) => e instanceof ApiError);
    });
  });

  describe('devices beyond those held', () => {
    const { connect } = sandboxWith({ extraDevices: [{ applicationId: app.id, count: HELD_DEVICES + 500 }] });

    it('holds the first 10,000 by name and finds the others by name glob on the server', async () => {
      const client = connect();
      const index = await new DeviceDirectory().devices(client);
      assert.strictEqual(index.devices.length, HELD_DEVICES);
      assert.strictEqual(index.incomplete, true);
      assert.strictEqual(index.get(index.devices[0].id)?.name, 'Device 00001');
      const far = await searchDevices(client, '*device 1049*');
      assert.deepStrictEqual(
        far.map((d) => d.name),
        Array.from({ length: 10 }, (_, i) => `Device 1049${i}`),
      );
    });

    it('shows only matching names when the server ignores the name filter', async () => {
      const other = { listDevices: async () => ({ devices: [{ id: device(1), name: 'Unrelated', tags: [] }], page: 0, perPage: 100 }) };
      assert.deepStrictEqual(await searchDevices(other as unknown as ApplicationClient, '*device 1049*'), []);
    });
  });

  describe('Find Key…', () => {
    const { h, connect, connectTo, keyLists, appKeys } = sandboxWith({ extraKeys: [{ applicationId: app.id, count: KEYS }] });

    it('searches name and key value on the server; what an ignoring server sends that does not match is not shown', async () => {
      const client = connect();
      const find = itemFinder(client, client.resource('keys'));
      const target = appKeys()[1234];
      const byKey = await find(target.key.slice(4, 16).toUpperCase());
      assert.deepStrictEqual(
        byKey.map((k) => k.id),
        [target.id],
      );
      const byName = await find('KEY 0299');
      assert.deepStrictEqual(byName.map((k) => k.data.name).sort(), [
        'Generated key 02990',
        'Generated key 02991',
        'Generated key 02992',
        'Generated key 02993',
        'Generated key 02994',
        'Generated key 02995',
        'Generated key 02996',
        'Generated key 02997',
        'Generated key 02998',
        'Generated key 02999',
      ]);
      assert.strictEqual(keyLists().length, 2, 'one request a search');
      h.sandbox.faults = { ignoreQuery: true };
      const ignored = await find(target.key.slice(4, 16));
      assert.ok(ignored.every((k) => String(k.data.key).includes(target.key.slice(4, 16)) || String(k.data.name).includes(target.key.slice(4, 16))));
    });

    it('matches Elastic Path keys here, with the glob, reading the list once per pick', async () => {
      const client = connectTo({ platform: 'elasticpath', applicationId: SANDBOX_EP.storeId, clientId: SANDBOX_EP.clientId }, SANDBOX_EP.clientSecret);
      const find = itemFinder(client, client.resource('keys'));
      const all = await find('');
      assert.ok(all.length > 0);
      const name = String(all[0].data.name);
      const found = await find(name.slice(1, 5).toLowerCase());
      assert.ok(found.some((k) => k.id === all[0].id));
      const lists = h.sandbox.requests.filter((r) => r.path === '/v2/application-keys').length;
      await find('zzzz-nothing');
      assert.strictEqual(h.sandbox.requests.filter((r) => r.path === '/v2/application-keys').length, lists, 'read once per pick');
    });
  });
});
