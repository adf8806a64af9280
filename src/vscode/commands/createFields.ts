// Asks for the fields of a new item, taking any already given in the command's argument object.
import * as vscode from 'vscode';
import { ApiError } from '../../core/errors';
import type { CreateField } from '../../core/platforms/platform';
import type { UserInput } from '../userInput';

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

export async function askCreateFields(ui: UserInput, fields: readonly CreateField[], given: Record<string, unknown>): Promise<Record<string, unknown>> {
  const input: Record<string, unknown> = {};
  for (const field of fields) {
    let value: unknown;
    if (given[field.name] !== undefined) {
      value = fromArgument(field, given[field.name]);
    } else if (field.kind === 'choices') {
      const picked = await ui.showQuickPickMany(
        (field.choices ?? []).map((choice) => ({ label: choice, picked: field.defaultChoices?.includes(choice) })),
        { placeHolder: field.prompt },
      );
      if (field.required && picked.length === 0) throw new ApiError(vscode.l10n.t('Pick at least one for "{0}"', field.name), { kind: 'invalid-input' });
      value = picked.map((p) => p.label);
    } else {
      value = convert(field, await ui.showInputBox({ prompt: field.prompt, validateInput: (v) => checkText(field, v) }));
    }
    if (value !== undefined) input[field.name] = value;
  }
  return input;
}
