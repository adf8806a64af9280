// Key work at scale, in the real extension host: a 1,000-key application loaded, filtered, sorted
// and bulk-deactivated with injected failures.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { figure } from './figures';
import { addApplication, children, keyGroup, label, SANDBOX_APPS, SANDBOX_TOKENS, useHarness, waitFor } from './harness';
import { CLOSE_SECRETS } from './scriptedUserInput';
import { parseObject } from '../support/json';

const big = SANDBOX_APPS.emptyApp;
const KEYS = 1000;

describe(`Key work at scale (${KEYS} keys)`, () => {
  const h = useHarness(() => addApplication(h, big.id, SANDBOX_TOKENS.full), { extraKeys: [{ applicationId: big.id, count: KEYS }] });

  const serverKeys = () => [...h.sandbox.state.losant.keys.values()].filter((k) => k.applicationId === big.id);

  it('loads all keys with "Load all"', async () => {
    const { items } = await keyGroup(h, big.id);
    assert.strictEqual(items.filter((i) => i.kind === 'item').length, 50, 'one page first');
    const started = Date.now();
    const loaded = await vscode.commands.executeCommand<number>('appKeys.loadAll', { applicationId: big.id });
    const elapsed = Date.now() - started;
    assert.strictEqual(loaded, KEYS);
    const { group, items: all } = await keyGroup(h, big.id);
    assert.strictEqual(all.filter((i) => i.kind === 'item').length, KEYS);
    assert.ok(!all.some((i) => i.kind === 'loadMore'));
    assert.strictEqual(h.api.tree.getTreeItem(group as never).description, String(KEYS));
    figure(`load all: ${KEYS} keys in ${elapsed} ms`);
  });

  it('filters by name glob and by status, shows the filter, keeps it across a refresh, and clears it', async () => {
    await vscode.commands.executeCommand('appKeys.filter', { applicationId: big.id, field: 'name', pattern: '*7' });
    let { group, items } = await keyGroup(h, big.id);
    const names = items.filter((i) => i.kind === 'item').map((i) => String((i.item as { data: { name: string } }).data.name));
    const expected = serverKeys().filter((k) => /7$/i.test(k.name ?? '')).length;
    assert.ok(expected > 0);
    assert.ok(
      names.every((n) => n.endsWith('7')),
      names.slice(0, 5).join(),
    );
    assert.match(String(h.api.tree.getTreeItem(group as never).description), new RegExp(`^${expected} · name: \\*7`));
    assert.strictEqual(h.sandbox.requests.at(-1)?.query.filter, '*7');

    await vscode.commands.executeCommand('appKeys.refresh');
    ({ group } = await keyGroup(h, big.id));
    assert.match(String(h.api.tree.getTreeItem(group as never).description), /name: \*7/, 'the filter survives a refresh');

    h.ui.answer('Status', 'inactive');
    await vscode.commands.executeCommand('appKeys.filter', { applicationId: big.id });
    ({ items } = await keyGroup(h, big.id));
    assert.ok(items.filter((i) => i.kind === 'item').every((i) => String(h.api.tree.getTreeItem(i as never).description).startsWith('inactive')));

    await vscode.commands.executeCommand('appKeys.clearFilter', { applicationId: big.id });
    ({ group } = await keyGroup(h, big.id));
    assert.strictEqual(h.api.tree.getTreeItem(group as never).description, String(KEYS));
  });

  it('sorts by name, both ways', async () => {
    await vscode.commands.executeCommand('appKeys.sort', { applicationId: big.id, field: 'name', direction: 'desc' });
    const { group, items } = await keyGroup(h, big.id);
    const names = items.filter((i) => i.kind === 'item').map((i) => label(h, i));
    const all = serverKeys()
      .map((k) => k.name ?? k.key)
      .sort((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base' }));
    assert.deepStrictEqual(
      names.slice(0, 3).map((n) => n.toLowerCase()),
      all.slice(0, 3).map((n) => n.toLowerCase()),
    );
    assert.match(String(h.api.tree.getTreeItem(group as never).description), /by name ↓/);
  });

  it('bulk-deactivates 200 keys with 3 injected failures: 197 changed, 3 reported, none lost', async () => {
    await vscode.commands.executeCommand('appKeys.loadAll', { applicationId: big.id });
    const { items } = await keyGroup(h, big.id);
    const active = items.filter((i) => i.kind === 'item' && (i.item as { data: { status: string } }).data.status === 'active').slice(0, 200);
    assert.strictEqual(active.length, 200);
    const failing = active.slice(10, 13).map((i) => (i.item as { id: string }).id);
    h.sandbox.faults = { rate: 1, kinds: ['status500'], methods: ['PATCH'], pathPattern: new RegExp(`/keys/(${failing.join('|')})$`) };
    h.ui.answer('Deactivate');
    const started = Date.now();
    const summary = await vscode.commands.executeCommand<{ succeeded: string[]; failed: { id: string; reason: string }[]; skipped: string[] }>(
      'appKeys.deactivate',
      active[0],
      active,
    );
    const elapsed = Date.now() - started;
    h.sandbox.faults = { rate: 0, kinds: [] };

    assert.strictEqual(summary.succeeded.length, 197);
    assert.deepStrictEqual(summary.failed.map((f) => f.id).sort(), [...failing].sort());
    assert.ok(summary.failed.every((f) => /500/.test(f.reason)));
    assert.deepStrictEqual(summary.skipped, []);
    const confirm = h.ui.shown.find((m) => m.level === 'confirm');
    assert.match(confirm?.message ?? '', /^Deactivate 200 application keys\?/);
    assert.match(confirm?.detail ?? '', /… and 185 more/);
    const report = h.ui.shown.find((m) => m.message.startsWith('Deactivated'));
    assert.match(report?.message ?? '', /^Deactivated 197 of 200 application keys\. 3 failed: /);

    const ids = new Set(active.map((i) => (i.item as { id: string }).id));
    const server = serverKeys().filter((k) => ids.has(k.id));
    assert.strictEqual(server.length, 200, 'none lost');
    assert.strictEqual(server.filter((k) => k.status === 'inactive').length, 197);
    assert.deepStrictEqual(
      server
        .filter((k) => k.status === 'active')
        .map((k) => k.id)
        .sort(),
      [...failing].sort(),
    );
    assert.strictEqual(serverKeys().length, KEYS);
    figure(`bulk deactivate: 200 keys (3 failing) in ${elapsed} ms`);
  });

  it('keeps a filtered list filtered when a key is created', async () => {
    await vscode.commands.executeCommand('appKeys.filter', { applicationId: big.id, field: 'name', pattern: 'zz*' });
    const before = await keyGroup(h, big.id);
    const shown = before.items.filter((i) => i.kind === 'item').length;
    h.ui.answer(...CLOSE_SECRETS);
    await vscode.commands.executeCommand('appKeys.createKey', { applicationId: big.id, name: 'Unrelated key', description: '' });
    const after = await keyGroup(h, big.id);
    assert.ok(!after.items.some((i) => label(h, i) === 'Unrelated key'), 'the new key does not match the filter');
    assert.strictEqual(after.items.filter((i) => i.kind === 'item').length, shown);
    assert.match(String(h.api.tree.getTreeItem(after.group as never).description), /name: zz\*/);
  });

  it("shows a status change in the key's open document", async () => {
    const key = serverKeys().find((k) => k.status === 'active')!;
    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.fetchKey', { applicationId: big.id, keyId: key.id });
    const document = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(parseObject(document.getText()).status, 'active');
    await vscode.commands.executeCommand('appKeys.deactivate', { applicationId: big.id, keyId: key.id });
    assert.strictEqual(key.status, 'inactive');
    await waitFor('the open document to show the new status', () => (parseObject(document.getText()).status === 'inactive' ? true : undefined));
  });

  it('activates an inactive key with one click and shows it faded while inactive', async () => {
    const inactive = serverKeys().find((k) => k.status === 'inactive')!;
    await vscode.commands.executeCommand('appKeys.filter', { applicationId: big.id, field: 'key', pattern: inactive.key });
    let { items } = await keyGroup(h, big.id);
    let item = h.api.tree.getTreeItem(items[0] as never);
    assert.match(String(item.contextValue), /^item:inactive:status:rotate:copy$/);
    assert.strictEqual(item.resourceUri?.query, 'inactive');
    await vscode.commands.executeCommand('appKeys.activate', items[0]);
    assert.strictEqual(inactive.status, 'active');
    ({ items } = await keyGroup(h, big.id));
    item = h.api.tree.getTreeItem(items[0] as never);
    assert.match(String(item.contextValue), /^item:active:status:rotate:copy$/);
    assert.ok((await children(h)).length === 1);
  });
});
