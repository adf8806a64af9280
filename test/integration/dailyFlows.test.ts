// The daily flows a new user tried (issue 26, items 6–8): credentials named after their host and given to
// applications without one, re-adding an application, the wizard's step count with Back, Set API Token… and
// Set Client Secret… for the platform that has each, the application picker's platform names, the Key
// filter's example, and items hidden by a filter (a report link, a rotation's new key) with Clear Filter.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { SANDBOX_EP } from '../sandbox';
import { addApplication, addElasticPathStore, children, configure, keyGroup, SANDBOX_APPS, SANDBOX_TOKENS, useHarness, waitFor, type Harness } from './harness';
import { ACCEPT, BACK, CLOSE_SECRETS } from './scriptedUserInput';

const fleet = SANDBOX_APPS.demoFleet;
const warehouse = SANDBOX_APPS.warehouseSensors;

function configured(): Record<string, string>[] {
  return vscode.workspace.getConfiguration('appKeys').get<Record<string, string>[]>('applications') ?? [];
}

/** "n/m question" for each wizard step asked. */
function stepCounts(h: Harness): string[] {
  return h.ui.steps.map((s) => `${s.step}/${s.totalSteps} ${s.question.split(' ').slice(0, 3).join(' ')}`);
}

/** The totals shown, in order, never grow: a step is counted until the answers leave it out. */
function assertNeverGrows(h: Harness): void {
  const totals = h.ui.steps.map((s) => s.totalSteps);
  assert.ok(
    totals.every((t, i) => i === 0 || t <= totals[i - 1]),
    `the count grew: ${stepCounts(h).join(' → ')}`,
  );
}

async function listsKeys(h: Harness, applicationId: string): Promise<boolean> {
  return (await keyGroup(h, applicationId)).items.some((i) => i.kind === 'item');
}

