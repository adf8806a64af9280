import * as assert from 'assert';
import * as vscode from 'vscode';
import { addElasticPathStore, children, configure, keyGroup, label, replaceText, useHarness, waitFor } from './harness';
import { CLOSE_SECRETS, DISMISS } from './scriptedUserInput';
import { SANDBOX_EP, SANDBOX_EP_KEY_COUNT, SANDBOX_EP_KEYS, SANDBOX_EP_RESERVED_TOTAL } from '../sandbox';
import { parseObject } from '../support/json';

const store = SANDBOX_EP.storeId;

describe('Elastic Path application keys', () => {
  const h = useHarness(async () => {
    await addElasticPathStore(h, 'Demo Store');
  });

  const serverKey = (id: string) => h.sandbox.state.elasticpath.keys.get(id);

  it('adds a store through the prompts: platform, region host, client ID, secret, store ID, name', async () => {
    await configure([]);
    await h.api.forgetCredentials(); // from scratch: no client secret stored for the host to offer
    h.ui.answer('Elastic Path', 'Other host…', h.sandbox.url, SANDBOX_EP.clientId, SANDBOX_EP.clientSecret, store, 'My Store');
    await vscode.commands.executeCommand('appKeys.addApplication');
    const apps = vscode.workspace.getConfiguration('appKeys').get('applications');
    assert.deepStrictEqual(apps, [{ platform: 'elasticpath', applicationId: store, label: 'My Store', apiUrl: h.sandbox.url, clientId: SANDBOX_EP.clientId }]);
    assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('appKeys').inspect('applications')).includes(SANDBOX_EP.clientSecret));
    assert.ok(h.ui.asked.some((q) => /^input: Client secret/.test(q)));
  });

  it("lists the store's keys with reserved rate limits and the store's reserved total", async () => {
    const [app] = await children(h);
    assert.match(String(h.api.tree.getTreeItem(app as never).description), /^Elastic Path · 127\.0\.0\.1:/);
    const { group, items } = await keyGroup(h, store);
    assert.strictEqual(h.api.tree.getTreeItem(group as never).description, `${SANDBOX_EP_KEY_COUNT} · ${SANDBOX_EP_RESERVED_TOTAL}/s reserved`);
    const storefront = items.find((i) => label(h, i) === 'Storefront');
    assert.ok(storefront);
    assert.match(String(h.api.tree.getTreeItem(storefront as never).description), /reserved 30\/s · used \d{4}-\d\d-\d\d/);
    const unused = items.find((i) => label(h, i) === 'Test key - do not use');
    assert.match(String(h.api.tree.getTreeItem(unused as never).description), /never used/);
  });

  it('fetches a key as read-only JSON with its client secret hidden (the API returns it in every answer)', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.fetchKey', { applicationId: store, keyId: SANDBOX_EP_KEYS.storefront.id });
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    const shown = parseObject(text);
    assert.strictEqual(shown.id, SANDBOX_EP_KEYS.storefront.id);
    assert.strictEqual(shown.client_secret, '(hidden)');
    assert.ok(!text.includes(serverKey(SANDBOX_EP_KEYS.storefront.id)!.client_secret));
  });

  it('edits name and reserved rate limit; saving PUTs exactly the changed fields', async () => {
    const id = SANDBOX_EP_KEYS.storefront.id;
    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.editKey', { applicationId: store, keyId: id });
    const document = await vscode.workspace.openTextDocument(uri);
    assert.deepStrictEqual(parseObject(document.getText()), { name: 'Storefront', reserved_rate_limit: 30 });
    await replaceText(document, JSON.stringify({ name: 'Storefront', reserved_rate_limit: 35 }, null, 2));
    assert.ok(await document.save());
    const puts = h.sandbox.requests.filter((r) => r.method === 'PUT');
    assert.deepStrictEqual(
      puts.map((r) => r.body),
      [{ data: { type: 'application_key', reserved_rate_limit: 35 } }],
    );
    assert.strictEqual(serverKey(id)?.reserved_rate_limit, 35);
    assert.ok(!document.isDirty);
  });

  it('refuses an invalid edit: nothing sent, still dirty', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.editKey', { applicationId: store, keyId: SANDBOX_EP_KEYS.storefront.id });
    const document = await vscode.workspace.openTextDocument(uri);
    const bad = '{\n  "name": "Storefront",\n  "reserved_rate_limit": -1,\n  "client_id": "x"\n}\n';
    await replaceText(document, bad);
    const before = h.sandbox.requests.length;
    assert.strictEqual(await document.save(), false);
    assert.strictEqual(h.sandbox.requests.length, before);
    assert.strictEqual(document.getText(), bad);
    assert.ok(document.isDirty);
    const lines = vscode.languages
      .getDiagnostics(uri)
      .filter((d) => d.source === 'App Keys')
      .map((d) => d.range.start.line)
      .sort();
    assert.deepStrictEqual(lines, [2, 3]);
    await waitFor('problems while typing, for Elastic Path', () =>
      vscode.languages.getDiagnostics(uri).some((d) => d.source === 'App Keys') ? true : undefined,
    );
  });

  it('shows the 409 "reserved rate limit will exceed the maximum" on the document, which stays dirty', async () => {
    const id = SANDBOX_EP_KEYS.storefront.id;
    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.editKey', { applicationId: store, keyId: id });
    const document = await vscode.workspace.openTextDocument(uri);
    const mine = JSON.stringify({ name: 'Storefront', reserved_rate_limit: 90 }, null, 2);
    await replaceText(document, mine);
    assert.strictEqual(await document.save(), false);
    assert.ok(document.isDirty);
    assert.strictEqual(document.getText(), mine);
    assert.strictEqual(serverKey(id)?.reserved_rate_limit, 30);
    const all = vscode.languages.getDiagnostics(uri);
    const [problem] = all.filter((d) => d.source === 'App Keys');
    assert.ok(problem, JSON.stringify(all) + JSON.stringify(h.sandbox.requests.slice(-3)));
    assert.match(problem.message, /requested reserved rate limit will exceed the maximum \(HTTP 409 Conflict\)/);
    assert.strictEqual(document.getText(problem.range), '90');
  });

  it('creates a key and shows client_id and the one-time client_secret with Copy buttons', async () => {
    h.ui.answer('Checkout', '5', ...CLOSE_SECRETS);
    const created = await vscode.commands.executeCommand<{ item: { id: string } }>('appKeys.createKey', { applicationId: store });
    const stored = serverKey(created.item.id);
    assert.ok(stored);
    assert.strictEqual(stored.reserved_rate_limit, 5);
    const modal = await waitFor('the secret modal', () => h.ui.shown.find((m) => m.message.startsWith('Created application key "Checkout"')));
    assert.deepStrictEqual(modal.items.slice(0, 4), ['Copy All as .env Lines', 'Copy client_id', 'Copy client_secret', 'Save to File…']);
    assert.strictEqual(modal.close, 'Close');
    assert.ok(modal.detail?.includes(stored.client_secret) && modal.detail.includes(stored.client_id));
  });

  it("deletes a key (204) after confirmation, and warns when it is App Keys' own", async () => {
    h.ui.answer('Delete');
    await vscode.commands.executeCommand('appKeys.deleteKey', { applicationId: store, keyId: SANDBOX_EP_KEYS.storefront.id });
    assert.ok(!serverKey(SANDBOX_EP_KEYS.storefront.id));
    h.ui.answer(DISMISS);
    await vscode.commands.executeCommand('appKeys.deleteKey', { applicationId: store, keyId: SANDBOX_EP_KEYS.appKeys.id });
    assert.ok(serverKey(SANDBOX_EP_KEYS.appKeys.id));
    assert.deepStrictEqual(h.ui.shown.at(-1)?.items, ['Delete Anyway']);
  });

  it('asks for the client secret again when it is wrong, with one clear error', async () => {
    await vscode.commands.executeCommand('appKeys.setToken', { applicationId: store, token: 'wrong-secret-value' });
    const { items } = await keyGroup(h, store);
    assert.deepStrictEqual(
      items.map((i) => label(h, i).replace(/:.*/s, '')),
      ['Error', 'Update client secret…'],
    );
    assert.match(label(h, items[0]), /Error: Elastic Path refused the client ID and secret/);
    assert.strictEqual(h.sandbox.requests.filter((r) => r.path === '/oauth/access_token' && r.status === 401).length, 1);
  });
});
