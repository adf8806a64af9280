// One credential for many applications, in the real extension host against the sandbox: adding
// several applications at once with one token (the wizard, Back included), replacing a refused
// token for all, Manage Credentials (Replace, Remove), and the move of per-application secrets.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { SANDBOX_EP } from '../sandbox';
import { addApplication, children, configure, keyGroup, label, SANDBOX_APPS, SANDBOX_TOKENS, useHarness, type Harness } from './harness';
import { ACCEPT, BACK } from './scriptedUserInput';

const fleet = SANDBOX_APPS.demoFleet;
const warehouse = SANDBOX_APPS.warehouseSensors;

function configured(): Record<string, string>[] {
  return vscode.workspace.getConfiguration('appKeys').get<Record<string, string>[]>('applications') ?? [];
}

/** The labels under an application's key group, up to the first colon ("Error", "Update API token…", or items). */
async function keyRows(h: Harness, applicationId: string): Promise<string[]> {
  const { items } = await keyGroup(h, applicationId);
  return items.map((i) => (i.kind === 'item' ? 'item' : label(h, i).replace(/:.*/s, '')));
}

async function listsKeys(h: Harness, applicationId: string): Promise<boolean> {
  return (await keyRows(h, applicationId)).includes('item');
}

/** What the application offers instead of its groups: "Set API token…", or nothing. */
async function credentialMissing(h: Harness, applicationId: string): Promise<boolean> {
  const app = (await children(h)).find((a) => (a.app as { applicationId: string }).applicationId === applicationId);
  assert.ok(app, `${applicationId} is not in the tree`);
  const [first] = await children(h, app);
  return first.kind === 'message' && /^Set /.test(label(h, first));
}

