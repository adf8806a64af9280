// A person creates keys for devices and hands their one-time secrets off from the modal, mouse and keyboard only:
// the whole credential (each device's ID, the key's ID, the key and its secret) saved to a CSV file, and a Close that
// asks before secrets never handed off are dropped. Each test sets up what it needs (given.ts), so any one runs alone.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SANDBOX_APPS } from '../sandbox';
import * as given from './given';
import { session } from './session';
import { until } from './wait';
import { escapeRegExp, Workbench } from './workbench';

const fleet = SANDBOX_APPS.demoFleet;

describe('UI: one-time secrets handed off', () => {
  let wb: Workbench;
  before(() => {
    wb = new Workbench(session.page);
  });

  const device = (name: string) => [...session.sandbox.state.losant.devices.values()].find((d) => d.applicationId === fleet.id && d.name === name)!;
  /** The newest key restricted to the device alone. */
  const keyOf = (name: string) =>
    [...session.sandbox.state.losant.keys.values()]
      .filter((k) => k.applicationId === fleet.id && k.deviceIds?.length === 1 && k.deviceIds[0] === device(name).id)
      .sort((a, b) => Date.parse(b.creationDate) - Date.parse(a.creationDate))[0];

  /** Clicks a button of the modal when the next dialog follows at once (so no wait for none). */
  async function press(label: string): Promise<void> {
    await wb.dialog.locator('.dialog-buttons .monaco-button', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }).click();
  }

  /** Create Keys for Devices… from the palette, the devices picked from the list by typing their names. */
  async function createKeysFor(names: string[]): Promise<{ message: string; detail: string }> {
    await given.losantApplication(wb);
    const before = new Map(names.map((n) => [n, keyOf(n)?.id]));
    await wb.runCommand('App Keys: Create Keys for Devices…');
    await until('the application or device question', async () => /Choose an application|Which devices of/.test(await wb.quickInputText()));
    if (/Choose an application/.test(await wb.quickInputText())) await wb.pick('Choose an application', fleet.name);
    await wb.pick(`Which devices of ${fleet.name} get a key?`, 'From the List…');
    await wb.waitForPrompt('each one picked gets its own key');
    const input = wb.quickInput.locator('.quick-input-box input');
    for (const name of names) {
      await input.fill(name);
      const row = wb.quickInput
        .locator('.monaco-list-row', { has: session.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) })
        .first();
      await row.click();
      await until(`"${name}" ticked`, async () => (await row.getAttribute('aria-checked')) === 'true');
    }
    await input.fill('');
    await session.page.keyboard.press('Enter');
    const next = await wb.waitForDialog(/already have a key restricted to them|one per device\?/);
    if (/already have a key/.test(next.message)) {
      await press('Create for All');
      await wb.waitForDialog(/one per device\?/);
    }
    await press(`Create ${names.length} Keys`);
    const dialog = await wb.waitForDialog(`Created ${names.length} of ${names.length} keys`);
    for (const name of names) {
      await until(`the new key of ${name}`, () => keyOf(name) && keyOf(name).id !== before.get(name));
      session.secretsUsed.set(`the secret of ${name}'s new key`, keyOf(name).secret);
    }
    return dialog;
  }

  it('Create Keys for Devices: the modal shows each key beside its secret; Save to File writes device ID, key ID, key and secret', async () => {
    const names = ['Truck 05', 'Truck 06'];
    const dialog = await createKeysFor(names);
    for (const name of names) {
      const key = keyOf(name);
      assert.ok(dialog.detail.includes(`${name} key: ${key.key}`), `the modal shows ${name}'s key: ${dialog.detail}`);
      assert.ok(dialog.detail.includes(`${name} secret: ${key.secret}`), `the modal shows ${name}'s secret`);
    }
    // Saved outside the workspace (the run's folders are searched for secrets at the end), through the file dialog.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appkeys-ui-handoff-'));
    try {
      const file = path.join(dir, 'device-keys.csv');
      await press('Save to File…');
      await wb.quickInput.waitFor();
      const input = wb.quickInput.locator('.quick-input-box input');
      // As a paste would: the simple file dialog completes folder names while a path is typed key by key.
      await until('the path typed', async () => {
        await input.click();
        await session.page.keyboard.press('Control+A');
        await session.page.keyboard.insertText(file);
        return (await input.inputValue()) === file;
      });
      // The simple file dialog ignores Enter while it is still reading the typed folder: pressed again, as a person would.
      await until('the file dialog to take the path', async () => {
        if (await wb.quickInput.isVisible()) await wb.quickInput.locator('.quick-input-action, .monaco-button', { hasText: 'OK' }).first().click();
        await new Promise((resolve) => setTimeout(resolve, 500));
        return !(await wb.quickInput.isVisible());
      });
      await wb.waitForDialog(`Saved to ${file}.`);
      const rows = fs.readFileSync(file, 'utf8').trim().split('\n');
      assert.deepStrictEqual(rows, [
        'name,device_id,key_id,key,secret',
        ...names.map((name) => [name, device(name).id, keyOf(name).id, keyOf(name).key, keyOf(name).secret].join(',')),
      ]);
      // Handed off: Close closes at once.
      await wb.clickDialogButton('Close');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    await wb.runCommand('View: Close All Editors'); // the report of the keys made
  });

  it('Close on the hand-off modal asks first while nothing was saved or copied: "2 secrets will be lost; the keys stay active."', async () => {
    await createKeysFor(['Truck 07', 'Truck 08']);
    const buttons = await wb.dialog.locator('.dialog-buttons .monaco-button').allInnerTexts();
    assert.ok(buttons.includes('Close') && !buttons.includes('Cancel'), `the modal closes with Close: ${buttons.join(', ')}`);
    await press('Close');
    const asked = await wb.waitForDialog('2 secrets will be lost; the keys stay active.');
    assert.match(asked.detail, /shown only now/);
    // Cancel: back to the secrets.
    await press('Cancel');
    await wb.waitForDialog('Created 2 of 2 keys');
    await press('Close');
    await wb.waitForDialog('2 secrets will be lost; the keys stay active.');
    await wb.clickDialogButton('Close Anyway');
    assert.strictEqual(keyOf('Truck 07').status, 'active', 'the keys stay active');
    await wb.runCommand('View: Close All Editors');
  });
});
