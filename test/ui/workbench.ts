// What a person does in the workbench, with mouse and keyboard only: the activity bar, the command palette and
// quick inputs, the tree's rows, inline actions and context menu, modal dialogs, the editor and the Problems panel.
// Every wait is for something to appear or change, never a fixed sleep (except tiny settle delays).
import type { Locator, Page } from 'playwright-core';
import { until } from './wait';

/** A tiny pause for an animation or a menu that ignores clicks right after it opens; never a wait for work. */
const settle = (page: Page, ms = 150) => page.waitForTimeout(ms);

export class Workbench {
  constructor(readonly page: Page) {}

  // ---- activity bar and views

  /** Clicks the activity bar entry with this title and waits for its side bar to show. */
  async openViewContainer(title: string): Promise<Locator> {
    const item = this.page.locator('.part.activitybar .action-item', { has: this.page.locator(`.action-label[aria-label^="${title}"]`) }).first();
    const sidebar = this.page.locator('.part.sidebar');
    // A second click on the active entry would hide the side bar.
    const active = /\bchecked\b/.test((await item.getAttribute('class')) ?? '') && (await sidebar.isVisible());
    if (!active) await item.click();
    await until(`the ${title} side bar`, async () => (await sidebar.locator('.composite.title').innerText()).toLowerCase().includes(title.toLowerCase()));
    return sidebar;
  }

