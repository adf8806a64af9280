// The tree's context menus as a person sees them: an application's offers the credential its platform has (Set API
// Token… on a Losant application, Set Client Secret… on an Elastic Path store) and Open in Web Console; a
// multi-selection's offers only what acts on every selected item. The palette's application picker names platforms
// as people know them. (Every when clause: test/package/commands.test.ts.)
import * as assert from 'assert';
import { SANDBOX_APPS, SANDBOX_EP } from '../sandbox';
import * as given from './given';
import { session } from './session';
import { until } from './wait';
import { Workbench } from './workbench';
import type { Locator } from 'playwright-core';

const fleet = SANDBOX_APPS.demoFleet;

describe('UI: context menus offer what applies', () => {
  let wb: Workbench;
  before(() => {
    wb = new Workbench(session.page);
  });

  /** Right-click on the row: the titles of the menu's entries, then Escape. */
  async function menuOf(row: Locator): Promise<string[]> {
    await row.waitFor();
    await wb.waitForTreeIdle();
    await row.click({ button: 'right' });
    const menu = session.page.locator('.monaco-menu');
    await menu.locator('.action-item .action-label').first().waitFor();
    const titles = (await menu.locator('.action-item .action-label').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    await session.page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    return titles;
  }

  it("an application's menu: its own credential's Set and Clear, and Open in Web Console", async () => {
    await given.losantApplication(wb);
    await given.elasticPathStore(wb);
    const losant = await menuOf(wb.treeRow(fleet.name, /^Losant/));
    const store = await menuOf(wb.treeRow(SANDBOX_EP.storeName, /Elastic Path/));
    for (const [menu, own, other] of [
      [losant, ['Set API Token…', 'Clear API Token'], /Client Secret/],
      [store, ['Set Client Secret…', 'Clear Client Secret'], /API Token/],
    ] as const) {
      for (const title of [...own, 'Open in Web Console']) assert.ok(menu.includes(title), `${title} in ${menu.join(', ')}`);
      assert.ok(!menu.some((t) => other.test(t) || / or /.test(t)), menu.join(', '));
    }
  });

  it("a multi-selection's menu: only the commands that act on every selected item", async () => {
    await given.losantApplication(wb);
    await given.expandedAlone(wb, fleet.name);
    const names = [...session.sandbox.state.losant.keys.values()].filter((k) => k.applicationId === fleet.id).map((k) => k.name ?? '');
    const rows = names.map((n) => wb.treeRow(n));
    const [first, second] = await until('two key rows on screen', async () => {
      const visible: Locator[] = [];
      for (const row of rows) if (await row.isVisible()) visible.push(row);
      return visible.length >= 2 ? visible : undefined;
    });
    const one = await menuOf(first);
    assert.ok(one.includes('Rotate…') || one.includes('Edit'), `one key: ${one.join(', ')}`);
    await wb.clickRow(first);
    await second.click({ modifiers: ['Control'] });
    await until('two selected rows', async () => (await session.page.locator('.part.sidebar .monaco-list-row.selected').count()) === 2);
    const several = await menuOf(second);
    assert.ok(several.includes('Delete…') && several.includes('Copy ID'), several.join(', '));
    for (const single of ['Fetch', 'Edit', 'Rotate…', 'Copy Key', 'Copy Value']) assert.ok(!several.includes(single), `${single} in ${several.join(', ')}`);
    await session.page.keyboard.press('Escape');
    await wb.runCommand('View: Close All Editors'); // the clicks fetched keys into editors
    await wb.collapse(wb.treeRow(fleet.name, /^Losant/));
  });

  it("the palette's application picker says Losant and Elastic Path", async () => {
    await given.losantApplication(wb);
    await given.elasticPathStore(wb);
    await wb.runCommand('App Keys: Open in Web Console');
    await wb.waitForPrompt('Choose an application');
    const text = await wb.quickInputText();
    assert.match(text, /Losant · 127\.0\.0\.1/);
    assert.match(text, /Elastic Path · 127\.0\.0\.1/);
    assert.doesNotMatch(text, /\b(losant|elasticpath) · /);
    await session.page.keyboard.press('Escape');
    await wb.quickInput.waitFor({ state: 'hidden' });
  });
});
