// A person at the keyboard, scripted: answers the extension's questions from a queue, in order,
// and records every message it is shown. A question with no answer queued fails the test.
import * as vscode from 'vscode';
import type { InputOptions, MessageOptions, PickOptions, SearchItems, SearchPickOptions, UserInput } from '../../src/vscode/userInput';
import type { Step } from '../../src/vscode/wizard';

export interface ShownMessage {
  level: 'info' | 'warning' | 'error' | 'confirm';
  message: string;
  detail?: string;
  items: string[];
  /** A modal's closing button, when it is not Cancel. */
  close?: string;
}

/** Answer that dismisses a question (Escape). */
export const DISMISS = Symbol('dismiss');
/** Answers that close a one-time secret's modal before handing it off: Close, then Close Anyway when asked. */
export const CLOSE_SECRETS = [DISMISS, 'Close Anyway'] as const;
/** Answer that presses a wizard step's Back button (a question without one fails the test). */
export const BACK = Symbol('back');
/** Answer that presses Enter on what the question shows: the value typed before, or the items picked before. */
export const ACCEPT = Symbol('accept');
/** An answer given after the person did something else first (closed the document, say). */
export interface After {
  first: () => PromiseLike<unknown>;
  answer: string | typeof DISMISS;
}
type Answer = string | typeof DISMISS | typeof BACK | typeof ACCEPT | After;

/** Answers `answer` once `first` is done. */
export const after = (first: () => PromiseLike<unknown>, answer: string | typeof DISMISS): After => ({ first, answer });

/** A question asked as a step of a wizard, with what it showed. */
export interface AskedStep extends Step {
  question: string;
  /** An input box's value when shown (what was typed before Back). */
  value?: string;
  /** A pick's items shown as picked (the earlier answer). */
  picked: string[];
}

function back(): Error {
  const error = new Error('Back');
  error.name = 'BackError';
  return error;
}

function cancelled(): Error {
  const error = new Error('Cancelled');
  error.name = 'CancelledError';
  return error;
}

export class ScriptedUserInput implements UserInput {
  readonly shown: ShownMessage[] = [];
  readonly asked: string[] = [];
  /** The questions asked as wizard steps, in order. */
  readonly steps: AskedStep[] = [];
  /** Titles of the progress notifications shown, in order. */
  readonly progress: string[] = [];
  /** What progress reported on the way (`12 of 200`), in order. */
  readonly progressReports: string[] = [];
  private readonly answers: Answer[] = [];
  /** Progress whose title matches is cancelled after `afterMs`, as a person pressing Cancel. */
  private cancelling?: { title: RegExp; afterMs: number };

  cancelProgress(title: RegExp, afterMs = 100): this {
    this.cancelling = { title, afterMs };
    return this;
  }

  answer(...answers: Answer[]): this {
    this.answers.push(...answers);
    return this;
  }

  /** Forgets what was shown and asked (queued answers must have been used up). */
  reset(): void {
    this.shown.length = 0;
    this.asked.length = 0;
    this.steps.length = 0;
    this.progress.length = 0;
    this.progressReports.length = 0;
    this.opened.length = 0;
    this.cancelling = undefined;
  }

  /** Pages the extension opened in the browser (none is, really). */
  readonly opened: vscode.Uri[] = [];

  async openExternal(uri: vscode.Uri): Promise<boolean> {
    this.opened.push(uri);
    return true;
  }

  /** Answered with a file path. */
  async showSaveDialog(options: vscode.SaveDialogOptions): Promise<vscode.Uri> {
    const answer = this.next(`save: ${options.title ?? ''}`);
    if (typeof answer !== 'string') throw cancelled();
    return vscode.Uri.file(answer);
  }

  async withProgress<T>(title: string, task: (signal: AbortSignal, report: (message: string) => void) => Promise<T>): Promise<T> {
    this.progress.push(title);
    const abort = new AbortController();
    const cancelling = this.cancelling;
    const timer = cancelling?.title.test(title) ? setTimeout(() => abort.abort(), cancelling.afterMs) : undefined;
    try {
      return await task(abort.signal, (message) => this.progressReports.push(message));
    } finally {
      clearTimeout(timer);
    }
  }

  get pending(): number {
    return this.answers.length;
  }

  private next(question: string, step?: Step, shown?: { value?: string; picked?: string[] }): Exclude<Answer, typeof BACK | After> {
    const answer = this.nextOrAfter(question, step, shown);
    if (typeof answer === 'object') throw new Error(`after(…) is answered only to picks, not to ${question}`);
    return answer;
  }

