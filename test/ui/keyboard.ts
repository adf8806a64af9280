// What a person who uses no mouse does: quick picks filtered by typing, tree rows reached with the arrow keys
// (each row's screen-reader label tells where the focus is), context menus with Shift+F10, dialogs with Enter.
import type { Page } from 'playwright-core';
import { until } from './wait';
import type { Workbench } from './workbench';

export class Keyboard {
  constructor(
    readonly wb: Workbench,
    readonly page: Page = wb.page,
  ) {}

  /** Types `label` into the quick pick whose prompt holds `prompt`, waits for that row to be focused, Enter. */
  async pick(prompt: string | RegExp, label: string): Promise<void> {
    await this.wb.waitForPrompt(prompt);
    await this.page.keyboard.type(label);
    await until(`"${label}" focused in the quick pick`, async () => {
      const focused = this.wb.quickInput.locator('.monaco-list-row.focused .label-name').first();
      return (await focused.count()) > 0 && (await focused.innerText()).trim() === label;
    });
    await this.page.keyboard.press('Enter');
  }

  /** Puts the keyboard focus into the App Keys tree (palette: Focus on Applications View). */
  async focusTree(): Promise<void> {
    // Its command exists once the workbench has read the extension's views: their activity bar entry shows it.
    await this.page.locator('.part.activitybar .action-label[aria-label^="App Keys"]').first().waitFor();
    // Keys reach the tree's list only once the page is the browser's active one.
    await this.page.bringToFront();
    // The tree, or its welcome text while there are no applications. A view that is redrawn just then (its first
    // rows arriving after the welcome text) drops the focus: a person would focus it again.
    const hasFocus = async () => (await this.page.locator('.part.sidebar :focus').count()) > 0;
    for (let tries = 0; ; tries++) {
      await this.wb.runCommand('App Keys: Focus on Applications View');
      await until('the view to have the focus', hasFocus);
      await this.wb.waitForTreeIdle();
      await this.page.waitForTimeout(300);
      if ((await hasFocus()) || tries === 2) return;
    }
  }

  /** The screen-reader label of the focused tree row. */
  async focusedRow(): Promise<string> {
    const row = this.page.locator('.part.sidebar .monaco-list-row.focused').first();
    return (await row.count()) > 0 ? ((await row.getAttribute('aria-label')) ?? '') : '';
  }

  /** Moves the focus with the arrow keys (Home first) until the focused row's label matches; returns that label. */
  async toRow(label: RegExp): Promise<string> {
    // A tree that is still loading rows drops navigation keys.
    await this.wb.waitForTreeIdle();
    await this.page.keyboard.press('Home');
    const focused = this.page.locator('.part.sidebar .monaco-list-row.focused').first();
    for (let i = 0; i < 80; i++) {
      const now = await until('a focused row', async () => (await this.focusedRow()) || undefined);
      if (label.test(now)) return now;
      // Rows may share a label (two keys of one name): the row's place tells that the focus moved.
      const index = await focused.getAttribute('data-index');
      await this.page.keyboard.press('ArrowDown');
      await until('the focus to move', async () => (await focused.getAttribute('data-index')) !== index);
    }
    throw new Error(`no tree row labelled ${label}`);
  }

  /** Opens the focused row's context menu (Shift+F10) and runs the entry with this title (arrow keys, Enter). */
  async contextMenu(title: string): Promise<void> {
    await this.page.keyboard.press('Shift+F10');
    const menu = this.page.locator('.monaco-menu').first();
    await menu.waitFor();
    for (let i = 0; i < 30; i++) {
      const focused = menu.locator('.action-item.focused .action-label').first();
      if ((await focused.count()) > 0 && (await focused.innerText()).trim() === title) {
        await this.page.keyboard.press('Enter');
        await menu.waitFor({ state: 'detached' });
        return;
      }
      await this.page.keyboard.press('ArrowDown');
      await this.page.waitForTimeout(30);
    }
    throw new Error(`no context menu entry "${title}"`);
  }

  /** Ctrl+A and types `text` into the focused editor (the window's settings turn auto-closing off). */
  async replaceText(text: string): Promise<void> {
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.type(text);
  }
}
