// What a UI test needs before it starts, set up the way a person would (through the palette) only
// when it is not there yet: so each test runs alone (--grep) as well as after the others.
import * as fs from 'fs';
import * as path from 'path';
import { SANDBOX_APPS, SANDBOX_EP, SANDBOX_TOKENS } from '../sandbox';
import { session } from './session';
import { until } from './wait';
import type { Workbench } from './workbench';

const SIDEBAR_WIDTH = 440;

/** The App Keys view open, at a width where labels and descriptions show in full. */
export async function viewOpen(wb: Workbench): Promise<void> {
  await wb.openViewContainer('App Keys');
  const width = (await session.page.locator('.part.sidebar').boundingBox())?.width ?? 0;
  if (Math.abs(width - SIDEBAR_WIDTH) > 30) await wb.resizeSideBar(SIDEBAR_WIDTH);
  // The rows as they will stay: what is (not) there is read from a settled tree.
  await wb.waitForTreeIdle();
}

/** No application configured: the user settings hold an empty list (as a person would leave them). */
export async function noApplications(wb: Workbench): Promise<void> {
  const file = path.join(session.userDataDir, 'User', 'settings.json');
  const settings = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  fs.writeFileSync(file, JSON.stringify({ ...settings, 'appKeys.applications': [] }, null, 2));
  await viewOpen(wb);
  await until('the welcome text', async () => (await session.page.locator('.part.sidebar').innerText()).includes('No applications yet'));
}

/**
 * No application in the tree, removed as a person does (context menu, Remove Application…, Remove): the workbench does
 * not always read a settings.json written behind its back once applications were added.
 */
export async function noApplicationsInTree(wb: Workbench): Promise<void> {
  await viewOpen(wb);
  const sidebar = session.page.locator('.part.sidebar');
  for (;;) {
    if ((await sidebar.innerText()).includes('No applications yet')) return;
    const row = session.page.locator('.part.sidebar .monaco-list-row[aria-level="1"]').first();
    const name = (await row.locator('.label-name').innerText()).trim();
    await wb.contextMenu(row, 'Remove Application…');
    await wb.waitForDialog(`Remove ${name} from App Keys?`);
    await wb.clickDialogButton('Remove');
    await until(`${name} to leave the tree`, async () => !(await wb.treeRow(name).isVisible()));
  }
}

/** When the wizard offers a credential stored for the host already (an earlier test stored it), a new one is typed as a person new to it would. */
export async function newCredentialIfOffered(wb: Workbench, noun: string, next: RegExp): Promise<void> {
  const offer = new RegExp(`Which ${noun}\\? One stored`);
  await until(`the ${noun} offer or ${next}`, async () => {
    const text = await wb.quickInputText();
    return offer.test(text) || next.test(text);
  });
  if (offer.test(await wb.quickInputText())) await wb.pick(offer, `New ${noun}…`);
}

/** Adds a Losant application on the sandbox as a person does: palette, platform, host, token, pick. */
export async function addLosantApplication(wb: Workbench, app: { id: string; name: string }): Promise<void> {
  await wb.runCommand('App Keys: Add Application…');
  await wb.pick('Which platform?', 'Losant');
  await wb.pick('Which Losant API host?', 'Other host…');
  await wb.type('API base URL', session.sandbox.url);
  await newCredentialIfOffered(wb, 'API token', /API token for 127\.0\.0\.1/);
  await wb.type(/API token for 127\.0\.0\.1/, SANDBOX_TOKENS.full);
  session.secretsUsed.set('SANDBOX_TOKENS.full', SANDBOX_TOKENS.full);
  await wb.pick('Choose the application', app.name);
}

/** A Losant application on the sandbox, added through the palette if it is not in the tree. */
export async function losantApplication(wb: Workbench, app: { id: string; name: string } = SANDBOX_APPS.demoFleet): Promise<void> {
  await viewOpen(wb);
  const row = wb.treeRow(app.name, /^Losant/);
  if (await row.isVisible()) return;
  await addLosantApplication(wb, app);
  await row.waitFor();
}

