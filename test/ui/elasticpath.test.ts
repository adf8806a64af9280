// A person adds an Elastic Path store with a client ID and secret, sees its keys and reserved rate limits, and
// creates a key whose one-time client secret is shown in a modal. Each test sets up what it needs (given.ts).
import * as assert from 'assert';
import { SANDBOX_EP } from '../sandbox';
import * as given from './given';
import { readmeScreenshot } from './hooks';
import { session } from './session';
import { until } from './wait';
import { Workbench } from './workbench';

describe('UI: Elastic Path application keys', () => {
  let wb: Workbench;
  before(() => {
    wb = new Workbench(session.page);
  });

  const serverKeys = () => [...session.sandbox.state.elasticpath.keys.values()];

  it('adds an Elastic Path store with a client ID and secret, and lists its keys with reserved rate limits', async () => {
    await given.viewOpen(wb);
    const fleet = wb.treeRow('Demo Fleet');
    if (await fleet.isVisible()) await wb.collapse(fleet); // one "Application Keys" group on screen
    await given.addElasticPathStore(wb);

    const store = wb.treeRow(SANDBOX_EP.storeName, /Elastic Path/);
    await wb.expand(store);
    await wb.treeRow('Application Keys').waitFor();
    await wb.treeRow('Storefront', /^reserved 30\/s · used /).waitFor();
    await wb.treeRow(SANDBOX_EP.keyName).waitFor();
    await readmeScreenshot('elasticpath');
  });

  it('creates a key from a create document and shows its one-time client ID and secret in a modal', async () => {
    await given.elasticPathStore(wb);
    await given.expandedAlone(wb, SANDBOX_EP.storeName);
    const before = new Set(serverKeys().map((k) => k.id));
    await wb.inlineAction(wb.treeRow('Application Keys'), 'New…');
    const editor = await wb.waitForEditor(/^New application key \d+\.json/);
    await until('the template', async () => (await wb.editorText(editor)).includes('"reserved_rate_limit"'));
    await wb.replaceEditorText(editor, JSON.stringify({ name: 'UI test integration', reserved_rate_limit: 5 }, null, 2));
    await session.page.keyboard.press('Control+S');
    const dialog = await wb.waitForDialog('Created application key "UI test integration"');
    const created = await until('the new key in the sandbox', () => serverKeys().find((k) => !before.has(k.id)));
    session.secretsUsed.set('the new Elastic Path client secret', created.client_secret);
    assert.strictEqual(/client_id: (\S+)/.exec(dialog.detail)?.[1], created.client_id, dialog.detail);
    assert.strictEqual(/client_secret: (\S+)/.exec(dialog.detail)?.[1], created.client_secret, dialog.detail);
    assert.strictEqual(created.reserved_rate_limit, 5);
    await wb.closeSecretsUnsaved();
    await wb.waitForEditor(`${created.name} (edit).json`);
    await wb.runCommand('View: Close All Editors');
    await wb.treeRow('UI test integration', /^reserved 5\/s · never used/).waitFor();
    // The group counts the new key next to the store's reserved total.
    await wb.treeRow('Application Keys', new RegExp(`^${serverKeys().length} · \\d+/s reserved`)).waitFor();
  });
});
