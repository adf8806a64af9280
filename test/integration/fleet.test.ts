// Fleets (issue 20), in the real extension host: an application of 20,053 keys in which three devices
// already have keys of their own, placed in the middle of every ordering the list can be asked for
// (beyond the first 10,000 both ways). Create Keys for Devices… with skipExisting makes no second key
// for them, whether the server honours the advanced `query` or ignores it; Load all shows what a tree
// can and says what it left out; Find Key… reaches a key the tree does not show.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { figure } from './figures';
import { parseObject } from '../support/json';
import { addApplication, createKeyDocument, children, keyGroup, label, SANDBOX_APPS, SANDBOX_TOKENS, useHarness } from './harness';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLOSE_SECRETS } from './scriptedUserInput';

const app = SANDBOX_APPS.emptyApp;
const KEYS = 20_053;
const MIDDLE = 10_025;
const SORT_FIELDS = ['key', 'status', 'id', 'creationDate', 'lastUpdated', 'name'] as const;
const deviceId = (n: number) => `d1ce${n.toString(16).padStart(20, '0')}`;

interface Result {
  device: { id: string; name: string };
  status: string;
}

describe(`Fleets: ${KEYS} keys, three devices' keys in the middle of every ordering`, () => {
  const h = useHarness(
    async () => {
      placeInTheMiddle();
      await addApplication(h, app.id, SANDBOX_TOKENS.full);
    },
    { extraKeys: [{ applicationId: app.id, count: KEYS }] },
  );
  const serverKeys = () => [...h.sandbox.state.losant.keys.values()].filter((k) => k.applicationId === app.id);
  const devices = Array.from({ length: 10 }, (_, i) => ({ id: deviceId(i + 1), name: `Fleet device ${i + 1}` }));
  const keysOf = (id: string) => serverKeys().filter((k) => k.deviceIds?.length === 1 && k.deviceIds[0] === id);

  /** Ten devices; the first three get one key each, moved to the middle of every ordering. */
  function placeInTheMiddle(): void {
    const state = h.sandbox.state.losant;
    for (const d of devices) {
      const at = '2024-01-01T00:00:00.000Z';
      state.devices.set(d.id, { ...d, applicationId: app.id, description: '', tags: [], deviceClass: 'standalone', creationDate: at, lastUpdated: at });
    }
    const keys = serverKeys();
    // Every key active: the status ordering is then the ID ordering.
    for (const k of keys) k.status = 'active';
    const middle = (field: 'name' | 'key' | 'creationDate' | 'lastUpdated') => keys.map((k) => k[field] ?? '').sort()[MIDDLE - 1];
    const [name, key, created, updated] = [middle('name'), middle('key'), middle('creationDate'), middle('lastUpdated')];
    const chosen = [...keys].sort((a, b) => (a.id < b.id ? -1 : 1)).slice(MIDDLE, MIDDLE + 3);
    chosen.forEach((k, i) => {
      k.name = `${name} ${i}`;
      k.key = `${key}${i}`;
      k.creationDate = new Date(Date.parse(created) + 1 + i).toISOString();
      k.lastUpdated = new Date(Date.parse(updated) + 1 + i).toISOString();
      k.deviceIds = [devices[i].id];
    });
  }

  it("has the devices' keys beyond the first 10,000 in every ordering, both ways", () => {
    const keys = serverKeys();
    assert.strictEqual(keys.length, KEYS);
    for (const field of SORT_FIELDS) {
      const asc = keys
        .map((k) => ({ value: String(k[field]), id: k.id, k }))
        .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : a.id < b.id ? -1 : 1));
      for (const d of devices.slice(0, 3)) {
        const at = asc.findIndex((e) => e.k.deviceIds?.[0] === d.id);
        assert.ok(at >= 10_000 && KEYS - 1 - at >= 10_000, `${field}: position ${at} of ${KEYS}`);
      }
    }
  });

  for (const ignored of [false, true]) {
    it(`creates no second key for the three devices, ${ignored ? 'with the filter ignored by the server' : 'with the filter honoured'}`, async function () {
      this.timeout(120_000);
      if (ignored) h.sandbox.faults = { ignoreQuery: true };
      h.ui.answer('Create 7 Keys');
      const before = h.sandbox.requests.length;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appkeys-fleet-'));
      const results = await vscode.commands
        .executeCommand<Result[]>('appKeys.createKeysForDevices', {
          applicationId: app.id,
          deviceIds: devices.map((d) => d.id),
          skipExisting: true,
          secretsFile: path.join(dir, 'device-keys.csv'),
        })
        .then((r) => {
          fs.rmSync(dir, { recursive: true, force: true });
          return r;
        });
      assert.deepStrictEqual(
        results.map((r) => [r.device.name, r.status]),
        devices.slice(3).map((d) => [d.name, 'created']),
      );
      for (const d of devices) assert.strictEqual(keysOf(d.id).length, 1, `${d.name}: exactly one key`);
      const lists = h.sandbox.requests.slice(before).filter((r) => r.method === 'GET' && r.path.endsWith('/keys'));
      // The filter in the form Losant's official client sends it: the JSON text in one `query` parameter.
      assert.strictEqual(lists[0].query.query, JSON.stringify({ deviceIds: { $in: devices.map((d) => d.id) } }));
      if (ignored) assert.ok(lists.length >= Math.ceil(KEYS / 1000), `the whole list was read: ${lists.length} requests`);
      else assert.strictEqual(lists.length, 1, 'one filtered request');
      figure(`existing-key scan, 10 devices among ${KEYS} keys, filter ${ignored ? 'ignored' : 'honoured'}: ${lists.length} list requests`);
    });
  }

  it('reports on every key, not only those a tree would show: the three without a description are found', async function () {
    this.timeout(120_000);
    for (const k of serverKeys()) k.description = k.deviceIds ? '' : 'described';
    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.staleKeysReport', { days: 90 });
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    assert.match(text, new RegExp(`· ${KEYS} application keys`));
    const section = text.slice(text.indexOf('### Without a description'));
    assert.match(section, /^### Without a description: 3$/m);
    for (const d of devices.slice(0, 3)) assert.ok(section.includes(keysOf(d.id)[0].name!), `${d.name}'s key is listed`);
  });

  it('shows 10,000 keys on Load all, says how many it left out, and Find Key… reaches one of the others', async function () {
    this.timeout(120_000);
    const loaded = await vscode.commands.executeCommand<number>('appKeys.loadAll', { applicationId: app.id });
    assert.strictEqual(loaded, 10_000);
    const { group, items } = await keyGroup(h, app.id);
    assert.strictEqual(items.filter((i) => i.kind === 'item').length, 10_000);
    const note = items.find((i) => i.kind === 'message');
    assert.ok(note, 'a message says what was left out');
    assert.strictEqual(label(h, note), `${KEYS - 10_000} more application keys not shown: use Find Key… or a filter to reach them`);
    assert.doesNotMatch(String(h.api.tree.getTreeItem(group as never).description), /may be incomplete/);

    // The oldest key is the last in the default order (newest first): not in the tree.
    const oldest = serverKeys().sort((a, b) => (a.creationDate < b.creationDate ? -1 : 1))[0];
    assert.ok(!items.some((i) => (i as { item?: { id: string } }).item?.id === oldest.id));
    h.ui.answer(`${oldest.key.slice(0, 13).toUpperCase()}=>${oldest.name}`);
    const found = await vscode.commands.executeCommand<string>('appKeys.findKey', { applicationId: app.id });
    assert.strictEqual(found, oldest.id);
    const search = h.sandbox.requests.filter((r) => r.path.endsWith('/keys') && r.query.query?.includes('$contains')).at(-1);
    assert.deepStrictEqual(JSON.parse(search!.query.query), {
      $or: [
        { name: { $contains: oldest.key.slice(0, 13).toUpperCase(), $ci: true } },
        { key: { $contains: oldest.key.slice(0, 13).toUpperCase(), $ci: true } },
      ],
    });
    const shown = await children(h, group);
    assert.ok(
      shown.some((i) => (i as { item?: { id: string } }).item?.id === oldest.id),
      'the key found is in the tree now',
    );
  });
});

