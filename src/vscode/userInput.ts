// Every question and message goes through this interface, as in vscode-azuretools' IAzureUserInput:
// the extension uses VS Code's window; tests can put a scripted user in its place.
import * as vscode from 'vscode';
import { CancelledError } from '../core/errors';
import { SEARCH_DEBOUNCE_MS } from '../core/findItems';
import { withCancellableProgress } from './progress';
import { notificationText } from '../core/text';
import { stepInputBox, stepQuickPick } from './stepInput';
import type { Step } from './wizard';

/** A question that is one step of a wizard (wizard.ts): its title, step n of m and a Back button (BackError). */
export interface StepOption {
  step?: Step;
}
export type PickOptions = vscode.QuickPickOptions & StepOption;
export type InputOptions = vscode.InputBoxOptions & StepOption;
/** A modal's options; `closeLabel` names its closing button (Escape chooses it too; it resolves to undefined) instead of Cancel. */
export type MessageOptions = vscode.MessageOptions & { closeLabel?: string };
/** Items for what is typed; the signal aborts when the text changes again or the pick closes. */
export type SearchItems<T> = (text: string, signal: AbortSignal) => Promise<readonly T[]>;
export interface SearchPickOptions {
  placeHolder?: string;
  title?: string;
  many?: boolean;
  /** Items kept picked whatever is typed (many only). */
  picked?: readonly vscode.QuickPickItem[];
}

export interface UserInput {
  /** In a wizard step, the `picked` item starts focused (the earlier answer). */
  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions): Promise<T>;
  /** Several items at once (canPickMany); `picked` items start selected. */
  showQuickPickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions): Promise<T[]>;
  showInputBox(options: InputOptions): Promise<string>;
  /**
   * A pick whose items come from `search` as the user types (each new text cancels the search before);
   * several picked items where `many`. Throws CancelledError when dismissed.
   */
  searchPick<T extends vscode.QuickPickItem>(search: SearchItems<T>, options: SearchPickOptions): Promise<T[]>;
  /** A modal question: resolves to the chosen item, or throws CancelledError when dismissed. */
  confirm(message: string, detail: string, ...items: string[]): Promise<string>;
  showMessage(level: 'info' | 'warning' | 'error', message: string, options?: MessageOptions, ...items: string[]): Promise<string | undefined>;
  /** Where to save a file; throws CancelledError when dismissed. */
  showSaveDialog(options: vscode.SaveDialogOptions): Promise<vscode.Uri>;
  /** Opens a web page in the browser (an external program: tests record it instead). */
  openExternal(uri: vscode.Uri): Promise<boolean>;
  /** Work that waits on the network: cancellable progress, whose Cancel aborts the signal; `report` says how far it is. */
  withProgress<T>(title: string, task: (signal: AbortSignal, report: (message: string) => void) => Promise<T>): Promise<T>;
}

export class WindowUserInput implements UserInput {
  async openExternal(uri: vscode.Uri): Promise<boolean> {
    return vscode.env.openExternal(uri);
  }

  async showSaveDialog(options: vscode.SaveDialogOptions): Promise<vscode.Uri> {
    const uri = await vscode.window.showSaveDialog(options);
    if (!uri) throw new CancelledError();
    return uri;
  }

  withProgress<T>(title: string, task: (signal: AbortSignal, report: (message: string) => void) => Promise<T>): Promise<T> {
    return withCancellableProgress(title, task);
  }

