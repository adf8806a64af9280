// Asks for the fields of a new item, taking any already given in the command's argument object.
import * as vscode from 'vscode';
import { ApiError } from '../../core/errors';
import type { CreateField } from '../../core/platforms/platform';
import type { UserInput } from '../userInput';
import { runWizard, WizardStep } from '../wizard';

function checkText(field: CreateField, value: string): string | undefined {
  if (field.required && !value.trim()) return vscode.l10n.t('Required');
  if (field.maxLength && value.length > field.maxLength) return vscode.l10n.t('At most {0} characters', field.maxLength);
  if (field.kind === 'integer' && value.trim() && !/^\d+$/.test(value.trim())) return vscode.l10n.t('A whole number, 0 or more');
  if (field.kind === 'date-time' && value.trim() && Number.isNaN(Date.parse(value.trim())))
    return vscode.l10n.t('A date such as 2027-06-30 or 2027-06-30T12:00:00Z');
  return undefined;
}

function convert(field: CreateField, value: string): unknown {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  if (field.kind === 'integer') return Number(trimmed);
  if (field.kind === 'date-time') return new Date(trimmed).toISOString();
  return trimmed;
}

function fromArgument(field: CreateField, given: unknown): unknown {
  if (field.kind === 'choices') {
    if (!Array.isArray(given) || !given.every((c) => typeof c === 'string' && field.choices?.includes(c))) {
      throw new ApiError(vscode.l10n.t('"{0}" must be a list of: {1}…', field.name, String(field.choices?.slice(0, 5).join(', '))), { kind: 'invalid-input' });
    }
    return given;
  }
  const text = typeof given === 'number' ? String(given) : given;
  if (typeof text !== 'string') {
    throw new ApiError(field.kind === 'integer' ? vscode.l10n.t('"{0}" must be a number', field.name) : vscode.l10n.t('"{0}" must be a string', field.name), {
      kind: 'invalid-input',
    });
  }
  const problem = checkText(field, text);
  if (problem) throw new ApiError(`"${field.name}": ${problem}`, { kind: 'invalid-input' });
  return convert(field, text);
}

/** Asks the fields not given, one wizard step each (`title`, step n of m, Back keeping the answers). */
export async function askCreateFields(
  ui: UserInput,
  fields: readonly CreateField[],
  given: Record<string, unknown>,
  title: string,
): Promise<Record<string, unknown>> {
  const input: Record<string, unknown> = {};
  for (const field of fields) if (given[field.name] !== undefined) input[field.name] = fromArgument(field, given[field.name]);
  // What was typed or picked per field, offered again after Back.
  const typed: Record<string, string> = {};
  const picked: Record<string, readonly string[]> = {};
  const steps: WizardStep<Record<string, unknown>>[] = fields.map((field) => ({
    skip: () => given[field.name] !== undefined,
    run: async (state, step) => {
      let value: unknown;
      if (field.kind === 'choices') {
        const before = picked[field.name] ?? field.defaultChoices ?? [];
        const chosen = await ui.showQuickPickMany(
          (field.choices ?? []).map((choice) => ({ label: choice, picked: before.includes(choice) })),
          { placeHolder: field.prompt, step },
        );
        picked[field.name] = chosen.map((p) => p.label);
        if (field.required && chosen.length === 0) throw new ApiError(vscode.l10n.t('Pick at least one for "{0}"', field.name), { kind: 'invalid-input' });
        value = picked[field.name];
      } else {
        typed[field.name] = await ui.showInputBox({ prompt: field.prompt, value: typed[field.name], validateInput: (v) => checkText(field, v), step });
        value = convert(field, typed[field.name]);
      }
      if (value === undefined) delete state[field.name];
      else state[field.name] = value;
    },
  }));
  return runWizard(title, input, steps);
}