describe('Credentials shared by applications', () => {
  const h = useHarness();

  it('adds two applications at once with one token, through the wizard; Back keeps what was typed', async () => {
    h.ui.answer('Losant', 'Other host…', h.sandbox.url, BACK, ACCEPT, SANDBOX_TOKENS.full, BACK, ACCEPT, `${fleet.name}|${warehouse.name}`);
    await vscode.commands.executeCommand('appKeys.addApplications');
    assert.deepStrictEqual(
      configured().map((a) => a.applicationId),
      [fleet.id, warehouse.id],
    );
    const steps = h.ui.steps.map((s) => `${s.step}/${s.totalSteps} ${s.question.replace(/ \(.*| for .*/, '')}`);
    assert.deepStrictEqual(steps, [
      '1/6 pick: Which platform?', // counted until Losant is chosen: an Elastic Path store's client ID
      '2/5 pick: Which Losant API host?',
      '3/5 input: API base URL',
      '4/5 input: API token',
      '3/5 input: API base URL',
      '4/5 input: API token',
      '5/5 pick many: Choose the applications',
      '4/5 input: API token',
      '5/5 pick many: Choose the applications',
    ]);
    assert.ok(h.ui.steps.every((s) => s.title === 'Add Applications'));
    assert.strictEqual(h.ui.steps[4].value, h.sandbox.url, 'Back to the URL: the URL typed is still there');
    assert.strictEqual(h.ui.steps[7].value, SANDBOX_TOKENS.full, 'Back to the token: the token typed is still there (in a password box)');
    const records = h.api.credentialRecords();
    assert.strictEqual(records.length, 1, 'one credential');
    assert.strictEqual(records[0].users.length, 2, 'used by both');
    assert.ok(await listsKeys(h, fleet.id));
    assert.ok(await listsKeys(h, warehouse.id));
  });

  it('offers the credential stored for the host when adding more applications, and asks no token', async () => {
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
    const [record] = h.api.credentialRecords();
    h.ui.answer('Losant', 'Other host…', h.sandbox.url, record.label, warehouse.name);
    await vscode.commands.executeCommand('appKeys.addApplications');
    assert.ok(!h.ui.asked.some((q) => q.startsWith('input: API token')), 'no token asked');
    assert.deepStrictEqual(h.api.credentialRecords()[0].users.length, 2);
    assert.ok(await listsKeys(h, warehouse.id));
  });

  it('shares a credential between applications added with the same token, and replacing the refused token fixes both', async () => {
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
    await addApplication(h, warehouse.id, SANDBOX_TOKENS.full);
    assert.strictEqual(h.api.credentialRecords().length, 1);
    await vscode.commands.executeCommand('appKeys.setToken', { applicationId: fleet.id, token: 'revoked-token-value' });
    assert.deepStrictEqual(await keyRows(h, fleet.id), ['Error', 'Update API token…']);
    assert.deepStrictEqual(await keyRows(h, warehouse.id), ['Error', 'Update API token…'], 'the other application uses the same credential');
    h.ui.answer(SANDBOX_TOKENS.full);
    await vscode.commands.executeCommand('appKeys.setToken', { applicationId: warehouse.id });
    assert.match(h.ui.asked.at(-1) ?? '', /used by Demo Fleet, Warehouse Sensors/);
    assert.ok(await listsKeys(h, fleet.id), 'fixed for Demo Fleet');
    assert.ok(await listsKeys(h, warehouse.id), 'fixed for Warehouse Sensors');
  });

  it('Manage Credentials: Replace gives every application the new token, What Can It Reach? lists what it sees, Remove names who loses it', async () => {
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
    await addApplication(h, warehouse.id, SANDBOX_TOKENS.full);
    const [record] = h.api.credentialRecords();
    h.ui.answer(record.label, '$(key) Replace…', 'revoked-token-value');
    await vscode.commands.executeCommand('appKeys.manageCredentials');
    assert.deepStrictEqual(await keyRows(h, fleet.id), ['Error', 'Update API token…']);
    assert.deepStrictEqual(await keyRows(h, warehouse.id), ['Error', 'Update API token…']);
    h.ui.answer(record.label, '$(key) Replace…', SANDBOX_TOKENS.full);
    await vscode.commands.executeCommand('appKeys.manageCredentials');
    assert.ok(await listsKeys(h, fleet.id));
    assert.ok(await listsKeys(h, warehouse.id));

    h.ui.answer(record.label, '$(eye) What Can It Reach?');
    await vscode.commands.executeCommand('appKeys.manageCredentials');
    const reach = h.ui.shown.find((m) => m.level === 'info');
    assert.match(reach?.detail ?? '', /It can see 3 applications: Demo Fleet, Empty App, Warehouse Sensors\.\nUsed by Demo Fleet, Warehouse Sensors\./);
    h.ui.reset();

    h.ui.answer(record.label, '$(trash) Remove…', 'Remove');
    await vscode.commands.executeCommand('appKeys.manageCredentials');
    const modal = h.ui.shown.find((m) => m.level === 'confirm');
    assert.match(modal?.detail ?? '', /These applications lose their credential: Demo Fleet, Warehouse Sensors/);
    assert.deepStrictEqual(h.api.credentialRecords(), []);
    assert.ok(await credentialMissing(h, fleet.id));
    assert.ok(await credentialMissing(h, warehouse.id));
    assert.strictEqual(configured().length, 2, 'the applications stay');
  });

  it('offers the credential stored for the origin to an application without one', async () => {
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
    await configure([...configured(), { platform: 'losant', applicationId: warehouse.id, apiUrl: h.sandbox.url }]);
    assert.ok(await credentialMissing(h, warehouse.id));
    const [record] = h.api.credentialRecords();
    h.ui.answer(record.label);
    await vscode.commands.executeCommand('appKeys.setToken', { applicationId: warehouse.id });
    assert.match(h.ui.asked[0], new RegExp(`^pick: Which API token for ${warehouse.id}`));
    assert.ok(await listsKeys(h, warehouse.id));
    assert.strictEqual(h.api.credentialRecords()[0].users.length, 2);
  });

  it('removing one of two applications keeps the credential the other uses', async () => {
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
    await addApplication(h, warehouse.id, SANDBOX_TOKENS.full);
    h.ui.answer('Remove');
    await vscode.commands.executeCommand('appKeys.removeApplication', { applicationId: fleet.id });
    assert.match(h.ui.shown[0].detail ?? '', /stays stored: other applications use it \(Warehouse Sensors\)/);
    assert.ok(await listsKeys(h, warehouse.id));
    assert.strictEqual(h.api.credentialRecords()[0].users.length, 1);
  });

  it('Back in a create prompt keeps the name typed', async () => {
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
    h.ui.answer('Gate key', BACK, ACCEPT, 'made with Back');
    const created = await vscode.commands.executeCommand<{ item: { data: Record<string, unknown> } }>('appKeys.createKey', { applicationId: fleet.id });
    assert.strictEqual(created.item.data.name, 'Gate key');
    assert.strictEqual(created.item.data.description, 'made with Back');
    assert.deepStrictEqual(
      h.ui.steps.map((s) => `${s.step}/${s.totalSteps} ${s.value ?? ''}`),
      ['1/2 ', '2/2 ', '1/2 Gate key', '2/2 '],
    );
    assert.match(h.ui.steps[0].title, /^New application key in Demo Fleet$/);
  });
});