describe('Daily flows: credentials, the wizard, menus and words', () => {
  const h = useHarness();
  const host = () => new URL(h.sandbox.url).host;

  it('names a new credential after its host, and a second one on the host with a number', async () => {
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
    assert.deepStrictEqual(
      h.api.credentialRecords().map((r) => r.label),
      [`API token for ${host()}`],
    );
    await addApplication(h, warehouse.id, SANDBOX_TOKENS.readOnly);
    assert.deepStrictEqual(
      h.api.credentialRecords().map((r) => r.label),
      [`API token for ${host()}`, `API token for ${host()} (2)`],
    );
    await addElasticPathStore(h);
    assert.strictEqual(h.api.credentialRecords().at(-1)?.label, `Client secret for ${host()}`);
  });

  it('re-adding an application already added says that its credential changed', async () => {
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
    await addApplication(h, fleet.id, SANDBOX_TOKENS.readOnly);
    assert.strictEqual(configured().length, 1, 'still one entry');
    assert.deepStrictEqual(h.ui.messages('info'), [
      `Demo Fleet was added already. Its credential changed: it now uses "API token for ${host()} (2)" instead of "API token for ${host()}".`,
    ]);
    h.ui.reset();
    await addApplication(h, fleet.id, SANDBOX_TOKENS.readOnly);
    assert.deepStrictEqual(h.ui.messages('info'), [`Added already, with the same credential "API token for ${host()} (2)": Demo Fleet.`]);
  });

  it('What Can It Reach? offers the credential to the configured applications that have none', async () => {
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
    await configure([...configured(), { platform: 'losant', applicationId: warehouse.id, apiUrl: h.sandbox.url, label: warehouse.name }]);
    await waitFor('Warehouse Sensors in the tree', async () => (await children(h)).length === 2 || undefined);
    const [record] = h.api.credentialRecords();
    h.ui.answer(record.label, '$(eye) What Can It Reach?', 'Use It for Warehouse Sensors');
    await vscode.commands.executeCommand('appKeys.manageCredentials');
    const reach = h.ui.shown.find((m) => m.level === 'info');
    assert.deepStrictEqual(reach?.items, ['Use It for Warehouse Sensors']);
    assert.match(reach?.detail ?? '', /Used by Demo Fleet\.\nWithout a credential: Warehouse Sensors\./);
    assert.strictEqual(h.api.credentialRecords()[0].users.length, 2, 'both use it now');
    assert.ok(await listsKeys(h, warehouse.id));
  });

  it('keeps the wizard step count when Back is pressed (Manage Credentials, Add Applications with a stored credential)', async () => {
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
    const [record] = h.api.credentialRecords();
    h.ui.answer(record.label, '$(key) Replace…', BACK, '$(eye) What Can It Reach?');
    await vscode.commands.executeCommand('appKeys.manageCredentials');
    assert.deepStrictEqual(stepCounts(h), ['1/3 pick: Which credential?', '2/3 pick: What to', '3/3 input: API token', '2/3 pick: What to']);
    h.ui.reset();

    h.ui.answer('Losant', 'Other host…', h.sandbox.url, BACK, ACCEPT, record.label, BACK, ACCEPT, warehouse.name);
    await vscode.commands.executeCommand('appKeys.addApplications');
    assertNeverGrows(h);
    const steps = h.ui.steps;
    for (const [i, s] of steps.entries()) {
      if (i > 0 && s.step < steps[i - 1].step) assert.strictEqual(s.totalSteps, steps[i - 1].totalSteps, `Back kept the count: ${stepCounts(h).join(' → ')}`);
    }
    assert.strictEqual(steps.at(-1)!.step, steps.at(-1)!.totalSteps, 'the last step is "n of n"');
    assert.ok(await listsKeys(h, warehouse.id));
  });

  it('Set API Token… is for Losant applications, Set Client Secret… for Elastic Path stores; their tree items say which', async () => {
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
    await addElasticPathStore(h);
    const contextValues = (await children(h)).map((node) => h.api.tree.getTreeItem(node as never).contextValue);
    assert.deepStrictEqual(contextValues.map((v) => v?.split(':').slice(0, 3).join(':')).sort(), [
      'application:elasticpath:client-secret',
      'application:losant:api-token',
    ]);
    // No picker: of the two applications, only Demo Fleet has an API token.
    h.ui.answer(SANDBOX_TOKENS.full);
    assert.strictEqual(await vscode.commands.executeCommand('appKeys.setApiToken'), true);
    assert.match(h.ui.asked.join('\n'), /^input: API token for Demo Fleet/);
    h.ui.reset();
    h.ui.answer(SANDBOX_EP.clientSecret);
    assert.strictEqual(await vscode.commands.executeCommand('appKeys.setClientSecret'), true);
    assert.match(h.ui.asked.join('\n'), /^input: Client secret for /);
  });

  it('names platforms as people know them in the application picker', async () => {
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
    await addElasticPathStore(h);
    h.ui.answer(`Losant · ${host()}`);
    await vscode.commands.executeCommand('appKeys.openInConsole');
    assert.match(h.ui.messages('warning').join('\n'), /No web console address is configured for Demo Fleet/);
  });

  it("offers a key value's example (a UUID), not a name's, when filtering by Key", async () => {
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
    h.ui.answer('glob, e.g. 3f2a9c1e-*', '*');
    const view = await vscode.commands.executeCommand<{ filter?: { field: string } }>('appKeys.filter', { applicationId: fleet.id });
    assert.strictEqual(view.filter?.field, 'key');
  });
});

