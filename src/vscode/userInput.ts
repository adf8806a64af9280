// Every question and message goes through this interface, as in vscode-azuretools' IAzureUserInput:
// the extension uses VS Code's window; tests can put a scripted user in its place.
import * as vscode from 'vscode';
import { CancelledError } from '../core/errors';
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

export interface UserInput {
  /** In a wizard step, the `picked` item starts focused (the earlier answer). */
  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions): Promise<T>;
  /** Several items at once (canPickMany); `picked` items start selected. */
  showQuickPickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions): Promise<T[]>;
  showInputBox(options: InputOptions): Promise<string>;
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
