// The command palette as a person sees it: App Keys' commands appear only where they can act. Without applications
// only Add Application and Show Log; with an Elastic Path store the key commands but not the API token ones; with a
// Losant application the token, status and device commands too; the commands that need a tree item never.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { SANDBOX_APPS, SANDBOX_EP } from '../sandbox';
import * as given from './given';
import { session } from './session';
import { until } from './wait';
import { Workbench } from './workbench';

interface Row {
  getAttribute(name: string): string | null;
}

describe('UI: the command palette offers App Keys commands only where they can act', () => {
  let wb: Workbench;
  before(() => {
    wb = new Workbench(session.page);
  });

  /** F1, the title typed: whether a row of exactly that title is listed. */
  async function offered(title: string): Promise<boolean> {
    await session.page.keyboard.press('F1');
    await wb.quickInput.waitFor();
    await session.page.keyboard.type(title);
    const input = wb.quickInput.locator('.quick-input-box input');
    await until('the title typed', async () => (await input.inputValue()) === `>${title}`);
    // The list as filtered for the whole title: its first row is the best match, or there is none.
    const labels = await until('the filtered list', async () => {
      const rows = await wb.quickInput.locator('.monaco-list-row').evaluateAll((els: Row[]) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      const none = await wb.quickInput.locator('.quick-input-message', { hasText: /no matching/i }).isVisible();
      return rows.length > 0 || none ? rows : undefined;
    });
    await session.page.keyboard.press('Escape');
    await wb.quickInput.waitFor({ state: 'hidden' });
    return labels.some((label) => label.startsWith(`${title}, `) || label === title);
  }

  /** The applications as a person would configure them in settings.json (no secrets: the palette goes by configuration). */
  async function configured(apps: { platform: string; applicationId: string; label: string; clientId?: string }[]): Promise<void> {
    const file = path.join(session.userDataDir, 'User', 'settings.json');
    const settings = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(file, JSON.stringify({ ...settings, 'appKeys.applications': apps.map((a) => ({ ...a, apiUrl: session.sandbox.url })) }, null, 2));
    await given.viewOpen(wb);
    for (const app of apps) await wb.treeRow(app.label).waitFor();
  }

  async function offeredOf(titles: string[]): Promise<string[]> {
    const shown: string[] = [];
    for (const title of titles) if (await offered(title)) shown.push(title);
    return shown;
  }

  const KEY_COMMANDS = ['App Keys: Create Key…', 'App Keys: Fetch Key', 'App Keys: Stale Keys Report…'];
  const LOSANT_COMMANDS = ['App Keys: Create API Token…', 'App Keys: Deactivate', 'App Keys: Create Keys for Devices…'];
  const NEVER = ['App Keys: Load More', 'App Keys: Reveal in Tree', 'App Keys: Fetch', 'App Keys: New…'];

  after(async () => {
    // The other tests add their applications through the palette, with their secrets.
    await given.noApplications(wb);
  });

  it('offers only Add Application and Show Log without applications', async () => {
    await given.noApplications(wb);
    assert.deepStrictEqual(await offeredOf(['App Keys: Add Application…', 'App Keys: Show Log', ...KEY_COMMANDS, ...LOSANT_COMMANDS, ...NEVER]), [
      'App Keys: Add Application…',
      'App Keys: Show Log',
    ]);
  });

  it('offers the key commands with an Elastic Path store, and the API token commands only with a Losant application', async () => {
    const store = { platform: 'elasticpath', applicationId: SANDBOX_EP.storeId, label: SANDBOX_EP.storeName, clientId: SANDBOX_EP.clientId };
    await configured([store]);
    assert.deepStrictEqual(await offeredOf([...KEY_COMMANDS, ...LOSANT_COMMANDS, ...NEVER]), KEY_COMMANDS);
    await configured([store, { platform: 'losant', applicationId: SANDBOX_APPS.demoFleet.id, label: SANDBOX_APPS.demoFleet.name }]);
    assert.deepStrictEqual(await offeredOf([...KEY_COMMANDS, ...LOSANT_COMMANDS, ...NEVER]), [...KEY_COMMANDS, ...LOSANT_COMMANDS]);
  });
});