describe('Fleets: 12,000 devices, more than the session holds', () => {
  const fleet = SANDBOX_APPS.demoFleet;
  const GENERATED = 12_000;
  const h = useHarness(async () => addApplication(h, fleet.id, SANDBOX_TOKENS.full), { extraDevices: [{ applicationId: fleet.id, count: GENERATED }] });
  const device = (name: string) => [...h.sandbox.state.losant.devices.values()].find((d) => d.applicationId === fleet.id && d.name === name)!;
  const searches = () => h.sandbox.requests.filter((r) => r.path.endsWith('/devices') && r.query.filterField === 'name');
  const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

  const newKeyDocument = (text: string) => createKeyDocument(h, fleet.id, text);

  it('completes deviceIds with a device beyond the first 10,000 by name, asking the server by name', async function () {
    this.timeout(60_000);
    const document = await newKeyDocument('{ "name": "Far", "deviceIds": ["Device 1150"] }');
    const marker = '"Device 1150';
    const position = document.positionAt(document.getText().indexOf(marker) + marker.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
    const values = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Value);
    assert.deepStrictEqual(
      values.map(labelOf),
      Array.from({ length: 10 }, (_, i) => `Device 1150${i}`),
    );
    assert.strictEqual(values[0].insertText, JSON.stringify(device('Device 11500').id));
    assert.strictEqual(searches().at(-1)?.query.filter, '*device 1150*', 'the name glob went to the server');
    const held = h.sandbox.requests.filter((r) => r.path.endsWith('/devices') && r.query.filterField === undefined).length;
    assert.strictEqual(held, 10, 'the session holds ten pages of 1,000');
  });

  it('Pick Devices… finds a device beyond those held by typing its name', async function () {
    this.timeout(60_000);
    const document = await newKeyDocument('{\n  "name": "Picked far",\n  "deviceIds": []\n}');
    h.ui.answer('device 11999=>Device 11999');
    await vscode.commands.executeCommand('appKeys.pickDevices', document.uri);
    assert.deepStrictEqual(parseObject(document.getText()).deviceIds, [device('Device 11999').id]);
  });

  it('Create Keys for Devices… with the ID of a device beyond those held finds it in the whole list', async function () {
    this.timeout(60_000);
    h.ui.answer('Create 1 Keys', ...CLOSE_SECRETS);
    const results = await vscode.commands.executeCommand<Result[]>('appKeys.createKeysForDevices', {
      applicationId: fleet.id,
      deviceIds: [device('Device 11997').id],
    });
    assert.deepStrictEqual(
      results.map((r) => [r.device.name, r.status]),
      [['Device 11997', 'created']],
    );
  });

  it('Create Keys for Devices… From the List… reaches a device beyond those held', async function () {
    this.timeout(60_000);
    h.ui.answer('From the List…', 'device 11998=>Device 11998', 'Create 1 Keys', ...CLOSE_SECRETS);
    const results = await vscode.commands.executeCommand<Result[]>('appKeys.createKeysForDevices', { applicationId: fleet.id });
    assert.deepStrictEqual(
      results.map((r) => [r.device.name, r.status]),
      [['Device 11998', 'created']],
    );
  });
});
