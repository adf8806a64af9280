// Every command that waits on the network shows cancellable progress, and Cancel ends the wait at
// once: adding an application (listing, checking), picking an item from the palette, one-click status.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { addApplication, configure, SANDBOX_APPS, SANDBOX_TOKENS, useHarness } from './harness';

const fleet = SANDBOX_APPS.demoFleet;

describe('Waits with a Cancel', () => {
  const h = useHarness();
  const hangOn = (path: RegExp, method = 'GET') => {
    // The answer's headers and half its body, then nothing: only the time limit or a Cancel ends it.
    h.sandbox.faults = { failNext: ['hang'], pathPattern: path, methods: [method] };
  };
  const keyId = () => [...h.sandbox.state.losant.keys.values()].find((k) => k.applicationId === fleet.id && k.status === 'active')!.id;

  it('cancels listing the applications while adding one: nothing is added, nothing shown as an error', async () => {
    hangOn(/^\/applications$/);
    h.ui.answer('Losant', 'Other host…', h.sandbox.url, SANDBOX_TOKENS.full).cancelProgress(/^Listing the applications/);
    await vscode.commands.executeCommand('appKeys.addApplication');
    assert.deepStrictEqual(h.ui.progress.filter((t) => /^Listing the applications/.test(t)).length, 1);
    assert.deepStrictEqual(h.ui.messages('error'), []);
    assert.deepStrictEqual(vscode.workspace.getConfiguration('appKeys').get('applications'), []);
  });

  it('cancels checking the application while adding one', async () => {
    hangOn(new RegExp(`^/applications/${fleet.id}$`));
    h.ui.cancelProgress(/^Checking the API token/);
    await vscode.commands.executeCommand('appKeys.addApplication', {
      platform: 'losant',
      apiUrl: h.sandbox.url,
      token: SANDBOX_TOKENS.full,
      applicationId: fleet.id,
    });
    assert.deepStrictEqual(h.ui.messages('error'), []);
    assert.deepStrictEqual(vscode.workspace.getConfiguration('appKeys').get('applications'), []);
  });

  it('cancels listing the items to pick from in the palette', async () => {
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
    hangOn(/\/keys$/);
    h.ui.cancelProgress(/^Listing Application Keys/);
    const result = await vscode.commands.executeCommand('appKeys.fetchKey', { applicationId: fleet.id });
    assert.strictEqual(result, undefined);
    assert.deepStrictEqual(h.ui.messages('error'), []);
  });

  it('cancels a one-click status change while it fetches the item: no PATCH is sent', async () => {
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
    const id = keyId();
    hangOn(new RegExp(`/keys/${id}$`));
    h.ui.cancelProgress(/^Fetching application key/);
    await vscode.commands.executeCommand('appKeys.deactivate', { applicationId: fleet.id, keyId: id });
    assert.deepStrictEqual(h.ui.messages('error'), []);
    assert.strictEqual(h.sandbox.requests.filter((r) => r.method === 'PATCH').length, 0);
    assert.strictEqual(h.sandbox.state.losant.keys.get(id)!.status, 'active');
  });

  after(async () => configure([]));
});
