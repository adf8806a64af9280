// Key rotation with a failure at each step, stale-key reports, and re-creating a deleted key.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { SANDBOX_EP, SANDBOX_EP_KEYS } from '../sandbox';
import { addElasticPathStore, addApplication, replaceText, SANDBOX_APPS, SANDBOX_TOKENS, useHarness, waitFor } from './harness';
import { CLOSE_SECRETS, DISMISS } from './scriptedUserInput';
import { parseObject } from '../support/json';

const fleet = SANDBOX_APPS.demoFleet;

describe('Rotation, reports and re-creation', () => {
  const h = useHarness(async () => {
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
    await addElasticPathStore(h, 'Demo Store');
  });

  const losantKeys = () => [...h.sandbox.state.losant.keys.values()].filter((k) => k.applicationId === fleet.id);
  const configured = () =>
    losantKeys().find((k) => k.status === 'active' && k.description && (k.pubTopics?.length ?? 0) > 0) ?? losantKeys().find((k) => k.status === 'active')!;

  it('rotates a Losant key: same settings, secret shown, old key deactivated once confirmed', async () => {
    const old = configured();
    h.ui.answer(...CLOSE_SECRETS, 'Deactivate Old Key');
    const result = await vscode.commands.executeCommand<{ created: { item: { id: string } }; old: string }>('appKeys.rotateKey', {
      applicationId: fleet.id,
      keyId: old.id,
      name: 'Rotated gateway',
    });
    assert.strictEqual(result.old, 'deactivated');
    const fresh = h.sandbox.state.losant.keys.get(result.created.item.id)!;
    assert.strictEqual(fresh.name, 'Rotated gateway');
    for (const field of ['description', 'filterType', 'pubTopics', 'subTopics', 'addressFilterType', 'addresses', 'deviceIds', 'deviceTags'] as const) {
      assert.deepStrictEqual(fresh[field], old[field], field);
    }
    assert.strictEqual(fresh.status, 'active');
    assert.strictEqual(old.status, 'inactive');
    const modal = h.ui.shown.find((m) => m.message.startsWith('New application key'));
    assert.ok(modal?.detail?.includes(fresh.secret));
  });

  it('stops before anything changes when the new key cannot be created', async () => {
    const old = configured();
    const before = losantKeys().length;
    h.sandbox.faults = { failNext: ['status500'], methods: ['POST'] };
    await vscode.commands.executeCommand('appKeys.rotateKey', { applicationId: fleet.id, keyId: old.id, name: 'Never made' });
    assert.strictEqual(losantKeys().length, before);
    assert.strictEqual(old.status, 'active');
    assert.match(h.ui.messages('error').pop() ?? '', /Rotation stopped: the new key could not be created .*Nothing changed/);
  });

  it('after a create whose answer was lost, looks the new key up and says it exists without its secret', async () => {
    const old = configured();
    h.sandbox.faults = { failNext: ['resetAfterProcessing'], methods: ['POST'] };
    await vscode.commands.executeCommand('appKeys.rotateKey', { applicationId: fleet.id, keyId: old.id, name: 'Lost answer' });
    const made = losantKeys().filter((k) => k.name === 'Lost answer');
    assert.strictEqual(made.length, 1, 'the server did create it');
    const error = h.ui.messages('error').pop() ?? '';
    assert.ok(error.includes(`the new key "Lost answer" (${made[0].id}) exists, but its secret was not received`), error);
    assert.match(error, /delete it or rotate again/);
    assert.doesNotMatch(error, /Nothing changed/);
    assert.strictEqual(old.status, 'active');
  });

  it('after a create that never reached the server, says nothing changed (a same-named older key does not count)', async () => {
    const old = configured();
    h.sandbox.state.losant.keys.get(losantKeys().find((k) => k.id !== old.id)!.id)!.name = 'Never arrived';
    const before = losantKeys().length;
    h.sandbox.faults = { failNext: ['reset'], methods: ['POST'] };
    await vscode.commands.executeCommand('appKeys.rotateKey', { applicationId: fleet.id, keyId: old.id, name: 'Never arrived' });
    assert.strictEqual(losantKeys().length, before);
    assert.match(h.ui.messages('error').pop() ?? '', /the server has no key named "Never arrived"\. Nothing changed/);
  });

  it('keeps both keys when the user has not deployed the new one yet', async () => {
    const old = configured();
    h.ui.answer(...CLOSE_SECRETS, DISMISS);
    const result = await vscode.commands.executeCommand<{ old: string; created: { item: { id: string } } }>('appKeys.rotateKey', {
      applicationId: fleet.id,
      keyId: old.id,
      name: 'Waiting',
    });
    assert.strictEqual(result.old, 'kept');
    assert.strictEqual(old.status, 'active');
    assert.ok(h.sandbox.state.losant.keys.has(result.created.item.id));
    assert.match(h.ui.messages('info').pop() ?? '', /Rotation paused: both "Waiting" \(new\) and ".*" \(old\) exist and work/);
  });

  it('says exactly what exists when the old key cannot be retired', async () => {
    const old = configured();
    h.sandbox.faults = { failNext: ['status503'], methods: ['PATCH'] };
    h.ui.answer(...CLOSE_SECRETS, 'Deactivate Old Key');
    await vscode.commands.executeCommand('appKeys.rotateKey', { applicationId: fleet.id, keyId: old.id, name: 'Half' });
    assert.ok(losantKeys().some((k) => k.name === 'Half'));
    assert.strictEqual(old.status, 'active');
    assert.match(h.ui.messages('error').pop() ?? '', /Rotation half done: "Half" \(new\) exists and works, but .* \(old\) could not be deactivated: .*503/);
  });

  it('rotates an Elastic Path key: same reserved rate limit, old key deleted', async () => {
    const old = h.sandbox.state.elasticpath.keys.get(SANDBOX_EP_KEYS.searchIntegration.id)!;
    h.ui.answer(...CLOSE_SECRETS, 'Delete Old Key');
    const result = await vscode.commands.executeCommand<{ old: string; created: { item: { id: string } } }>('appKeys.rotateKey', {
      applicationId: SANDBOX_EP.storeId,
      keyId: old.id,
      name: 'Search v2',
    });
    assert.strictEqual(result.old, 'deleted');
    assert.strictEqual(h.sandbox.state.elasticpath.keys.get(result.created.item.id)?.reserved_rate_limit, old.reserved_rate_limit);
    assert.ok(!h.sandbox.state.elasticpath.keys.has(old.id));
  });

  it('reports stale keys with links that reveal them in the tree', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.staleKeysReport', { days: 30 });
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    const unused = text.slice(text.indexOf('### Unused for 30 days'), text.indexOf('### Inactive', text.indexOf('### Unused for 30 days')));
    for (const name of ['Legacy Importer', 'Marketing Feed (old)', 'Test key - do not use']) assert.ok(unused.includes(`[\`${name}\`]`), `${name} is unused`);
    assert.ok(!unused.includes('[`Storefront`]'), 'Storefront was used an hour ago');
    assert.match(text, /### Inactive: \d+/);
    assert.match(text, /### Without a description: \d+/);
    const link = /\[`Legacy Importer`\]\((command:appKeys\.reveal\?[^)]+)\)/.exec(text)![1];
    assert.ok(link.length < 40, `a short link: ${link}`);
    const args = JSON.parse(decodeURIComponent(link.slice('command:appKeys.reveal?'.length))) as unknown[];
    assert.ok(await vscode.commands.executeCommand('appKeys.reveal', ...args));
    const selected = await waitFor('the revealed item to be selected', () => (h.api.treeView.selection[0] as { item?: { id: string } } | undefined)?.item);
    assert.strictEqual(selected.id, SANDBOX_EP_KEYS.legacyImporter.id);
  });

  it("offers to re-create a key deleted on the server, from the user's text", async () => {
    const old = configured();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.editKey', { applicationId: fleet.id, keyId: old.id });
    const document = await vscode.workspace.openTextDocument(uri);
    const mine: Record<string, unknown> = { ...parseObject(document.getText()), name: 'Back again', description: 'restored from my text' };
    await replaceText(document, JSON.stringify(mine, null, 2));
    h.sandbox.state.losant.keys.delete(old.id);
    h.ui.answer('Re-create with These Settings', ...CLOSE_SECRETS);
    assert.strictEqual(await document.save(), false);
    const back = await waitFor('the re-created key', () => losantKeys().find((k) => k.name === 'Back again'));
    assert.strictEqual(back.description, 'restored from my text');
    assert.deepStrictEqual(back.pubTopics, mine.pubTopics);
    assert.notStrictEqual(back.id, old.id);
    assert.ok(document.isDirty, 'the old document keeps its text');
  });
});
