// Devices by name: completions in a create document's deviceIds (an application with 1,220 devices)
// and deviceTags, Pick Devices…, device names beside IDs in fetched keys and in tooltips, a token
// without a device scope; and Create Keys for Devices…: 200 keys under a 20 requests/s limit and
// faults (each device exactly one key, the counts matching), the secrets saved to one file, and a
// second run for the same devices offering to skip them.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { parseObject } from '../support/json';
import { addApplication, createKeyDocument, children, keyGroup, replaceText, SANDBOX_APPS, SANDBOX_TOKENS, useHarness, waitFor } from './harness';
import { CLOSE_SECRETS } from './scriptedUserInput';

const fleet = SANDBOX_APPS.demoFleet;
const GENERATED = 1200;

interface Result {
  device: { id: string; name: string };
  status: string;
}

describe('Devices by name, and one key per device', () => {
  const h = useHarness(async () => addApplication(h, fleet.id, SANDBOX_TOKENS.full), { extraDevices: [{ applicationId: fleet.id, count: GENERATED }] });
  const devices = () => [...h.sandbox.state.losant.devices.values()].filter((d) => d.applicationId === fleet.id);
  const device = (name: string) => devices().find((d) => d.name === name)!;
  const deviceLists = () => h.sandbox.requests.filter((r) => r.path.endsWith('/devices')).length;

  const newKeyDocument = (text: string) => createKeyDocument(h, fleet.id, text);

  async function completionsAt(document: vscode.TextDocument, marker: string): Promise<vscode.CompletionItem[]> {
    const offset = document.getText().indexOf(marker) + marker.length;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.positionAt(offset));
    return list.items;
  }
  const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

  it(`completes deviceIds with the devices' names (${GENERATED + 20} devices) and inserts their IDs`, async function () {
    this.timeout(30_000);
    const taken = device('Truck 01').id;
    const document = await newKeyDocument(`{ "name": "Restricted", "deviceIds": ["${taken}", "Tru"] }`);
    const values = async (marker: string) => {
      const offset = document.getText().indexOf(marker) + marker.length;
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        document.uri,
        document.positionAt(offset),
      );
      return list.items.filter((i) => i.kind === vscode.CompletionItemKind.Value);
    };
    const trucks = await values('"Tru');
    assert.deepStrictEqual(
      trucks.map(labelOf),
      Array.from({ length: 19 }, (_, i) => `Truck ${String(i + 2).padStart(2, '0')}`),
      'the devices matching what is typed, but the one already listed',
    );
    assert.strictEqual(trucks.find((i) => labelOf(i) === 'Truck 03')!.insertText, JSON.stringify(device('Truck 03').id));
    await replaceText(document, `{ "name": "Restricted", "deviceIds": ["${taken}", ""] }`);
    const first = await values(`"${taken}", "`);
    assert.strictEqual(first.length, 200, 'at most 200 at once; typing narrows them');
    await replaceText(document, `{ "name": "Restricted", "deviceIds": ["${taken}", "device 0120"] }`);
    assert.deepStrictEqual((await values('"device 0120')).map(labelOf), ['Device 01200'], `all ${GENERATED + 20} devices are reachable`);
    const lists = deviceLists();
    await values('"device 0120');
    assert.strictEqual(deviceLists(), lists, 'from the session cache');
  });

  it('completes deviceTags keys and, for a key, the values devices carry', async () => {
    const document = await newKeyDocument('{ "name": "Tagged", "deviceTags": [{ "key": "K", "value": "V" }] }');
    const keys = (await completionsAt(document, '"K')).filter((i) => i.kind === vscode.CompletionItemKind.Property).map(labelOf);
    assert.deepStrictEqual(keys, ['batch', 'depot', 'floor', 'zone']);
    await replaceText(document, '{ "name": "Tagged", "deviceTags": [{ "key": "depot", "value": "V" }] }');
    const values = (await completionsAt(document, '"V')).filter((i) => i.kind === vscode.CompletionItemKind.Value).map(labelOf);
    assert.deepStrictEqual(values, ['north', 'south']);
  });

  it('Pick Devices… writes the picked devices into deviceIds, and saving creates the key restricted to them', async () => {
    const document = await newKeyDocument('{\n  "name": "Picked",\n  "description": "",\n  "deviceIds": []\n}');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(3, 17, 3, 17));
    const pick = actions.find((a) => a.title === 'Pick Devices…');
    assert.ok(pick?.command, `offered as a code action: ${actions.map((a) => a.title).join(', ')}`);
    h.ui.answer('Truck 04|Truck 05');
    await vscode.commands.executeCommand(pick.command.command, ...((pick.command.arguments ?? []) as unknown[]));
    const ids = [device('Truck 04').id, device('Truck 05').id];
    assert.deepStrictEqual(parseObject(document.getText()).deviceIds, ids);
    h.ui.answer(...CLOSE_SECRETS); // the one-time secret
    assert.ok(await document.save());
    const post = h.sandbox.requests.filter((r) => r.method === 'POST').at(-1)!;
    assert.deepStrictEqual(post.body, { name: 'Picked', description: '', deviceIds: ids });
  });

  it("shows a restricted key's devices by name beside their IDs in the fetched key and in its tooltip", async () => {
    const ids = [device('Truck 07').id, device('Device 00042').id];
    h.ui.answer(...CLOSE_SECRETS);
    await vscode.commands.executeCommand('appKeys.createKey', { applicationId: fleet.id, name: 'Two devices', description: '', deviceIds: ids });
    const key = await waitFor('the key', () => [...h.sandbox.state.losant.keys.values()].find((k) => k.name === 'Two devices'));
    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.fetchKey', { applicationId: fleet.id, keyId: key.id });
    const document = await vscode.workspace.openTextDocument(uri);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>(
      'vscode.executeInlayHintProvider',
      document.uri,
      new vscode.Range(0, 0, document.lineCount, 0),
    );
    assert.deepStrictEqual(
      hints.map((hint) => (typeof hint.label === 'string' ? hint.label : hint.label.map((p) => p.value).join('')).trim()),
      ['Truck 07', 'Device 00042'],
    );
    const { items } = await keyGroup(h, fleet.id);
    const node = await waitFor('the key in the tree', () => items.find((n) => (n.item as { id: string }).id === key.id));
    const item = await h.api.tree.resolveTreeItem(h.api.tree.getTreeItem(node as never), node as never, new vscode.CancellationTokenSource().token);
    assert.match((item.tooltip as vscode.MarkdownString).value, /Restricted to the devices `Truck 07`, `Device 00042`/);
  });

  it('without a device scope: says which scope would list devices, once, and typed IDs are still accepted', async () => {
    await vscode.commands.executeCommand('appKeys.setToken', { applicationId: fleet.id, token: SANDBOX_TOKENS.keysReadOnly });
    const id = device('Truck 09').id;
    const document = await newKeyDocument(`{ "name": "Typed", "deviceIds": ["${id}", ""] }`);
    assert.deepStrictEqual(
      (await completionsAt(document, `"${id}", "`)).filter((i) => i.kind === vscode.CompletionItemKind.Value),
      [],
    );
    await completionsAt(document, `"${id}", "`);
    const warnings = h.ui.messages('warning').filter((m) => /cannot list the devices/.test(m));
    assert.strictEqual(warnings.length, 1, 'said once');
    assert.match(warnings[0], /all\.Device\.read/);
    assert.match(warnings[0], /Type device IDs instead/);
    await replaceText(document, `{ "name": "Typed", "deviceIds": ["${id}"] }`);
    await waitFor('no problems in the typed IDs', () => vscode.languages.getDiagnostics(document.uri).length === 0 || undefined);
  });

  it('creates one key for each of 200 devices under a 20 requests/s limit and faults, then saves all the secrets to one file', async function () {
    this.timeout(90_000);
    const chosen = devices()
      .filter((d) => d.name.startsWith('Device'))
      .slice(0, 200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appkeys-devices-'));
    try {
      const file = path.join(dir, 'device-keys.csv');
      h.sandbox.rateLimit = { requestsPerSecond: 20 };
      h.sandbox.faults = { methods: ['POST'], failNext: ['status503', 'truncated', 'resetAfterProcessing', 'status500'] };
      // More than a handful: where the secrets go is asked first, and each is added as soon as its key exists.
      h.ui.answer(file, 'Create 200 Keys');
      const results = await vscode.commands.executeCommand<Result[]>('appKeys.createKeysForDevices', {
        applicationId: fleet.id,
        deviceIds: chosen.map((d) => d.id),
      });
      const keys = [...h.sandbox.state.losant.keys.values()].filter((k) => k.applicationId === fleet.id);
      for (const d of chosen) assert.strictEqual(keys.filter((k) => k.deviceIds?.length === 1 && k.deviceIds[0] === d.id).length, 1, `${d.name}: one key`);
      const counts = results.reduce<Record<string, number>>((c, r) => ({ ...c, [r.status]: (c[r.status] ?? 0) + 1 }), {});
      assert.deepStrictEqual(counts, { created: 198, createdSecretLost: 2 });
      assert.ok(h.sandbox.rateLimited > 0, 'the limit was reached');
      const summary = h.ui.shown.find((m) => m.level === 'info' && /^Created 200 of 200 keys/.test(m.message));
      assert.ok(summary, h.ui.shown.map((m) => m.message).join('\n'));
      const report = h.api.reportPanels().find((p) => p.title === 'Keys for Devices: Demo Fleet');
      assert.match(report!.html, /Created: 200 \(2 without their secret\)<\/li>/);
      const rows = fs.readFileSync(file, 'utf8').trim().split('\n');
      // The whole credential per device: the device's ID, the key's ID, the key and its secret, each in its column.
      assert.strictEqual(rows[0], 'name,device_id,key_id,key,secret');
      assert.strictEqual(rows.length, 1 + 198, 'one row per key whose secret came back');
      const byName = new Map(keys.map((k) => [k.name, k]));
      for (const row of rows.slice(1)) {
        const [name, deviceId, keyId, key, secret] = row.split(',');
        const server = byName.get(name)!;
        assert.deepStrictEqual([deviceId, keyId, key, secret], [server.deviceIds![0], server.id, server.key, server.secret], row);
      }
      if (process.platform !== 'win32') assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);

      // Again for the same devices: they already have a key.
      h.sandbox.rateLimit = undefined;
      h.ui.answer('Skip Them');
      const again = await vscode.commands.executeCommand<Result[]>('appKeys.createKeysForDevices', {
        applicationId: fleet.id,
        deviceIds: chosen.map((d) => d.id),
      });
      assert.deepStrictEqual(again, []);
      assert.ok(h.ui.shown.some((m) => m.level === 'confirm' && m.message === '200 of the 200 devices already have a key restricted to them.'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops at Cancel with every made key in the secrets file; run again, it creates the rest once each into the same file', async () => {
    const chosen = devices()
      .filter((d) => d.name.startsWith('Device'))
      .slice(0, 100);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appkeys-cancel-'));
    const file = path.join(dir, 'device-keys.csv');
    const made = () => [...h.sandbox.state.losant.keys.values()].filter((k) => k.deviceIds?.length === 1 && chosen.some((d) => d.id === k.deviceIds![0]));
    const rows = () =>
      fs
        .readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((row) => row.split(','));
    try {
      h.sandbox.faults = { latencyMs: 40 };
      h.ui.cancelProgress(/^Creating keys for 100 devices/, 500);
      h.ui.answer('Create 100 Keys');
      const results = await vscode.commands.executeCommand<Result[]>('appKeys.createKeysForDevices', {
        applicationId: fleet.id,
        deviceIds: chosen.map((d) => d.id),
        secretsFile: file,
      });
      const created = results.filter((r) => r.status === 'created').length;
      const notStarted = results.filter((r) => r.status === 'notStarted').length;
      assert.ok(created > 0 && notStarted > 0, JSON.stringify(results.map((r) => r.status)));
      assert.ok(made().length >= created && made().length <= 100 - notStarted, `${made().length} keys on the server`);
      const summary = h.ui.shown.find((m) => m.level === 'info' && /^Created \d+ of 100 keys/.test(m.message));
      assert.match(
        summary!.message,
        new RegExp(`Created ${created} of 100 keys \\(0 failed, ${100 - created} cancelled, 0 skipped\\)\\. Their secrets are in `),
      );
      // Every key whose answer came back is in the file, whole; none twice.
      const byId = new Map(made().map((k) => [k.id, k]));
      assert.strictEqual(rows().length, created);
      for (const [, deviceId, keyId, key, secret] of rows())
        assert.deepStrictEqual([deviceId, key, secret], [byId.get(keyId)?.deviceIds?.[0], byId.get(keyId)?.key, byId.get(keyId)?.secret]);
      const report = h.api.reportPanels().find((p) => p.title === 'Keys for Devices: Demo Fleet');
      assert.ok(report!.html.includes(`Secrets: ${created} appended to <code>${file}</code>`), `the report names the file: ${report!.html}`);

      // Again: the devices with a key are skipped; the others get theirs, appended to the same file.
      h.sandbox.faults = {};
      h.ui.answer('Create ' + String(100 - made().length) + ' Keys');
      await vscode.commands.executeCommand<Result[]>('appKeys.createKeysForDevices', {
        applicationId: fleet.id,
        deviceIds: chosen.map((d) => d.id),
        skipExisting: true,
        secretsFile: file,
      });
      assert.strictEqual(made().length, 100, 'one key per device');
      assert.strictEqual(new Set(made().map((k) => k.deviceIds![0])).size, 100, 'none twice');
      assert.deepStrictEqual(
        rows()
          .map((r) => r[2])
          .sort(),
        made()
          .map((k) => k.id)
          .sort(),
        'every secret in the one file, once',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('chooses devices by tag (filtered on the server) and creates a key for each picked one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appkeys-tags-'));
    h.ui.answer('By Tag…', 'depot=south', '', path.join(dir, 'keys.env'), 'Create 10 Keys');
    const results = await vscode.commands.executeCommand<Result[]>('appKeys.createKeysForDevices', { applicationId: fleet.id });
    assert.strictEqual((fs.readFileSync(path.join(dir, 'keys.env'), 'utf8').match(/_SECRET=/g) ?? []).length, 10, 'ten secrets in the .env file');
    fs.rmSync(dir, { recursive: true, force: true });
    assert.deepStrictEqual(
      results.map((r) => [r.device.name, r.status]),
      Array.from({ length: 10 }, (_, i) => [`Truck ${11 + i}`, 'created']),
    );
    const tagged = h.sandbox.requests.find((r) => r.path.endsWith('/devices') && r.query['tagFilter[0][key]'] === 'depot');
    assert.strictEqual(tagged?.query['tagFilter[0][value]'], 'south', 'the tag went to the server in the bracket form');
    const apps = await children(h);
    assert.match(String(h.api.tree.getTreeItem(apps[0] as never).contextValue), /:devices$/, 'the application offers the command');
  });
});
