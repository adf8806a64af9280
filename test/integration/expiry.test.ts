// Issue 13, items 5–7: token expiry in the tree, its warning decoration and the stale keys report;
// tree items' accessibility labels; Open in Web Console from a configured consoleUrl.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { writeWorkspaceSettings } from './workspaceSettings';
import { ItemDecorations } from '../../src/vscode/tree/itemDecorations';
import { addApplication, children, configure, label, SANDBOX_APPS, sandboxFetch, SANDBOX_TOKENS, setting, useHarness, waitFor } from './harness';

const fleet = SANDBOX_APPS.demoFleet;
const DAY = 86_400_000;

describe('Token expiry, accessibility and the web console', () => {
  const h = useHarness(async () => {
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
    // Just under 12 (and 40) days left: "expires in 12 days" for the whole test.
    await postToken('Contractor (12 days)', Date.now() + 12 * DAY - 60_000);
    await postToken('Partner (40 days)', Date.now() + 40 * DAY - 60_000);
    await postToken('Old contractor', Date.parse('2024-06-30T00:00:00.000Z'));
  });
  afterEach(() => setting('expiryWarningDays', undefined));

  async function postToken(name: string, expires: number): Promise<void> {
    const response = await sandboxFetch(`${h.sandbox.url}/applications/${fleet.id}/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SANDBOX_TOKENS.full}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name, expirationDate: new Date(expires).toISOString(), scope: ['all.Application.read'] }),
    });
    assert.strictEqual(response.status, 201, await response.text());
  }

  async function groupItems(resourceLabel: string) {
    const [app] = await children(h);
    const group = (await children(h, app)).find((g) => label(h, g) === resourceLabel)!;
    const items = await children(h, group);
    return (name: string) => {
      const node = items.find((n) => n.kind === 'item' && label(h, n) === name);
      assert.ok(node, `${name} is in ${resourceLabel}`);
      return h.api.tree.getTreeItem(node as never);
    };
  }
  const decoration = (item: vscode.TreeItem) => new ItemDecorations().provideFileDecoration(item.resourceUri!);

  it('shows when tokens expire, and warns within appKeys.expiryWarningDays (14 by default)', async () => {
    const token = await groupItems('API Tokens');
    const soon = token('Contractor (12 days)');
    assert.match(String(soon.description), /^expires in 12 days · all\.Application\.read$/);
    assert.strictEqual(decoration(soon)?.badge, '!');
    assert.strictEqual(decoration(soon)?.tooltip, 'Expires in 12 days');
    assert.match(String(token('Partner (40 days)').description), /^expires in 40 days/);
    assert.strictEqual(decoration(token('Partner (40 days)')), undefined, 'no warning 40 days ahead');
    const old = token('Old contractor');
    assert.match(String(old.description), /^expired · /);
    assert.deepStrictEqual([decoration(old)?.badge, decoration(old)?.tooltip], ['⊘', 'Expired']);
    assert.match(String(old.contextValue), /^item:inactive/);
    assert.strictEqual(token('CI pipeline').description, 'all.Application', 'no expiry, nothing said');
    assert.strictEqual(decoration(token('CI pipeline')), undefined);

    await setting('expiryWarningDays', 10);
    const later = await groupItems('API Tokens');
    assert.strictEqual(decoration(later('Contractor (12 days)')), undefined, 'outside 10 days: no warning');
    assert.match(String(later('Contractor (12 days)').description), /^expires in 12 days/, 'still said');
    await setting('expiryWarningDays', 40);
    assert.strictEqual(decoration((await groupItems('API Tokens'))('Partner (40 days)'))?.badge, '!');
  });

  it('lists expired and soon-expiring tokens in the stale keys report', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.staleKeysReport', { days: 90 });
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    const section = (title: string) => {
      const start = text.indexOf(`### ${title}`);
      assert.ok(start >= 0, `a "${title}" section`);
      return text.slice(start, text.indexOf('\n### ', start + 1) === -1 ? undefined : text.indexOf('\n### ', start + 1));
    };
    const expired = section('Expired: 1');
    assert.match(expired, /`Old contractor`/);
    const soon = section('Expiring within 14 days: 1');
    assert.match(soon, /`Contractor \(12 days\)`.*expires in 12 days/);
    assert.doesNotMatch(soon, /Partner/);
    await setting('expiryWarningDays', 45);
    const again = await vscode.workspace.openTextDocument(await vscode.commands.executeCommand<vscode.Uri>('appKeys.staleKeysReport', { days: 90 }));
    // The same report document, read again.
    await waitFor('the report with the wider warning', () => /### Expiring within 45 days: 2\n/.test(again.getText()) || undefined);
  });

  it('labels tree items for screen readers with name, kind, status and expiry', async () => {
    const token = await groupItems('API Tokens');
    assert.strictEqual(token('Contractor (12 days)').accessibilityInformation?.label, 'Contractor (12 days), API token, active, expires in 12 days');
    assert.strictEqual(token('Old contractor').accessibilityInformation?.label, 'Old contractor, API token, expired');
    assert.strictEqual(token('Dashboard reader').accessibilityInformation?.label, 'Dashboard reader, API token, inactive');
    const key = await groupItems('Application Keys');
    assert.strictEqual(key('Truck 03 gateway').accessibilityInformation?.label, 'Truck 03 gateway, application key, active');
    assert.strictEqual(key('Truck 05 gateway').accessibilityInformation?.label, 'Truck 05 gateway, application key, inactive');
    assert.match(String(key('Truck 05 gateway').description), /^inactive/, 'inactive in words, not only the faded icon');
    const [app] = await children(h);
    assert.match(String(h.api.tree.getTreeItem(app as never).accessibilityInformation?.label), /^Demo Fleet, Losant application on 127\.0\.0\.1:\d+$/);
    const groups = await children(h, app);
    assert.strictEqual(h.api.tree.getTreeItem(groups[0] as never).accessibilityInformation?.label, 'Application Keys, 26');
  });

  it('opens the configured console page of an application; without one, says which setting to add, with Open Settings', async () => {
    const [plain] = await children(h);
    assert.doesNotMatch(String(h.api.tree.getTreeItem(plain as never).contextValue), /:console/);
    assert.strictEqual(await vscode.commands.executeCommand('appKeys.openInConsole', plain), undefined);
    assert.strictEqual(h.ui.opened.length, 0, 'nothing opened');
    const warning = h.ui.shown.filter((m) => m.level === 'warning').pop();
    assert.match(warning?.message ?? '', /No web console address is configured for .*consoleUrl/);
    assert.deepStrictEqual(warning?.items, ['Open Settings']);

    const entry = { platform: 'losant', applicationId: fleet.id, apiUrl: h.sandbox.url };
    await configure([{ ...entry, consoleUrl: 'https://console.example.test/applications/{applicationId}/keys' }]);
    const [app] = await children(h);
    assert.match(String(h.api.tree.getTreeItem(app as never).contextValue), /^application:losant.*:console$/);
    const opened = await vscode.commands.executeCommand<vscode.Uri>('appKeys.openInConsole', app);
    assert.deepStrictEqual(
      h.ui.opened.map((u) => u.toString(true)),
      [`https://console.example.test/applications/${fleet.id}/keys`],
    );
    assert.strictEqual(opened.toString(true), h.ui.opened[0].toString(true));

    await configure([{ ...entry, consoleUrl: 'http://console.example.test/{applicationId}' }]);
    await vscode.commands.executeCommand('appKeys.openInConsole', { applicationId: fleet.id });
    assert.strictEqual(h.ui.opened.length, 1, 'a plain-http console page is refused, not opened');
    assert.match(h.ui.messages('error').pop() ?? '', /must be an https address/);
  });

  it('opens the page the platform publishes for api.losant.com without a consoleUrl (no request is sent)', async () => {
    await configure([{ platform: 'losant', applicationId: fleet.id }]);
    const [app] = await children(h);
    assert.match(String(h.api.tree.getTreeItem(app as never).contextValue), /:console$/);
    const before = h.ui.opened.length;
    await vscode.commands.executeCommand('appKeys.openInConsole', { applicationId: fleet.id });
    assert.deepStrictEqual(
      h.ui.opened.slice(before).map((u) => u.toString(true)),
      [`https://app.losant.com/applications/${fleet.id}`],
    );
  });

  // Issue 19, item 10: a built-in console link goes to a look-alike host only when the user's own settings say so.
  it("keeps the published console page when a workspace's consoleUrl points elsewhere; a user consoleUrl is followed", async () => {
    const lookalike = 'https://app.losant.com.example.test/applications/{applicationId}';
    const entry = { platform: 'losant', applicationId: fleet.id, consoleUrl: lookalike };
    await configure([]);
    const restore = await writeWorkspaceSettings({ 'appKeys.applications': [entry] });
    try {
      const before = h.ui.opened.length;
      await vscode.commands.executeCommand('appKeys.openInConsole', { applicationId: fleet.id });
      assert.deepStrictEqual(
        h.ui.opened.slice(before).map((u) => u.toString(true)),
        [`https://app.losant.com/applications/${fleet.id}`],
      );
    } finally {
      await restore();
    }
    await configure([entry]);
    const before = h.ui.opened.length;
    await vscode.commands.executeCommand('appKeys.openInConsole', { applicationId: fleet.id });
    assert.deepStrictEqual(
      h.ui.opened.slice(before).map((u) => u.toString(true)),
      [`https://app.losant.com.example.test/applications/${fleet.id}`],
    );
  });
});
