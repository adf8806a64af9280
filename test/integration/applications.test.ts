import * as assert from 'assert';
import * as vscode from 'vscode';
import { addApplication, children, configure, keyGroup, label, SANDBOX_APPS, SANDBOX_TOKENS, useHarness } from './harness';

const fleet = SANDBOX_APPS.demoFleet;

describe('Applications and tokens', () => {
  const h = useHarness();

  it('adds an application through the prompts: host, token, then a pick from the applications the token sees', async () => {
    h.ui.answer('Losant', 'Other host…', h.sandbox.url, SANDBOX_TOKENS.full, 'Warehouse Sensors');
    await vscode.commands.executeCommand('appKeys.addApplication');
    const apps = vscode.workspace.getConfiguration('appKeys').get<Record<string, string>[]>('applications');
    assert.deepStrictEqual(apps, [{ platform: 'losant', applicationId: SANDBOX_APPS.warehouseSensors.id, label: 'Warehouse Sensors', apiUrl: h.sandbox.url }]);
    assert.ok(
      h.ui.asked.some((q) => q.startsWith('input: API token')),
      'the token was asked for',
    );
    const settingsText = JSON.stringify(vscode.workspace.getConfiguration('appKeys').inspect('applications'));
    assert.ok(!settingsText.includes(SANDBOX_TOKENS.full), 'the token must not be in settings');
  });

  it('takes an application ID when the token may not list applications', async () => {
    h.ui.answer('Losant', 'Other host…', h.sandbox.url, SANDBOX_TOKENS.singleApp, fleet.id);
    await vscode.commands.executeCommand('appKeys.addApplication');
    const apps = vscode.workspace.getConfiguration('appKeys').get<Record<string, string>[]>('applications') ?? [];
    assert.strictEqual(apps.length, 1);
    assert.strictEqual(apps[0].applicationId, fleet.id);
    assert.strictEqual(apps[0].label, fleet.name, 'the name comes from GET /applications/{id}');
    assert.ok(h.ui.asked.some((q) => q.startsWith('input: Application ID')));
  });

  it('refuses an invalid token and keeps nothing', async () => {
    await vscode.commands.executeCommand('appKeys.addApplication', {
      platform: 'losant',
      apiUrl: h.sandbox.url,
      token: 'not-a-real-token',
      applicationId: fleet.id,
    });
    assert.deepStrictEqual(vscode.workspace.getConfiguration('appKeys').get('applications'), []);
    const error = h.ui.messages('error').pop() ?? '';
    assert.match(error, /401/);
    assert.ok(!error.includes('not-a-real-token'), 'the token is masked in the message');
  });

  it('shows the application with platform and host, and its keys once a token is set', async () => {
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
    const [app] = await children(h);
    assert.strictEqual(label(h, app), fleet.name);
    const item = h.api.tree.getTreeItem(app as never);
    assert.strictEqual(item.description, `Losant · ${new URL(h.sandbox.url).host}`);
    const { items } = await keyGroup(h, fleet.id);
    assert.ok(items.filter((i) => i.kind === 'item').length > 0);
  });

  it('offers "Set API token…" when the application has no token, and lists keys after setting one', async () => {
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
    await vscode.commands.executeCommand('appKeys.clearToken', { applicationId: fleet.id });
    const [app] = await children(h);
    const [message] = await children(h, app);
    assert.strictEqual(message.kind, 'message');
    assert.strictEqual(label(h, message), 'Set API token…');

    h.ui.answer(SANDBOX_TOKENS.readOnly);
    await vscode.commands.executeCommand('appKeys.setToken', { applicationId: fleet.id });
    const { items } = await keyGroup(h, fleet.id);
    assert.ok(items.some((i) => i.kind === 'item'));
  });

  it('keeps the token bound to its origin: pointing the application at another host finds no token', async () => {
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
    const other = h.sandbox.url.replace('127.0.0.1', 'localhost');
    await configure([{ platform: 'losant', applicationId: fleet.id, apiUrl: other }]);
    const before = h.sandbox.requests.length;
    const [app] = await children(h);
    const [message] = await children(h, app);
    assert.strictEqual(label(h, message), 'Set API token…');
    assert.strictEqual(h.sandbox.requests.length, before, 'no request went to the other origin');
  });

  it('shows an error item, not an empty tree, when listing fails', async () => {
    const missing = 'ffffffffffffffffffffffff';
    await configure([{ platform: 'losant', applicationId: missing, apiUrl: h.sandbox.url }]);
    h.ui.answer(SANDBOX_TOKENS.full);
    await vscode.commands.executeCommand('appKeys.setToken', { applicationId: missing });
    const { items } = await keyGroup(h, missing);
    assert.strictEqual(items.length, 1);
    assert.strictEqual(items[0].kind, 'message');
    assert.match(label(h, items[0]), /^Error: .*not found.*404/i);
  });

  it('removes an application and its stored token', async () => {
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
    h.ui.answer('Remove');
    await vscode.commands.executeCommand('appKeys.removeApplication', { applicationId: fleet.id });
    assert.deepStrictEqual(vscode.workspace.getConfiguration('appKeys').get('applications'), []);
    // Added again without a token: the old one must be gone.
    await configure([{ platform: 'losant', applicationId: fleet.id, apiUrl: h.sandbox.url }]);
    const [app] = await children(h);
    const [message] = await children(h, app);
    assert.strictEqual(label(h, message), 'Set API token…');
  });
});