describe('Daily flows: items a filter hides', () => {
  const h = useHarness(async () => {
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
  });
  const losantKeys = () => [...h.sandbox.state.losant.keys.values()].filter((k) => k.applicationId === fleet.id);
  const selected = () => (h.api.treeView.selection[0] as { item?: { id: string } } | undefined)?.item?.id;

  it('a revealed key hidden by the filter: says so, and Clear Filter shows it', async () => {
    const key = losantKeys().find((k) => k.status === 'active')!;
    await vscode.commands.executeCommand('appKeys.filter', { applicationId: fleet.id, field: 'name', pattern: 'no such name*' });
    h.ui.answer('Clear Filter');
    assert.strictEqual(await vscode.commands.executeCommand('appKeys.reveal', { applicationId: fleet.id, resource: 'keys', id: key.id }), true);
    assert.deepStrictEqual(h.ui.messages('info'), [`"${key.name}" is hidden by the filter on Application Keys of Demo Fleet (name: no such name*).`]);
    assert.strictEqual(h.ui.messages('error').length, 0);
    await waitFor('the key selected', () => selected() === key.id || undefined);
    const { group } = await keyGroup(h, fleet.id);
    assert.doesNotMatch(String(h.api.tree.getTreeItem(group as never).contextValue), /filtered/, 'the filter is cleared');
  });

  it("names a rotation's new key that the filter hides, and Clear Filter reveals it", async () => {
    const old = losantKeys().find((k) => k.status === 'active')!;
    await vscode.commands.executeCommand('appKeys.filter', { applicationId: fleet.id, field: 'name', pattern: old.name });
    h.ui.answer('Clear Filter', ...CLOSE_SECRETS, 'Deactivate Old Key');
    const result = await vscode.commands.executeCommand<{ created: { item: { id: string } } }>('appKeys.rotateKey', {
      applicationId: fleet.id,
      keyId: old.id,
      name: 'Replacement outside the filter',
    });
    assert.ok(
      h.ui.messages('info').includes(`"Replacement outside the filter" is hidden by the filter on Application Keys of Demo Fleet (name: ${old.name}).`),
      h.ui.messages('info').join('\n'),
    );
    await waitFor('the new key selected', () => selected() === result.created.item.id || undefined);
  });
});

describe('Daily flows: reports people can read', () => {
  const h = useHarness(async () => {
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
  });
  const webviewTabs = () =>
    vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputWebview)
      .map((t) => t.label);

  it('shows the stale keys report rendered, its names links that only reveal, server text inert', async () => {
    const hostile = [...h.sandbox.state.losant.keys.values()].find((k) => k.applicationId === fleet.id && k.status === 'inactive')!;
    hostile.name = '[x](command:appKeys.delete) <img src=x onerror=alert(1)> *bold*';
    await vscode.commands.executeCommand('appKeys.staleKeysReport', { days: 30 });
    const [panel] = h.api.reportPanels();
    assert.strictEqual(panel?.title, 'Stale Keys Report');
    assert.deepStrictEqual(panel.enableCommandUris, ['appKeys.reveal'], 'links may run the reveal command only');
    await waitFor(`a tab titled so (${webviewTabs().join(', ')})`, () => webviewTabs().includes('Stale Keys Report') || undefined);
    assert.match(panel.html, /<h1[^>]*>Stale keys report<\/h1>/);
    assert.match(panel.html, /<a href="command:appKeys\.reveal\?[^"]+"[^>]*><code>/, 'item names are links');
    const hrefs = [...panel.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    assert.ok(hrefs.length > 0 && hrefs.every((href) => href.startsWith('command:appKeys.reveal?')), hrefs.join('\n'));
    assert.doesNotMatch(panel.html, /<img|<script|<em>bold/, 'server text stays text');
    assert.match(panel.html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(panel.html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';"/);
  });

  it('titles the device-keys report by the application, not by its ID', async () => {
    const withoutKey = [...h.sandbox.state.losant.devices.values()].filter((d) => d.applicationId === fleet.id).slice(0, 2);
    h.ui.answer('Create 2 Keys', ...CLOSE_SECRETS);
    await vscode.commands.executeCommand('appKeys.createKeysForDevices', {
      applicationId: fleet.id,
      deviceIds: withoutKey.map((d) => d.id),
      skipExisting: false,
    });
    const titles = h.api.reportPanels().map((p) => p.title);
    assert.ok(titles.includes('Keys for Devices: Demo Fleet'), titles.join(', '));
    assert.ok(!titles.some((t) => t.includes(fleet.id)));
    await waitFor(`a tab titled so (${webviewTabs().join(', ')})`, () => webviewTabs().includes('Keys for Devices: Demo Fleet') || undefined);
    assert.ok(!webviewTabs().some((t) => t.includes(fleet.id)));
    assert.match(h.api.reportPanels().find((p) => p.title === 'Keys for Devices: Demo Fleet')!.html, /Created: 2<\/li>/);
  });
});