/** Adds the Elastic Path store as a person does: palette, platform, host, client ID and secret, store ID, name. */
export async function addElasticPathStore(wb: Workbench): Promise<void> {
  await wb.runCommand('App Keys: Add Application…');
  await wb.pick('Which platform?', 'Elastic Path');
  await wb.pick('Which Elastic Path API host?', 'Other host…');
  await wb.type('API base URL', session.sandbox.url);
  await newCredentialIfOffered(wb, 'client secret', /Client ID for/);
  await wb.type('Client ID for', SANDBOX_EP.clientId);
  await wb.type(/Client secret for/i, SANDBOX_EP.clientSecret);
  session.secretsUsed.set('SANDBOX_EP.clientSecret', SANDBOX_EP.clientSecret);
  await wb.type(/Store ID/i, SANDBOX_EP.storeId);
  await wb.type(/name to show/i, SANDBOX_EP.storeName);
}

/** The Elastic Path store on the sandbox, added through the palette if it is not in the tree. */
export async function elasticPathStore(wb: Workbench): Promise<void> {
  await viewOpen(wb);
  // The other applications folded, so the store's row is on screen whether or not it is there already.
  for (const other of [SANDBOX_APPS.demoFleet.name, SANDBOX_APPS.warehouseSensors.name]) {
    const app = wb.treeRow(other);
    if ((await app.isVisible()) && (await app.getAttribute('aria-expanded')) === 'true') await wb.collapse(app);
  }
  const row = wb.treeRow(SANDBOX_EP.storeName, /Elastic Path/);
  if (await row.isVisible()) return;
  await addElasticPathStore(wb);
  await row.waitFor();
}

/** Only `name` expanded among the applications shown, so its groups are the only ones on screen. */
export async function expandedAlone(wb: Workbench, name: string): Promise<void> {
  for (const other of [SANDBOX_APPS.demoFleet.name, SANDBOX_APPS.warehouseSensors.name, SANDBOX_EP.storeName]) {
    if (other === name) continue;
    const row = wb.treeRow(other);
    if (await row.isVisible()) await wb.collapse(row);
  }
  await wb.expand(wb.treeRow(name));
  await wb.treeRow('Application Keys').waitFor();
}

/** The user settings, written as a person does: in the settings editor (Preferences: Open User Settings (JSON)), saved. */
async function writeUserSettings(wb: Workbench, settings: Record<string, unknown>): Promise<void> {
  await wb.runCommand('Preferences: Open User Settings (JSON)');
  const editor = await wb.waitForEditor(/^settings\.json/);
  await editor.locator('.view-lines').click();
  await session.page.keyboard.press('Control+A');
  await session.page.keyboard.press('Delete');
  // Inserted whole (as a paste would), so no completion pops up half-way.
  await session.page.keyboard.insertText(JSON.stringify(settings, null, 2));
  await session.page.keyboard.press('Escape');
  await wb.save();
  await wb.closeActiveEditor();
}

/**
 * Editor settings as a person who never changed them has them (the session's careful settings turn completions on
 * trigger characters and Enter-to-accept off), for the length of `body`; the careful ones come back after it.
 */
export async function withDefaultSuggestSettings(wb: Workbench, body: () => Promise<void>): Promise<void> {
  const keys = ['editor.suggestOnTriggerCharacters', 'editor.acceptSuggestionOnEnter'];
  const file = path.join(session.userDataDir, 'User', 'settings.json');
  const read = () => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const saved = read();
  const defaults = { ...saved };
  for (const key of keys) delete defaults[key];
  await writeUserSettings(wb, defaults);
  try {
    await body();
  } finally {
    await wb.runCommand('View: Close All Editors');
    await writeUserSettings(wb, { ...read(), ...Object.fromEntries(keys.map((k) => [k, saved[k]])) });
  }
}