describe('The move of per-application secrets to shared credentials', () => {
  const h = useHarness();

  /** What an earlier version stored: one secret per application, and the applications in settings. */
  async function plantEarlierVersion(): Promise<void> {
    const origin = new URL(h.sandbox.url).origin;
    await h.api.secrets.store(`appKeys.credential:losant:${origin}:${fleet.id}`, SANDBOX_TOKENS.full);
    await h.api.secrets.store(`appKeys.credential:losant:${origin}:${warehouse.id}`, SANDBOX_TOKENS.full);
    await h.api.secrets.store(`appKeys.credential:elasticpath:${origin}:${SANDBOX_EP.storeId}`, SANDBOX_EP.clientSecret);
    await configure([
      { platform: 'losant', applicationId: fleet.id, apiUrl: h.sandbox.url },
      { platform: 'losant', applicationId: warehouse.id, apiUrl: h.sandbox.url },
      { platform: 'elasticpath', applicationId: SANDBOX_EP.storeId, apiUrl: h.sandbox.url, clientId: SANDBOX_EP.clientId, label: SANDBOX_EP.storeName },
    ]);
  }

  async function everyApplicationWorks(when: string): Promise<void> {
    for (const id of [fleet.id, warehouse.id, SANDBOX_EP.storeId]) assert.ok(await listsKeys(h, id), `${id} lists its keys ${when}`);
  }

  async function oldKeysLeft(): Promise<number> {
    const origin = new URL(h.sandbox.url).origin;
    const keys = [fleet.id, warehouse.id].map((id) => `appKeys.credential:losant:${origin}:${id}`);
    keys.push(`appKeys.credential:elasticpath:${origin}:${SANDBOX_EP.storeId}`);
    return (await Promise.all(keys.map((k) => h.api.secrets.get(k)))).filter((v) => v !== undefined).length;
  }

  it('moves them without asking: identical tokens on one origin become one credential, and the old keys go', async () => {
    await plantEarlierVersion();
    await everyApplicationWorks('before the move (the old secrets are read)');
    await h.api.moveCredentials();
    const records = h.api.credentialRecords();
    assert.deepStrictEqual(records.map((r) => [r.platform, r.users.length]).sort(), [
      ['elasticpath', 1],
      ['losant', 2],
    ]);
    assert.strictEqual(await oldKeysLeft(), 0);
    assert.strictEqual(h.ui.asked.length, 0, 'nothing asked');
    await everyApplicationWorks('after the move');
  });

  it('interrupted at any of its first writes: every application keeps working, and the next run finishes the move', async () => {
    for (const writes of [0, 1, 2, 3, 4, 5, 6, 7]) {
      await h.api.forgetCredentials();
      await plantEarlierVersion();
      await assert.rejects(h.api.moveCredentials(writes), /interrupted/, `interrupted after ${writes} writes`);
      await everyApplicationWorks(`after an interruption after ${writes} writes`);
      await h.api.moveCredentials();
      await everyApplicationWorks(`once the move interrupted after ${writes} writes is finished`);
      assert.strictEqual(h.api.credentialRecords().length, 2, `${writes}: two credentials`);
      assert.strictEqual(await oldKeysLeft(), 0, `${writes}: no old key left`);
    }
  });
});
