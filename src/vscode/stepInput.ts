// One question of a multi-step input (a wizard) in VS Code's window: a title, "step n of m", a Back
// button from the second step on, and validation messages shown while the user types (after the
// multi-step sample of microsoft/vscode-extension-samples, quickinput-sample/src/multiStepInput.ts).
import * as vscode from 'vscode';
import { CancelledError } from '../core/errors';
import { BackError, type Step } from './wizard';

function backButtons(step: Step): vscode.QuickInputButton[] {
  return (step.back ?? step.step > 1) ? [vscode.QuickInputButtons.Back] : [];
}

/** Resolves with what the input accepts; Back rejects with BackError, Escape with CancelledError. */
function settle<T>(input: vscode.QuickInput, wire: (resolve: (value: T) => void, reject: (error: Error) => void) => vscode.Disposable[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const finish = (run: () => void): void => {
      if (done) return;
      done = true;
      run();
      input.dispose();
    };
    const disposables = wire(
      (value) => finish(() => resolve(value)),
      (error) => finish(() => reject(error)),
    );
    disposables.push(input.onDidHide(() => finish(() => reject(new CancelledError()))));
    input.show();
  });
}

export function stepQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions, step: Step, many: boolean): Promise<T[]> {
  const pick = vscode.window.createQuickPick<T>();
  pick.title = step.title;
  pick.step = step.step;
  pick.totalSteps = step.totalSteps;
  pick.placeholder = options.placeHolder;
  pick.matchOnDescription = options.matchOnDescription ?? false;
  pick.matchOnDetail = options.matchOnDetail ?? false;
  pick.ignoreFocusOut = true;
  pick.canSelectMany = many;
  pick.buttons = backButtons(step);
  pick.items = items;
  if (many) pick.selectedItems = items.filter((i) => i.picked);
  const active = items.find((i) => i.picked);
  if (active && !many) pick.activeItems = [active];
  return settle<T[]>(pick, (resolve, reject) => [
    pick.onDidTriggerButton((button) => {
      if (button === vscode.QuickInputButtons.Back) reject(new BackError());
    }),
    pick.onDidAccept(() => {
      const chosen = many ? [...pick.selectedItems] : [...pick.activeItems];
      if (chosen.length > 0 || many) resolve(chosen);
    }),
  ]);
}

export function stepInputBox(options: vscode.InputBoxOptions, step: Step): Promise<string> {
  const box = vscode.window.createInputBox();
  box.title = step.title;
  box.step = step.step;
  box.totalSteps = step.totalSteps;
  box.prompt = options.prompt;
  box.placeholder = options.placeHolder;
  box.password = options.password ?? false;
  box.value = options.value ?? '';
  box.ignoreFocusOut = true;
  box.buttons = backButtons(step);
  const validate = async (value: string): Promise<string | undefined> => {
    const problem = await options.validateInput?.(value);
    return typeof problem === 'string' ? problem || undefined : (problem?.message ?? undefined);
  };
  return settle<string>(box, (resolve, reject) => [
    box.onDidTriggerButton((button) => {
      if (button === vscode.QuickInputButtons.Back) reject(new BackError());
    }),
    box.onDidChangeValue(async (value) => {
      const problem = await validate(value);
      if (box.value === value) box.validationMessage = problem;
    }),
    box.onDidAccept(async () => {
      const value = box.value;
      box.enabled = false;
      box.busy = true;
      const problem = await validate(value);
      box.enabled = true;
      box.busy = false;
      if (problem) box.validationMessage = problem;
      else resolve(value);
    }),
  ]);
}
