// The command palette as a person sees it, with applications configured (the earlier tests added them): App Keys'
// key, token, status and device commands are offered, the commands that need a tree item never. (How the token
// commands disappear without a Losant application: test/integration/paletteContext.test.ts follows the context keys,
// test/package/commands.test.ts each command's when clause.)
import * as assert from 'assert';
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

  async function offeredOf(titles: string[]): Promise<string[]> {
    const shown: string[] = [];
    for (const title of titles) if (await offered(title)) shown.push(title);
    return shown;
  }

  const KEY_COMMANDS = ['App Keys: Create Key…', 'App Keys: Fetch Key', 'App Keys: Stale Keys Report…'];
  const LOSANT_COMMANDS = ['App Keys: Create API Token…', 'App Keys: Deactivate', 'App Keys: Create Keys for Devices…'];
  const NEVER = ['App Keys: Load More', 'App Keys: Reveal in Tree', 'App Keys: Fetch', 'App Keys: New…'];

  it('offers the key, token, status and device commands once applications are configured, never the tree-only ones', async () => {
    await given.elasticPathStore(wb);
    await given.losantApplication(wb);
    assert.deepStrictEqual(await offeredOf(['App Keys: Add Application…', 'App Keys: Show Log', ...KEY_COMMANDS, ...LOSANT_COMMANDS, ...NEVER]), [
      'App Keys: Add Application…',
      'App Keys: Show Log',
      ...KEY_COMMANDS,
      ...LOSANT_COMMANDS,
    ]);
  });
});