  private nextOrAfter(question: string, step?: Step, shown?: { value?: string; picked?: string[] }): Exclude<Answer, typeof BACK> {
    this.asked.push(question);
    if (step) this.steps.push({ ...step, question, value: shown?.value, picked: shown?.picked ?? [] });
    if (this.answers.length === 0) throw new Error(`Unexpected question: ${question}`);
    const answer = this.answers.shift()!;
    if (answer === BACK) {
      if (!step || !(step.back ?? step.step > 1)) throw new Error(`Back pressed on "${question}", which has no Back button`);
      throw back();
    }
    return answer;
  }

  async showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions): Promise<T> {
    let answer = this.nextOrAfter(`pick: ${options.placeHolder ?? ''}`, options.step, { picked: items.filter((i) => i.picked).map((i) => i.label) });
    if (typeof answer === 'object') {
      await answer.first();
      answer = answer.answer;
    }
    if (answer === DISMISS) throw cancelled();
    if (answer === ACCEPT) {
      const kept = items.find((i) => i.picked);
      if (!kept) throw new Error(`Enter on "${options.placeHolder}" with nothing picked before`);
      return kept;
    }
    const found = items.find((i) => i.label === answer || i.description === answer || i.detail === answer);
    if (!found) throw new Error(`No item "${answer}" in pick "${options.placeHolder}": ${items.map((i) => i.label).join(', ')}`);
    return found;
  }

  /** Answered with a list of labels (strings joined by "|"), or "" for the items picked in advance. */
  async showQuickPickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions): Promise<T[]> {
    const answer = this.next(`pick many: ${options.placeHolder ?? ''}`, options.step, { picked: items.filter((i) => i.picked).map((i) => i.label) });
    if (answer === DISMISS) throw cancelled();
    if (answer === '' || answer === ACCEPT) return items.filter((i) => i.picked);
    return answer.split('|').map((label) => {
      const found = items.find((i) => i.label === label);
      if (!found) throw new Error(`No item "${label}" in pick "${options.placeHolder}"`);
      return found;
    });
  }

  /** What each searchPick was asked as the user typed, and how many items each answer held. */
  readonly searches: { text: string; found: number }[] = [];

  /**
   * Answered with `typed=>label` (the text typed, then the item picked; `|` between labels for a pick
   * of several), or DISMISS. The search runs for the typed text as VS Code's pick would run it.
   */
  async searchPick<T extends vscode.QuickPickItem>(search: SearchItems<T>, options: SearchPickOptions): Promise<T[]> {
    const answer = this.next(`search: ${options.placeHolder ?? ''}`, undefined);
    if (answer === DISMISS) throw cancelled();
    if (typeof answer !== 'string' || !answer.includes('=>')) throw new Error(`A search pick is answered "typed=>label", not ${String(answer)}`);
    const [typed, labels] = answer.split('=>');
    const items = await search(typed, new AbortController().signal);
    this.searches.push({ text: typed, found: items.length });
    return labels.split('|').map((label) => {
      const found = items.find((i) => i.label === label || i.description === label);
      if (!found) throw new Error(`No item "${label}" found for "${typed}" in "${options.placeHolder}": ${items.map((i) => i.label).join(', ')}`);
      return found;
    });
  }

  async showInputBox(options: InputOptions): Promise<string> {
    const given = this.next(`input: ${options.prompt ?? ''}`, options.step, { value: options.value });
    if (given === DISMISS) throw cancelled();
    const answer = given === ACCEPT ? (options.value ?? '') : given;
    const problem = await options.validateInput?.(answer);
    if (problem) throw new Error(`Input "${answer}" refused by the prompt: ${typeof problem === 'string' ? problem : problem.message}`);
    return answer;
  }

  async confirm(message: string, detail: string, ...items: string[]): Promise<string> {
    this.shown.push({ level: 'confirm', message, detail, items });
    const answer = this.next(`confirm: ${message}`);
    if (typeof answer !== 'string') throw cancelled();
    if (!items.includes(answer)) throw new Error(`"${answer}" is not a choice of "${message}": ${items.join(', ')}`);
    return answer;
  }

  async showMessage(level: 'info' | 'warning' | 'error', message: string, options: MessageOptions = {}, ...items: string[]): Promise<string | undefined> {
    this.shown.push({ level, message, detail: options.detail, items, close: options.closeLabel });
    // A modal waits for a person; a notification only when the next answer is one of its buttons.
    const next = this.answers[0];
    if (this.answers.length === 0 || (!options.modal && !(typeof next === 'string' && items.includes(next)))) return undefined;
    const answer = this.next(`message: ${message}`);
    // The closing button answers like Escape.
    return typeof answer === 'string' && answer !== options.closeLabel ? answer : undefined;
  }

  messages(level: ShownMessage['level']): string[] {
    return this.shown.filter((m) => m.level === level).map((m) => m.message);
  }
}
