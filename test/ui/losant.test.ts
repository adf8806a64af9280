// A person manages a Losant application's keys in the packaged extension: mouse and keyboard only.
// The tests share one window (like a person's session); each sets up what it needs (given.ts), so any one runs alone.
import * as assert from 'assert';
import { SANDBOX_APPS } from '../sandbox';
import * as given from './given';
import { readmeScreenshot } from './hooks';
import { session } from './session';
import { until } from './wait';
import { Workbench } from './workbench';
import { parseObject } from '../support/json';

const fleet = SANDBOX_APPS.demoFleet;

describe('UI: Losant application keys', () => {
  let wb: Workbench;
  before(() => {
    wb = new Workbench(session.page);
  });

  function serverKeys() {
    return [...session.sandbox.state.losant.keys.values()].filter((k) => k.applicationId === fleet.id);
  }
  function serverKeyNamed(name: string) {
    return serverKeys().find((k) => k.name === name);
  }

  it('opens the App Keys view from the activity bar: no applications yet', async () => {
    // A wider side bar too, as a person would drag it, so labels and descriptions show in full.
    await given.noApplications(wb);
  });

  it('adds a Losant application on another host through the command palette', async () => {
    await given.noApplications(wb);
    await given.addLosantApplication(wb, fleet);
    const app = wb.treeRow(fleet.name, `Losant · ${new URL(session.sandbox.url).host}`);
    await app.waitFor();
  });

  it('expands the application and shows its keys with their status', async () => {
    await given.losantApplication(wb);
    await wb.expand(wb.treeRow(fleet.name));
    await wb.treeRow('Application Keys').waitFor();
    const inactive = serverKeys().find((k) => k.status === 'inactive' && k.name?.startsWith('Truck'));
    assert.ok(inactive?.name);
    await wb.treeRow(inactive.name, /^inactive/).waitFor();
    await wb.treeRow('Truck 03 gateway').waitFor();
    await wb.treeRow('API Tokens').waitFor();
    await wb.treeRow('CI pipeline', 'all.Application').waitFor();
    await wb.waitForTreeIdle();
  });

  it('fetches a key by clicking it: read-only JSON without its secret', async () => {
    await given.losantApplication(wb);
    await given.expandedAlone(wb, fleet.name);
    const key = serverKeyNamed('Truck 03 gateway');
    assert.ok(key);
    await wb.clickRow(wb.treeRow('Truck 03 gateway'));
    const editor = await wb.waitForEditor('Truck 03 gateway.json');
    const text = await until('the key in the editor', async () => {
      const t = await wb.editorText(editor);
      return t.includes(key.key) ? t : undefined;
    });
    const shown = parseObject(text);
    assert.strictEqual(shown.id, key.id);
    assert.strictEqual(shown.name, 'Truck 03 gateway');
    assert.strictEqual(shown.secret, undefined);
    assert.ok(!text.includes(key.secret), 'the secret is not shown');
    assert.ok(await wb.activeTabIsReadOnly(), 'the fetched key opens read-only');
    await readmeScreenshot('tree');
    // Typing in it points to Edit, which its title bar offers; the edit document's title says what it is.
    await editor.locator('.view-lines').click();
    await session.page.keyboard.type('x');
    await session.page.locator('.monaco-editor-overlaymessage', { hasText: /click Edit in the title bar/ }).waitFor();
    await session.page.locator('.part.editor .editor-actions .action-label[aria-label="Edit"]').first().click();
    await wb.waitForEditor('Truck 03 gateway (edit).json');
    await wb.runCommand('View: Close All Editors');
  });

  it('edits a key: a bad value shows in the Problems panel; the fixed document saves and the tree shows it', async () => {
    await given.losantApplication(wb);
    await given.expandedAlone(wb, fleet.name);
    const key = serverKeyNamed('Truck 03 gateway');
    assert.ok(key);
    const row = wb.treeRow('Truck 03 gateway');
    await wb.inlineAction(row, 'Edit');
    const editor = await wb.waitForEditor('Truck 03 gateway (edit).json');
    const original = parseObject(
      await until('the edit document', async () => {
        const t = await wb.editorText(editor);
        return t.includes('"status"') ? t : undefined;
      }),
    );
    assert.deepStrictEqual(Object.keys(original).sort(), ['description', 'filterType', 'name', 'pubTopics', 'status', 'subTopics']);

    await wb.replaceEditorText(editor, JSON.stringify({ ...original, status: 'paused' }, null, 2));
    const problems = await wb.openProblems();
    const problem = await until('the schema problem in the Problems panel', async () => {
      const texts = await problems.allInnerTexts();
      return texts.find((t) => /must be one of/.test(t) && /active/.test(t));
    });
    assert.match(problem, /"active", "inactive"|active, inactive|"active"/);
    await readmeScreenshot('edit-problem');

    const renamed = 'Truck 03 gateway (retired)';
    await wb.replaceEditorText(editor, JSON.stringify({ ...original, status: 'inactive', name: renamed }, null, 2));
    await until('the Problems panel to clear', async () => (await problems.count()) === 0);
    await wb.save();
    // Said by name, never by ID.
    await session.page.locator('.part.statusbar', { hasText: 'App Keys: saved application key "Truck 03 gateway"' }).waitFor();
    await until('the save to reach the sandbox', () => key.name === renamed && key.status === 'inactive');
    await wb.treeRow(renamed, /^inactive/).waitFor();
    await wb.waitForEditor(`${renamed} (edit).json`); // the renamed key's document took its new name
    await wb.closeProblems();
    await wb.closeActiveEditor();
  });

  it('creates a key from a create document and shows its one-time secret in a modal', async () => {
    await given.losantApplication(wb);
    await given.expandedAlone(wb, fleet.name);
    const before = new Set(serverKeys().map((k) => k.id));
    await wb.inlineAction(wb.treeRow('Application Keys'), 'New…');
    const editor = await wb.waitForEditor(/^New application key \d+\.json/);
    await until('the template', async () => (await wb.editorText(editor)).includes('"deviceIds"'));
    // It says how it becomes a key, and the cursor waits in the name.
    await editor.locator('.codelens-decoration', { hasText: /Create this application key \(Ctrl\+S\)/ }).waitFor();
    await session.page.keyboard.type('UI test key');
    await until('the name typed where the cursor started', async () => (await wb.editorText(editor)).includes('"name": "UI test key"'));
    const fields = { name: 'UI test key', description: 'Created by the UI tests', deviceIds: [], filterType: 'all' };
    await wb.replaceEditorText(editor, JSON.stringify(fields, null, 2));
    await readmeScreenshot('create-document');
    await session.page.keyboard.press('Control+S');
    const dialog = await wb.waitForDialog('Created application key "UI test key"');
    const created = await until('the new key in the sandbox', () => serverKeys().find((k) => !before.has(k.id)));
    session.secretsUsed.set('the new Losant key secret', created.secret);
    const shown = /secret: (\S+)/.exec(dialog.detail)?.[1];
    assert.strictEqual(shown, created.secret, `the dialog shows the secret the sandbox stored (${dialog.detail})`);
    assert.strictEqual(/^key: (\S+)/m.exec(dialog.detail)?.[1], created.key, 'the key beside its secret: a device needs both');
    assert.strictEqual(created.name, 'UI test key');
    assert.strictEqual(created.description, 'Created by the UI tests');
    await readmeScreenshot('secret');
    await wb.closeSecretsUnsaved();
    await wb.waitForEditor(`${created.name} (edit).json`); // the create document gave way to the new key's edit document
    await wb.runCommand('View: Close All Editors');
    await wb.treeRow('UI test key').waitFor();
    // The group counts the new key (seeded keys, the new one).
    await wb.treeRow('Application Keys', String(serverKeys().length)).waitFor();
  });

  it('creates a key restricted to a device picked by name from the completions of the create document', async () => {
    await given.losantApplication(wb);
    await given.expandedAlone(wb, fleet.name);
    const truck = [...session.sandbox.state.losant.devices.values()].find((d) => d.name === 'Truck 03')!;
    await wb.inlineAction(wb.treeRow('Application Keys'), 'New…');
    const editor = await wb.waitForEditor(/^New application key \d+\.json/);
    await until('the template', async () => (await wb.editorText(editor)).includes('"deviceIds"'));
    // The cursor ends inside the unfinished string: the completions offer the devices by name.
    await wb.replaceEditorText(editor, '{ "name": "UI restricted key", "description": "", "deviceIds": ["Truck 0');
    await session.page.keyboard.press('Escape');
    await session.page.keyboard.press('Control+Space');
    const row = session.page.locator('.suggest-widget .monaco-list-row', { hasText: 'Truck 03' }).first();
    await row.waitFor();
    await readmeScreenshot('device-completions');
    await row.click();
    await until('the ID in the document', async () => (await wb.editorText(editor)).includes(`"${truck.id}"`));
    await session.page.keyboard.press('End');
    await session.page.keyboard.type('] }');
    const before = new Set(serverKeys().map((k) => k.id));
    await session.page.keyboard.press('Control+S');
    await wb.waitForDialog('Created application key "UI restricted key"');
    const created = await until('the new key in the sandbox', () => serverKeys().find((k) => !before.has(k.id)));
    session.secretsUsed.set('the restricted Losant key secret', created.secret);
    assert.deepStrictEqual(created.deviceIds, [truck.id], 'restricted to the device picked by name');
    await wb.closeSecretsUnsaved();
    await wb.runCommand('View: Close All Editors');
  });

  /** A create document of Demo Fleet whose text ends inside `deviceIds` (cursor at the end), and the trucks' IDs. */
  async function createDocumentAtDeviceIds(name: string) {
    await given.losantApplication(wb);
    await given.expandedAlone(wb, fleet.name);
    const devices = [...session.sandbox.state.losant.devices.values()];
    const idOf = (device: string) => devices.find((d) => d.name === device)!.id;
    await wb.inlineAction(wb.treeRow('Application Keys'), 'New…');
    const editor = await wb.waitForEditor(/^New application key \d+\.json/);
    await until('the template', async () => (await wb.editorText(editor)).includes('"deviceIds"'));
    await wb.replaceEditorText(editor, `{ "name": "${name}", "description": "", "deviceIds": [`);
    return { editor, idOf };
  }

  /** The suggest widget's rows narrow to `name` alone while typed: nothing else is there to be chosen. */
  async function onlyCompletion(name: string): Promise<void> {
    const widget = session.page.locator('.suggest-widget');
    await until(`the completions narrowed to ${name}`, async () => {
      const rows = await widget.locator('.monaco-list-row').allInnerTexts();
      return rows.length === 1 && rows[0].includes(name);
    });
  }

  async function insertedDevice(editor: Awaited<ReturnType<typeof createDocumentAtDeviceIds>>['editor']): Promise<string> {
    const text = await until('an ID in the document', async () => /"deviceIds": \["([0-9a-f]{24})"/.exec(await wb.editorText(editor))?.[1]);
    await wb.runCommand('View: Revert and Close Editor');
    return text;
  }

  it('typing a device name with a space and a number, then Enter, inserts that device and no other (default editor settings)', async () => {
    await given.withDefaultSuggestSettings(wb, async () => {
      const { editor, idOf } = await createDocumentAtDeviceIds('UI key for Truck 12');
      // As a person types: the quote opens the completions (a trigger character), then the name, a key at a time.
      await session.page.keyboard.type('"');
      await session.page.locator('.suggest-widget .monaco-list-row', { hasText: 'Truck 01' }).first().waitFor();
      await session.page.keyboard.type('Truck 12', { delay: 120 });
      await onlyCompletion('Truck 12');
      await session.page.keyboard.press('Enter');
      assert.strictEqual(await insertedDevice(editor), idOf('Truck 12'), 'Truck 12 inserted (not Truck 01)');
    });
  });

  it('typing a device name with a space and a number after Ctrl+Space, then Tab, inserts that device (completions on trigger characters off)', async () => {
    const { editor, idOf } = await createDocumentAtDeviceIds('UI key for Truck 17');
    await session.page.keyboard.type('"');
    await session.page.keyboard.press('Control+Space');
    await session.page.locator('.suggest-widget .monaco-list-row', { hasText: 'Truck 01' }).first().waitFor();
    await session.page.keyboard.type('Truck 17', { delay: 120 });
    await onlyCompletion('Truck 17');
    await session.page.keyboard.press('Tab');
    assert.strictEqual(await insertedDevice(editor), idOf('Truck 17'), 'Truck 17 inserted (not Truck 01)');
  });

  it('deletes a key through the context menu after confirming', async () => {
    await given.losantApplication(wb);
    await given.expandedAlone(wb, fleet.name);
    const victim = serverKeyNamed('Truck 19 gateway');
    assert.ok(victim);
    const row = wb.treeRow('Truck 19 gateway');
    await wb.contextMenu(row, 'Delete…');
    const dialog = await wb.waitForDialog('Delete application key "Truck 19 gateway"');
    assert.match(dialog.message, /from Demo Fleet\?/);
    await wb.clickDialogButton('Delete');
    await until('the key to be deleted in the sandbox', () => !session.sandbox.state.losant.keys.has(victim.id));
    await row.waitFor({ state: 'detached' });
  });
});
