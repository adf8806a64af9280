// Issue 13, items 2 and 7: documents titled by name (tabs and breadcrumbs), and the whole life of a key
// walked with the keyboard only: add the application, create, edit, save and delete a key; no mouse event at all.
import * as assert from 'assert';
import { SANDBOX_APPS, SANDBOX_TOKENS } from '../sandbox';
import * as given from './given';
import { readmeScreenshot } from './hooks';
import { Keyboard } from './keyboard';
import { session } from './session';
import { until } from './wait';
import { Workbench } from './workbench';
import { parseObject } from '../support/json';

const fleet = SANDBOX_APPS.demoFleet;

describe('UI: named documents and the keyboard only', () => {
  let wb: Workbench;
  let keys: Keyboard;
  before(() => {
    wb = new Workbench(session.page);
    keys = new Keyboard(wb);
  });

  const serverKeys = () => [...session.sandbox.state.losant.keys.values()].filter((k) => k.applicationId === fleet.id);
  const tabTitles = async (): Promise<string[]> =>
    session.page
      .locator('.part.editor .tab')
      .evaluateAll((els: { getAttribute(name: string): string | null }[]) => els.map((e) => e.getAttribute('aria-label') ?? ''));

  it('titles edit documents by name, tells two keys of one name apart, and shows application › group › key in the breadcrumbs', async () => {
    await given.losantApplication(wb);
    await given.expandedAlone(wb, fleet.name);
    await wb.runCommand('View: Close All Editors');
    const response = await session.sandboxFetch(`${session.sandbox.url}/applications/${fleet.id}/keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SANDBOX_TOKENS.full}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Truck 11 gateway', description: 'A second key of the same name' }),
    });
    const twin = (await response.json()) as { id: string; secret: string };
    session.secretsUsed.set('the twin key secret', twin.secret);
    await wb.runCommand('App Keys: Refresh');
    const rows = session.page.locator('.part.sidebar .monaco-list-row', { has: session.page.locator('.label-name', { hasText: /^Truck 11 gateway$/ }) });
    await until('both keys in the tree', async () => (await rows.count()) === 2);
    for (const i of [0, 1]) await wb.inlineAction(rows.nth(i), 'Edit');
    // Whichever was opened second carries the end of its ID.
    await until('two tabs told apart', async () => {
      const titles = await tabTitles();
      return titles.includes('Truck 11 gateway (edit).json') && titles.some((t) => /^Truck 11 gateway \([0-9a-f]{6}\) \(edit\)\.json$/.test(t))
        ? titles
        : undefined;
    });
    const crumbs = session.page.locator('.part.editor .breadcrumbs-control .monaco-breadcrumb-item');
    const trail = await until('the breadcrumbs', async () => {
      const texts = (await crumbs.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
      return texts.length >= 3 ? texts : undefined;
    });
    assert.deepStrictEqual(trail.slice(0, 2), [fleet.name, 'Application Keys'], trail.join(' › '));
    assert.match(trail[2], /^Truck 11 gateway( \([0-9a-f]{6}\))? \(edit\)\.json$/, trail.join(' › '));
    await readmeScreenshot('named-documents');
    await wb.runCommand('View: Close All Editors');
  });

  it('adds an application, creates, edits, saves and deletes a key with the keyboard only', async () => {
    let clicks = 0;
    // Any mouse press in the page counts: the walk must not need one.
    await session.page.exposeFunction('__appKeysMouse', () => clicks++).catch(() => undefined);
    await session.page.evaluate(() => {
      const w = globalThis as unknown as {
        __appKeysMouseHooked?: boolean;
        __appKeysMouse: () => void;
        addEventListener: (t: string, f: () => void, c: boolean) => void;
      };
      if (!w.__appKeysMouseHooked) w.addEventListener('mousedown', () => w.__appKeysMouse(), true);
      w.__appKeysMouseHooked = true;
    });

    // Start from no applications: each one removed from its row's context menu, the dialog answered with Enter.
    const sidebar = session.page.locator('.part.sidebar');
    await keys.focusTree();
    for (let i = 0; i < 6 && !(await sidebar.innerText()).includes('No applications yet'); i++) {
      const app = await keys.toRow(/, (Losant|Elastic Path) application on /);
      const name = app.slice(0, app.indexOf(', '));
      await keys.contextMenu('Remove Application…');
      await wb.waitForDialog(`Remove ${name} from App Keys?`);
      await session.page.keyboard.press('Enter');
      await wb.dialog.waitFor({ state: 'hidden' });
      await until('the application to leave the tree', async () => {
        const text = await sidebar.innerText();
        return !text.includes(name) || text.includes('No applications yet');
      });
      await keys.focusTree();
    }
    await until('no applications in the tree', async () => (await sidebar.innerText()).includes('No applications yet'));

    // Add: the palette, then quick picks filtered by typing and input boxes.
    await wb.runCommand('App Keys: Add Application…');
    await keys.pick('Which platform?', 'Losant');
    await keys.pick('Which Losant API host?', 'Other host…');
    await wb.type('API base URL', session.sandbox.url);
    await wb.type(/API token for 127\.0\.0\.1/, SANDBOX_TOKENS.full);
    session.secretsUsed.set('SANDBOX_TOKENS.full', SANDBOX_TOKENS.full);
    await keys.pick('Choose the application', fleet.name);

    // Create: the group's context menu (Shift+F10) → New…, then type the document and save it.
    await keys.focusTree();
    await keys.toRow(new RegExp(`^${fleet.name}, Losant application`));
    await session.page.keyboard.press('ArrowRight');
    await until('the application expanded', async () => (await wb.treeRow('Application Keys').count()) > 0);
    const group = await keys.toRow(/^Application Keys, \d+/);
    assert.match(group, /^Application Keys, \d+/, 'the group says its count aloud');
    await keys.contextMenu('New…');
    await wb.waitForEditor(/^New application key \d+\.json/);
    await until('the template', async () => (await wb.editorText(wb.page.locator('.part.editor .monaco-editor').first())).includes('"deviceIds"'));
    await keys.replaceText(JSON.stringify({ name: 'Keyboard key', description: 'Made without a mouse' }, null, 2));
    await session.page.keyboard.press('Control+S');
    await wb.waitForDialog('Created application key "Keyboard key"');
    const created = await until('the new key in the sandbox', () => serverKeys().find((k) => k.name === 'Keyboard key'));
    session.secretsUsed.set('the keyboard key secret', created.secret);
    await wb.closeSecretsUnsaved(true); // Escape, then Enter on Close Anyway
    await wb.waitForEditor('Keyboard key (edit).json');
    await wb.runCommand('View: Close All Editors');

    // Edit: the key's row (its label read aloud: name, kind, status), its context menu → Edit, type, Ctrl+S.
    await keys.focusTree();
    const row = await keys.toRow(/^Keyboard key, /);
    assert.strictEqual(row, 'Keyboard key, application key, active');
    await keys.contextMenu('Edit');
    const editor = await wb.waitForEditor('Keyboard key (edit).json');
    const fields = parseObject(await until('the edit document', async () => ((t) => (t.includes('"status"') ? t : undefined))(await wb.editorText(editor))));
    await keys.replaceText(JSON.stringify({ ...fields, name: 'Keyboard key (edited)', status: 'inactive' }, null, 2));
    await wb.save();
    await until('the save in the sandbox', () => created.name === 'Keyboard key (edited)' && created.status === 'inactive');
    await wb.waitForEditor('Keyboard key (edited) (edit).json'); // the renamed key's document took its new name
    await wb.runCommand('View: Close All Editors');

    // Delete: the row (now inactive, said in words), its context menu → Delete…, Enter on the dialog's Delete.
    await keys.focusTree();
    assert.strictEqual(await keys.toRow(/^Keyboard key \(edited\), /), 'Keyboard key (edited), application key, inactive');
    await keys.contextMenu('Delete…');
    const dialog = await wb.waitForDialog('Delete application key "Keyboard key (edited)"');
    assert.match(dialog.message, /Demo Fleet/);
    await session.page.keyboard.press('Enter');
    await until('the key deleted in the sandbox', () => !session.sandbox.state.losant.keys.has(created.id));
    await wb.treeRow('Keyboard key (edited)').waitFor({ state: 'detached' });
    assert.strictEqual(clicks, 0, 'no mouse button was pressed');
  });
});
