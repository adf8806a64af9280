// A person works with a larger application (Warehouse Sensors with 250 generated keys, see SCALE_EXTRA_KEYS):
// filters a key group by name, deactivates a multi-selection, rotates a key and reads the stale-keys report
// (the walkthrough: themes.test.ts). Mouse and keyboard only; each test sets up what it needs (given.ts), so any one runs alone.
import * as assert from 'assert';
import { SANDBOX_APPS, SANDBOX_EP, globMatches } from '../sandbox';
import * as given from './given';
import { readmeScreenshot } from './hooks';
import { SCALE_EXTRA_KEYS, session } from './session';
import { until } from './wait';
import { Workbench } from './workbench';

const warehouse = SANDBOX_APPS.warehouseSensors;
const generated = (n: number) => `Generated key ${String(n).padStart(5, '0')}`;

describe('UI: a larger application (filter, bulk deactivate, rotate, report)', () => {
  let wb: Workbench;
  before(() => {
    wb = new Workbench(session.page);
  });

  const serverKeys = () => [...session.sandbox.state.losant.keys.values()].filter((k) => k.applicationId === warehouse.id);
  const serverKeyNamed = (name: string) => serverKeys().find((k) => k.name === name);
  /** The Warehouse Sensors key group (the only "Application Keys" row on screen: the other applications are collapsed). */
  const keysGroup = () => wb.treeRow('Application Keys');

  it('adds an application with 255 keys (newest first, a page at a time)', async () => {
    assert.strictEqual(serverKeys().length, 5 + SCALE_EXTRA_KEYS[0].count);
    await given.viewOpen(wb);
    for (const other of [wb.treeRow('Demo Fleet'), wb.treeRow(SANDBOX_EP.storeName)]) if (await other.isVisible()) await wb.collapse(other);
    await given.addLosantApplication(wb, warehouse);
    await wb.expand(wb.treeRow(warehouse.name, /^Losant/));
    await wb.treeRow('Application Keys', String(serverKeys().length)).waitFor();
    await wb.treeRow(generated(250)).waitFor(); // newest first
    const listed = session.sandbox.requests.filter((r) => r.method === 'GET' && r.path === `/applications/${warehouse.id}/keys`);
    assert.deepStrictEqual(
      listed.map((r) => r.query.page),
      ['0'],
      'one page loaded, not all 255 keys',
    );
  });

  it('filters the key group by name with the inline Filter… action, then clears the filter', async () => {
    await given.losantApplication(wb, warehouse);
    await given.expandedAlone(wb, warehouse.name);
    await wb.inlineAction(keysGroup(), 'Filter…');
    await wb.pick('Filter Application Keys by', 'Name');
    await wb.type('whose name matches', '*7');
    const expected = serverKeys().filter((k) => globMatches('*7', k.name ?? '')).length;
    assert.strictEqual(expected, 25);
    await wb.treeRow('Application Keys', `${expected} · name: *7`).waitFor();
    await wb.waitForTreeIdle();
    await wb.treeRow(generated(247)).waitFor();
    await wb.treeRow(generated(77), /^inactive/).waitFor();
    assert.strictEqual(await wb.treeRow(generated(250)).count(), 0, 'a key that does not match is hidden');
    await readmeScreenshot('filter');

    await wb.inlineAction(keysGroup(), 'Clear Filter');
    await wb.treeRow('Application Keys', /^255$/).waitFor();
    await wb.treeRow(generated(250)).waitFor();
  });

  it('deactivates a multi-selection after one confirmation that lists the keys, with a summary', async () => {
    await given.losantApplication(wb, warehouse);
    await given.expandedAlone(wb, warehouse.name);
    const names = [250, 249, 248, 247, 246].map(generated);
    assert.ok(names.every((n) => serverKeyNamed(n)?.status === 'active'));
    await wb.clickRow(wb.treeRow(names[0]));
    await wb.treeRow(names[4]).click({ modifiers: ['Shift'] });
    await until('five selected rows', async () => (await session.page.locator('.part.sidebar .monaco-list-row.selected').count()) === 5);

    await wb.contextMenu(wb.treeRow(names[2]), 'Deactivate');
    const dialog = await wb.waitForDialog('Deactivate 5 application keys?');
    for (const name of names) assert.ok(dialog.detail.includes(`• ${name}`), `the dialog lists ${name}: ${dialog.detail}`);
    await readmeScreenshot('bulk');
    await wb.clickDialogButton('Deactivate');
    // Focus is back in the tree: Escape clears the selection (tidier pictures from here on).
    await session.page.keyboard.press('Escape');
    await until('no selected rows', async () => (await session.page.locator('.part.sidebar .monaco-list-row.selected').count()) === 0);

    await wb.waitForNotification('Deactivated 5 of 5 application keys.');
    await until('the keys to be inactive in the sandbox', () => names.every((n) => serverKeyNamed(n)?.status === 'inactive'));
    for (const name of names) await wb.treeRow(name, /^inactive/).waitFor();
    await wb.treeRow(generated(245), /^inactive/).waitFor(); // outside the selection: inactive from the start
    assert.strictEqual(serverKeyNamed(generated(244))?.status, 'active', 'the key after the selection is untouched');
    await wb.clearNotifications();
    await wb.runCommand('View: Close All Editors'); // the clicks fetched keys into editors
  });

  it('rotates a key: a new key with the same settings, its one-time secret, then the old key deactivated', async () => {
    await given.losantApplication(wb, warehouse);
    await given.expandedAlone(wb, warehouse.name);
    const oldName = generated(244);
    const old = serverKeyNamed(oldName);
    assert.ok(old && old.status === 'active');
    const before = new Set(serverKeys().map((k) => k.id));
    await wb.contextMenu(wb.treeRow(oldName), 'Rotate…');
    await wb.waitForPrompt(`Name of the new key that replaces "${oldName}"`);
    const input = wb.quickInput.locator('.quick-input-box input');
    const newName = await until('the proposed name', async () => {
      const value = await input.inputValue();
      return value.startsWith(`${oldName} (rotated `) ? value : undefined;
    });
    await session.page.keyboard.press('Enter'); // accept the proposed name

    const secretDialog = await wb.waitForDialog(`New application key "${newName}" created to replace "${oldName}"`);
    const created = await until('the new key in the sandbox', () => serverKeys().find((k) => !before.has(k.id)));
    session.secretsUsed.set('the rotated Losant key secret', created.secret);
    assert.strictEqual(/secret: (\S+)/.exec(secretDialog.detail)?.[1], created.secret, secretDialog.detail);
    assert.strictEqual(/^key: (\S+)/m.exec(secretDialog.detail)?.[1], created.key, 'the new key beside its secret');
    assert.strictEqual(created.name, newName);
    assert.strictEqual(created.filterType, old.filterType);
    assert.strictEqual(old.status, 'active', 'the old key stays active until the new one is deployed');
    await readmeScreenshot('rotate');

    // Escape closes the secret (Close Anyway: it was not handed off); the next dialog follows at once, so wait for its text.
    await session.page.keyboard.press('Escape');
    await wb.waitForDialog(`The secret of "${newName}" will be lost`);
    await wb.dialog.locator('.dialog-buttons .monaco-button', { hasText: /^Close Anyway$/ }).click();
    const deployed = await wb.waitForDialog(`Is "${newName}" deployed everywhere "${oldName}" was used?`);
    assert.match(deployed.detail, /Deactivate the old key .*It can be activated again later\./);
    await wb.clickDialogButton('Deactivate Old Key');

    await until('the old key to be inactive in the sandbox', () => old.status === 'inactive');
    await wb.waitForNotification(`Rotated: "${newName}" replaces "${oldName}", which is now inactive.`);
    await wb.treeRow(newName).waitFor();
    await wb.treeRow(oldName, /^inactive/).waitFor();
    await wb.treeRow('Application Keys', /^256$/).waitFor();
    await wb.clearNotifications();
  });

  it('writes the stale-keys report from the command palette', async () => {
    // The report's sections: Demo Fleet's, the store's "Unused" findings, the large application's.
    await given.losantApplication(wb);
    await given.elasticPathStore(wb);
    await given.losantApplication(wb, warehouse);
    await wb.runCommand('App Keys: Stale Keys Report');
    await wb.waitForPrompt('Report keys unused for how many days?');
    assert.strictEqual(await wb.quickInput.locator('.quick-input-box input').inputValue(), '90');
    await session.page.keyboard.press('Enter');
    // The report opens rendered, in a tab titled by what it is (not a file name), its names links.
    await until('the report tab', async () => ((await wb.activeTab.getAttribute('aria-label')) ?? '').startsWith('Stale Keys Report'));
    const report = session.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await report.locator('h1', { hasText: 'Stale keys report' }).waitFor();
    await report.locator('p', { hasText: 'Unused means no recorded use for 90 days' }).waitFor();
    await report.locator('h2', { hasText: 'Demo Fleet — Application Keys' }).waitFor();
    // The Elastic Path store records use: its section has the "Unused" finding.
    const section = report.locator('h2', { hasText: `${SANDBOX_EP.storeName} — Application Keys` });
    await section.waitFor();
    await report
      .locator('h3', { hasText: /^Unused for 90 days or more \(or never used\): [1-9]/ })
      .first()
      .waitFor();
    assert.match(await report.locator('li', { hasText: 'Marketing Feed (old)' }).first().innerText(), /never used|used \d{4}-\d\d-\d\d/);

    // A click on a name reveals the key in the tree (its collapsed store expands).
    const link = report.locator('a', { hasText: 'Marketing Feed (old)' }).first();
    await link.scrollIntoViewIfNeeded();
    await link.click();
    await until('the key selected in the tree', async () => (await wb.treeRow('Marketing Feed (old)').getAttribute('aria-selected')) === 'true');
    await section.scrollIntoViewIfNeeded();
    await readmeScreenshot('report');
    await wb.collapse(wb.treeRow(SANDBOX_EP.storeName));
    await wb.runCommand('View: Close All Editors');
  });
});
