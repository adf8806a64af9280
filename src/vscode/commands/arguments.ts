// One typed reading of what a command was given besides a tree node: the plain argument object of
// a keybinding or script. A field of the wrong type is a clear error, never silently ignored.
import * as vscode from 'vscode';
import { ApiError } from '../../core/errors';
import { ApplicationNode, GroupNode, ItemNode, LoadMoreNode, MessageNode } from '../tree/nodes';

export type ArgumentObject = Readonly<Record<string, unknown>>;

/** The plain object a keybinding or script passed; undefined for a tree node, a URI or nothing. */
export function argumentObject(arg: unknown): ArgumentObject | undefined {
  if (arg === null || typeof arg !== 'object' || Array.isArray(arg) || arg instanceof vscode.Uri) return undefined;
  if ([ApplicationNode, GroupNode, ItemNode, LoadMoreNode, MessageNode].some((node) => arg instanceof node)) return undefined;
  return arg as ArgumentObject;
}

function wrongType(name: string, type: string): ApiError {
  return new ApiError(vscode.l10n.t('"{0}" must be {1}', name, type), { kind: 'invalid-input' });
}

export function stringField(arg: ArgumentObject | undefined, name: string): string | undefined {
  const value = arg?.[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw wrongType(name, vscode.l10n.t('a string'));
  return value;
}

export function numberField(arg: ArgumentObject | undefined, name: string): number | undefined {
  const value = arg?.[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType(name, vscode.l10n.t('a number'));
  return value;
}

export function oneOfField<T extends string>(arg: ArgumentObject | undefined, name: string, values: readonly T[]): T | undefined {
  const value = stringField(arg, name);
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) throw wrongType(name, values.map((v) => JSON.stringify(v)).join(' | '));
  return value as T;
}

export function booleanField(arg: ArgumentObject | undefined, name: string): boolean | undefined {
  const value = arg?.[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw wrongType(name, vscode.l10n.t('true or false'));
  return value;
}

export function stringListField(arg: ArgumentObject | undefined, name: string): string[] | undefined {
  const value = arg?.[name];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw wrongType(name, vscode.l10n.t('a list of strings'));
  return value;
}

/** A list of `{ key?, value? }` objects of strings (device tags). */
export function tagListField(arg: ArgumentObject | undefined, name: string): { key?: string; value?: string }[] | undefined {
  const value = arg?.[name];
  if (value === undefined) return undefined;
  const ok =
    Array.isArray(value) &&
    value.every(
      (t) =>
        argumentObject(t) !== undefined &&
        ['key', 'value'].every((f) => (t as ArgumentObject)[f] === undefined || typeof (t as ArgumentObject)[f] === 'string'),
    );
  if (!ok) throw wrongType(name, vscode.l10n.t('a list of {0}', '{ key, value }'));
  return (value as ArgumentObject[]).map((t) => ({ key: t.key as string | undefined, value: t.value as string | undefined }));
}
