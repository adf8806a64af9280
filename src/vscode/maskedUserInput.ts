// The masking boundary of the VS Code layer: every question, message and log line passes
// maskSecrets() on its way out, whoever wrote it. Only the one-time secret of a new item is shown
// through the unmasked input (AppKeys.revealOnce).
import * as vscode from 'vscode';
import { maskSecrets } from '../core/masking';
import type { InputOptions, MessageOptions, PickOptions, SearchItems, SearchPickOptions, UserInput } from './userInput';
import type { Step } from './wizard';

const mask = (text: string | undefined): string | undefined => (text === undefined ? undefined : maskSecrets(text));

const maskStep = (step: Step | undefined): Step | undefined => (step ? { ...step, title: maskSecrets(step.title) } : undefined);

function maskItem<T extends vscode.QuickPickItem>(item: T): T {
  return { ...item, label: maskSecrets(item.label), description: mask(item.description), detail: mask(item.detail) };
}

export class MaskedUserInput implements UserInput {
  constructor(private readonly inner: () => UserInput) {}

  async showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions): Promise<T> {
    const shown = items.map(maskItem);
    const picked = await this.inner().showQuickPick(shown, {
      ...options,
      placeHolder: mask(options.placeHolder),
      title: mask(options.title),
      step: maskStep(options.step),
    });
    return items[shown.indexOf(picked)] ?? picked;
  }

  async showQuickPickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions): Promise<T[]> {
    const shown = items.map(maskItem);
    const picked = await this.inner().showQuickPickMany(shown, {
      ...options,
      placeHolder: mask(options.placeHolder),
      title: mask(options.title),
      step: maskStep(options.step),
    });
    return picked.map((p) => items[shown.indexOf(p)] ?? p);
  }

  async searchPick<T extends vscode.QuickPickItem>(search: SearchItems<T>, options: SearchPickOptions): Promise<T[]> {
    const shownFor = new Map<vscode.QuickPickItem, T>();
    const picked = await this.inner().searchPick(
      async (text, signal) =>
        (await search(text, signal)).map((item) => {
          const shown = maskItem(item);
          shownFor.set(shown, item);
          return shown;
        }),
      { ...options, placeHolder: mask(options.placeHolder), title: mask(options.title) },
    );
    return picked.map((p) => shownFor.get(p) ?? p);
  }

  showInputBox(options: InputOptions): Promise<string> {
    return this.inner().showInputBox({
      ...options,
      prompt: mask(options.prompt),
      placeHolder: mask(options.placeHolder),
      title: mask(options.title),
      // A password box offers the secret typed before Back again; it shows only dots.
      value: options.password ? options.value : mask(options.value),
      step: maskStep(options.step),
    });
  }

  confirm(message: string, detail: string, ...items: string[]): Promise<string> {
    return this.inner().confirm(maskSecrets(message), maskSecrets(detail), ...items);
  }

  showSaveDialog(options: vscode.SaveDialogOptions): Promise<vscode.Uri> {
    return this.inner().showSaveDialog({ ...options, title: mask(options.title) });
  }

  /** A configured address, not server text: passed as it is. */
  openExternal(uri: vscode.Uri): Promise<boolean> {
    return this.inner().openExternal(uri);
  }

  withProgress<T>(title: string, task: (signal: AbortSignal, report: (message: string) => void) => Promise<T>): Promise<T> {
    return this.inner().withProgress(maskSecrets(title), (signal, report) => task(signal, (message) => report(maskSecrets(message))));
  }

  showMessage(level: 'info' | 'warning' | 'error', message: string, options: MessageOptions = {}, ...items: string[]): Promise<string | undefined> {
    return this.inner().showMessage(level, maskSecrets(message), { ...options, detail: mask(options.detail) }, ...items);
  }
}

/** The log lines App Keys writes. */
export interface AppKeysLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  show(): void;
}

export function maskedLog(channel: vscode.LogOutputChannel): AppKeysLog {
  return {
    info: (message) => channel.info(maskSecrets(message)),
    warn: (message) => channel.warn(maskSecrets(message)),
    error: (message) => channel.error(maskSecrets(message)),
    show: () => channel.show(),
  };
}

/** A status bar message, masked like every other. */
export function statusMessage(text: string, ms: number): void {
  vscode.window.setStatusBarMessage(maskSecrets(text), ms);
}