  /** Drags the side bar's edge so that the side bar is `width` pixels wide. */
  async resizeSideBar(width: number): Promise<void> {
    const box = await this.page.locator('.part.sidebar').boundingBox();
    if (!box) throw new Error('no side bar');
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width + 1, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width, y, { steps: 5 });
    await this.page.mouse.up();
    await until('the side bar to widen', async () => Math.abs(((await this.page.locator('.part.sidebar').boundingBox())?.width ?? 0) - width) < 30);
  }

  // ---- command palette and quick input

  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** F1, type the command's title, wait for it in the list, Enter. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.quickInput.waitFor();
    await this.page.keyboard.type(title);
    await until(`"${title}" focused in the command palette`, async () =>
      (await this.quickInput.locator('.monaco-list-row.focused').first().innerText()).includes(title),
    );
    await this.page.keyboard.press('Enter');
  }

  /** Waits for a quick pick whose placeholder or title holds `prompt`, then clicks the row with this label. */
  async pick(prompt: string | RegExp, label: string): Promise<void> {
    await this.waitForPrompt(prompt);
    const row = this.quickInput.locator('.monaco-list-row', { has: this.page.locator('.label-name', { hasText: label }) }).first();
    await row.click();
  }

  /** Waits for an input box whose prompt holds `prompt`, types `text` and presses Enter. */
  async type(prompt: string | RegExp, text: string): Promise<void> {
    await this.waitForPrompt(prompt);
    const input = this.quickInput.locator('.quick-input-box input');
    await until('the input box to have focus', () => input.evaluate((el: DomElement) => el === el.ownerDocument.activeElement));
    await this.page.keyboard.type(text);
    await until('the typed text in the input box', async () => (await input.inputValue()) === text);
    await this.page.keyboard.press('Enter');
  }

  /** Waits for a multi-select quick pick whose placeholder or title holds `prompt`, ticks the rows with these labels and presses Enter. */
  async pickMany(prompt: string | RegExp, labels: string[], before?: () => Promise<void>): Promise<void> {
    await this.waitForPrompt(prompt);
    for (const label of labels) {
      const row = this.quickInput.locator('.monaco-list-row', { has: this.page.locator('.label-name', { hasText: label }) }).first();
      await row.click();
      await until(`"${label}" ticked`, async () => (await row.getAttribute('aria-checked')) === 'true');
    }
    await before?.();
    await this.page.keyboard.press('Enter');
  }

  /** The quick input's title bar: its title and "n/m" step. */
  async quickInputTitle(): Promise<string> {
    return (await this.quickInput.locator('.quick-input-titlebar').innerText()).replace(/\s+/g, ' ').trim();
  }

  /** Clicks the quick input's Back button (a wizard's previous step). */
  async back(): Promise<void> {
    await this.quickInput.locator('.quick-input-titlebar .action-label[aria-label^="Back"]').click();
  }

  /** The quick input box's value (a password box's too, which shows only dots). */
  async quickInputValue(): Promise<string> {
    return this.quickInput.locator('.quick-input-box input').inputValue();
  }

  /** The current quick input's text: title, placeholder, prompt and rows. */
  async quickInputText(): Promise<string> {
    return this.quickInput.evaluate((el: DomElement) => {
      const input = el.querySelector('.quick-input-box input');
      return `${el.innerText}\n${input?.placeholder ?? ''}\n${input?.getAttribute('aria-label') ?? ''}`;
    });
  }

  async waitForPrompt(prompt: string | RegExp): Promise<void> {
    await this.quickInput.waitFor();
    await until(`a prompt ${prompt}`, async () => {
      if (!(await this.quickInput.isVisible())) return false;
      const text = await this.quickInputText();
      return typeof prompt === 'string' ? text.includes(prompt) : prompt.test(text);
    });
  }

  // ---- tree

  /** A tree row of the side bar by its label (exact) and, optionally, text of its description. */
  treeRow(label: string, description?: string | RegExp): Locator {
    let row = this.page.locator('.part.sidebar .monaco-list-row', {
      has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }),
    });
    if (description !== undefined) row = row.filter({ has: this.page.locator('.label-description', { hasText: description }) });
    return row.first();
  }

  /**
   * Waits until the side bar's tree is idle: no progress bar running and the same rows (labels and descriptions)
   * on two looks in a row. The tree re-uses row elements when it re-renders, so a click during one can land elsewhere.
   */
  async waitForTreeIdle(): Promise<void> {
    let last = '';
    await until('the tree to settle', async () => {
      const busy = await this.page.locator('.part.sidebar .monaco-progress-container.active').count();
      const rows = (
        await this.page.locator('.part.sidebar .monaco-list-row').evaluateAll((els: DomElement[]) => els.map((e) => e.getAttribute('aria-label')))
      ).join('|');
      const same = busy === 0 && rows === last;
      last = rows;
      if (!same) await settle(this.page, 120);
      return same;
    });
  }

  /** Clicks a tree row (VS Code runs its command: for a key, Fetch) once the tree is idle. */
  async clickRow(row: Locator): Promise<void> {
    await row.waitFor();
    await this.waitForTreeIdle();
    await row.click();
  }

  /** Expands a collapsed row by clicking its twistie. */
  async expand(row: Locator): Promise<void> {
    await row.waitFor();
    if ((await row.getAttribute('aria-expanded')) === 'false') {
      await row.locator('.monaco-tl-twistie').click();
      await until('the row to expand', async () => (await row.getAttribute('aria-expanded')) === 'true');
    }
  }

  /** Collapses an expanded row by clicking its twistie. */
  async collapse(row: Locator): Promise<void> {
    await row.waitFor();
    if ((await row.getAttribute('aria-expanded')) === 'true') {
      await row.locator('.monaco-tl-twistie').click();
      await until('the row to collapse', async () => (await row.getAttribute('aria-expanded')) === 'false');
    }
  }

  /** Hovers the row and clicks its inline action with this title. */
  async inlineAction(row: Locator, title: string): Promise<void> {
    await row.waitFor();
    await this.waitForTreeIdle();
    await row.hover();
    const action = row.locator(`.actions .action-label[aria-label="${title}"]`);
    await action.waitFor();
    await action.click();
  }

  /** Right-clicks the row and picks the context menu entry with this title. */
  async contextMenu(row: Locator, title: string): Promise<void> {
    await row.waitFor();
    await this.waitForTreeIdle();
    await row.click({ button: 'right' });
    const item = this.page.locator('.monaco-menu .action-item .action-label', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }).first();
    await item.waitFor();
    await settle(this.page, 100); // the menu ignores clicks for a moment after it opens
    await item.click();
  }

  // ---- dialogs and notifications

  get dialog(): Locator {
    return this.page.locator('.monaco-dialog-box');
  }

  /** Waits for a modal dialog whose message holds `message`; returns its message and detail text. */
  async waitForDialog(message: string | RegExp): Promise<{ message: string; detail: string }> {
    await until(`a dialog saying ${message}`, async () => {
      const text = await this.dialog.locator('.dialog-message-text').innerText();
      return typeof message === 'string' ? text.includes(message) : message.test(text);
    });
    return {
      message: (await this.dialog.locator('.dialog-message-text').innerText()).trim(),
      detail: (
        await this.dialog
          .locator('.dialog-message-detail')
          .innerText()
          .catch(() => '')
      ).trim(),
    };
  }

  async clickDialogButton(label: string): Promise<void> {
    await this.dialog.locator('.dialog-buttons .monaco-button', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }).click();
    await this.dialog.waitFor({ state: 'hidden' });
  }

  /** Closes a modal dialog with Escape, as a person would who read it. */
  async dismissDialog(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.dialog.waitFor({ state: 'hidden' });
  }

  /**
   * Closes a one-time secret's modal without handing the secret off, as a person who means it: Escape (its Close), then
   * Close Anyway on the question that the secrets will be lost (Enter on it when `keyboard`: its first button has focus).
   */
  async closeSecretsUnsaved(keyboard = false): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.waitForDialog(/will be lost/);
    if (keyboard) {
      await until('Close Anyway focused', () =>
        this.dialog
          .locator('.dialog-buttons .monaco-button', { hasText: /^Close Anyway$/ })
          .evaluate((el: DomElement) => el === el.ownerDocument.activeElement),
      );
      await this.page.keyboard.press('Enter');
      await this.dialog.waitFor({ state: 'hidden' });
    } else {
      await this.clickDialogButton('Close Anyway');
    }
  }

  get notificationsCenter(): Locator {
    return this.page.locator('.notifications-center');
  }

  /**
   * Opens the Notifications center (command palette) and waits for a notification whose message matches; returns its
   * text. The center, not a toast: the test host runs code-server with enable-smoke-test-driver, which shows no toasts.
   */
  async waitForNotification(message: string | RegExp): Promise<string> {
    if (!(await this.notificationsCenter.isVisible().catch(() => false))) await this.runCommand('Notifications: Show Notifications');
    return until(`a notification saying ${message}`, async () => {
      const texts = await this.notificationsCenter.locator('.notification-list-item-message').allInnerTexts();
      return texts.find((t) => (typeof message === 'string' ? t.includes(message) : message.test(t)));
    });
  }

  /** Clears every notification and hides the Notifications center, through the command palette. */
  async clearNotifications(): Promise<void> {
    await this.runCommand('Notifications: Clear All Notifications');
    await until('no notifications', async () => (await this.notificationsCenter.locator('.notification-list-item').count()) === 0);
    if (await this.notificationsCenter.isVisible().catch(() => false)) {
      await this.runCommand('Notifications: Hide Notifications');
      await this.notificationsCenter.waitFor({ state: 'hidden' });
    }
  }

  // ---- editor

  /** The editor group's active editor (its tab title holds `title`). */
  async waitForEditor(title: string | RegExp): Promise<Locator> {
    await until(`an editor titled ${title}`, async () => {
      const text = (await this.activeTab.getAttribute('aria-label', { timeout: 1000 })) ?? '';
      return typeof title === 'string' ? text === title : title.test(text);
    });
    const editor = this.page.locator('.part.editor .editor-instance .monaco-editor').first();
    await editor.locator('.view-lines').waitFor();
    return editor;
  }

  get activeTab(): Locator {
    return this.page.locator('.part.editor .tab.active').first();
  }

  /** The active tab says "Read-only" (its label and the lock icon). */
  async activeTabIsReadOnly(): Promise<boolean> {
    const label = (await this.activeTab.locator('.monaco-icon-label').first().getAttribute('aria-label')) ?? '';
    return /Read-only/i.test(label);
  }

  /** Ctrl+S in the active editor; waits until its tab is no longer dirty. */
  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await until('the editor to be saved', async () => !/\bdirty\b/.test((await this.activeTab.getAttribute('class')) ?? ''));
  }

  /** Ctrl+W, as a person closing the tab; waits for the tab to go. */
  async closeActiveEditor(): Promise<void> {
    const before = await this.page.locator('.part.editor .tab').count();
    await this.page.keyboard.press('Control+W');
    await until('the editor to close', async () => (await this.page.locator('.part.editor .tab').count()) < before);
  }

  /** The text of the visible editor (short documents fit on screen), with real spaces. */
  async editorText(editor: Locator): Promise<string> {
    const lines = await editor.locator('.view-lines .view-line').evaluateAll((els: DomElement[]) =>
      els
        .map((el) => ({ top: parseFloat(el.style.top || '0'), text: (el.textContent ?? '').replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((l) => l.text),
    );
    return lines.join('\n');
  }

  /** Clicks into the editor, selects all and types `text` (the window's settings turn auto-closing off). */
  async replaceEditorText(editor: Locator, text: string): Promise<void> {
    await editor.locator('.view-lines').click();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.type(text);
  }

  // ---- Problems panel

  /** Toggles the Problems panel open (Ctrl+Shift+M) and returns its rows. */
  async openProblems(): Promise<Locator> {
    const panel = this.page.locator('.part.panel');
    if (
      !(await panel
        .locator('.markers-panel')
        .isVisible()
        .catch(() => false))
    ) {
      await this.page.keyboard.press('Control+Shift+M');
    }
    await panel.locator('.markers-panel').waitFor();
    return panel.locator('.markers-panel .monaco-list-row');
  }

  /** Hides the panel (Ctrl+J; Ctrl+Shift+M would only focus the Problems panel while it is open). */
  async closeProblems(): Promise<void> {
    const panel = this.page.locator('.part.panel');
    if (await panel.isVisible()) {
      await this.page.keyboard.press('Control+J');
      await panel.waitFor({ state: 'hidden' });
    }
  }
}

/** The little of the DOM these page-side callbacks use (the project compiles without the DOM library). */
interface DomElement {
  innerText: string;
  textContent: string | null;
  placeholder?: string;
  style: { top: string };
  ownerDocument: { activeElement: unknown };
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