  async showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], { step, ...options }: PickOptions): Promise<T> {
    if (step) return (await stepQuickPick(items, options, step, false))[0];
    const picked = await vscode.window.showQuickPick(items, { ...options, ignoreFocusOut: true });
    if (!picked) throw new CancelledError();
    return picked;
  }

  searchPick<T extends vscode.QuickPickItem>(search: SearchItems<T>, options: SearchPickOptions): Promise<T[]> {
    const pick = vscode.window.createQuickPick<T & { alwaysShow: true }>();
    Object.assign(pick, { placeholder: options.placeHolder, title: options.title, canSelectMany: options.many === true, ignoreFocusOut: true });
    // What the server found is shown as found (alwaysShow): it matched a key value or a glob VS Code does not know.
    (pick as { sortByLabel?: boolean }).sortByLabel = false;
    const keyOf = (item: vscode.QuickPickItem) => `${item.label}\0${item.description ?? ''}\0${item.detail ?? ''}`;
    // Several picked across searches: kept by what they show, since each search makes new items.
    const chosen = new Map<string, T>();
    const offered = new Set<string>();
    const original = new Map<vscode.QuickPickItem, T>();
    let controller: AbortController | undefined;
    let timer: NodeJS.Timeout | undefined;
    const run = (text: string): void => {
      controller?.abort();
      const current = (controller = new AbortController());
      pick.busy = true;
      search(text, current.signal).then(
        (items) => {
          if (current.signal.aborted) return;
          const shown = items.map((item) => {
            const copy = { ...item, alwaysShow: true as const };
            original.set(copy, item);
            if (item.picked && !offered.has(keyOf(item))) chosen.set(keyOf(item), item);
            offered.add(keyOf(item));
            return copy;
          });
          pick.items = shown;
          if (options.many) pick.selectedItems = shown.filter((item) => chosen.has(keyOf(item)));
          pick.busy = false;
        },
        () => {
          if (!current.signal.aborted) pick.busy = false;
        },
      );
    };
    return new Promise<T[]>((resolve, reject) => {
      let done = false;
      pick.onDidChangeValue((text) => {
        clearTimeout(timer);
        timer = setTimeout(() => run(text), SEARCH_DEBOUNCE_MS);
      });
      pick.onDidChangeSelection((selected) => {
        if (!options.many) return;
        for (const item of pick.items) {
          if (selected.includes(item)) chosen.set(keyOf(item), original.get(item)!);
          else chosen.delete(keyOf(item));
        }
      });
      pick.onDidAccept(() => {
        done = true;
        resolve(options.many ? [...chosen.values()] : pick.activeItems.slice(0, 1).map((item) => original.get(item)!));
        pick.hide();
      });
      pick.onDidHide(() => {
        clearTimeout(timer);
        controller?.abort();
        pick.dispose();
        if (!done) reject(new CancelledError());
      });
      pick.show();
      run('');
    });
  }

  async showQuickPickMany<T extends vscode.QuickPickItem>(items: readonly T[], { step, ...options }: PickOptions): Promise<T[]> {
    if (step) return stepQuickPick(items, options, step, true);
    const picked = await vscode.window.showQuickPick(items, { ...options, canPickMany: true, ignoreFocusOut: true });
    if (!picked) throw new CancelledError();
    return picked;
  }

  async showInputBox({ step, ...options }: InputOptions): Promise<string> {
    if (step) return stepInputBox(options, step);
    const value = await vscode.window.showInputBox({ ...options, ignoreFocusOut: true });
    if (value === undefined) throw new CancelledError();
    return value;
  }

  async confirm(message: string, detail: string, ...items: string[]): Promise<string> {
    const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, ...items);
    if (!choice) throw new CancelledError();
    return choice;
  }

  async showMessage(
    level: 'info' | 'warning' | 'error',
    message: string,
    { closeLabel, ...options }: MessageOptions = {},
    ...items: string[]
  ): Promise<string | undefined> {
    const show =
      level === 'error' ? vscode.window.showErrorMessage : level === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    if (options.modal && closeLabel) {
      const buttons: vscode.MessageItem[] = [...items.map((title) => ({ title })), { title: closeLabel, isCloseAffordance: true }];
      const chosen = await show<vscode.MessageItem>(message, options, ...buttons);
      return chosen === undefined || chosen.isCloseAffordance ? undefined : chosen.title;
    }
    // Notifications render [text](link) as links, command: links included: server text must not.
    // (A modal dialog shows its message as plain text, line breaks included.)
    return show(options.modal ? message : notificationText(message), options, ...items);
  }
}
