// Edit document text → value, or problems at the exact offsets in the text. jsonc-parser gives
// the syntax tree and positions; ajv checks the value against the resource's JSON schema.
// Both are loaded at the first document checked, not at activation: in the bundle they are files
// of their own (dist/jsonc.js, dist/validators.js) that opening the view never reads.
/* eslint-disable @typescript-eslint/no-require-imports */
import * as l10n from '@vscode/l10n';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type * as JsoncParser from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import { alternativesMessage, schemaMessage } from './schemaMessages';

let jsoncParser: typeof JsoncParser | undefined;
let validators: typeof import('./schemaValidators') | undefined;

/** jsonc-parser, loaded when first needed. */
export function jsonc(): typeof JsoncParser {
  return (jsoncParser ??= require('jsonc-parser') as typeof JsoncParser);
}

/** The compiled validator of one of the edit documents' schemas (schemaValidators.ts), loaded when first needed. */
function validatorFor(schema: object): ValidateFunction {
  return (validators ??= require('./schemaValidators') as typeof import('./schemaValidators')).validatorFor(schema);
}
/* eslint-enable @typescript-eslint/no-require-imports */

export interface Problem {
  message: string;
  offset: number;
  length: number;
  /** Not JSON at all (VS Code's JSON support reports these too, as the user types). */
  syntax?: true;
}

export interface ValidationResult {
  value?: Record<string, unknown>;
  problems: Problem[];
}

// Keys that would reach an object's prototype if a parser assigned them.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function parseAndValidate(text: string, schema: object): ValidationResult {
  const errors: ParseError[] = [];
  const root = jsonc().parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !root) {
    const problems = errors.map((e) => ({
      message: l10n.t('JSON syntax error: {0}', jsonc().printParseErrorCode(e.error)),
      offset: e.offset,
      length: Math.max(e.length, 1),
      syntax: true as const,
    }));
    return { problems: problems.length ? problems : [{ message: l10n.t('The document is empty'), offset: 0, length: 0 }] };
  }
  if (root.type !== 'object') {
    return { problems: [{ message: l10n.t('The document must be a JSON object'), offset: root.offset, length: root.length }] };
  }
  // What JSON.parse would silently drop or change: a repeated field (the last one wins) and an
  // integer beyond 2^53 (rounded). Refused at their places instead.
  const structural = structuralProblems(root);
  if (structural.length > 0) return { problems: structural };

  const value = jsonc().getNodeValue(root) as Record<string, unknown>;
  const validate = validatorFor(schema);
  if (validate(value)) return { value, problems: [] };
  return { problems: dedupe(problemsOf(validate.errors ?? [], root)) };
}

/** One walk over the syntax tree for what a parse would hide: forbidden names, repeated fields, unsafe integers. */
function structuralProblems(root: Node): Problem[] {
  const found: Problem[] = [];
  const at = (message: string, n: Node): number => found.push({ message, offset: n.offset, length: n.length });
  const visit = (n: Node): void => {
    if (n.type === 'object') {
      const seen = new Set<string>();
      for (const key of (n.children ?? []).map((property) => property.children?.[0])) {
        if (!key) continue;
        const name = String(key.value);
        if (FORBIDDEN_KEYS.has(name)) at(l10n.t('Property name "{0}" is not allowed', name), key);
        else if (seen.has(name)) at(l10n.t('Field "{0}" appears more than once: keep one', name), key);
        seen.add(name);
      }
    } else if (n.type === 'number' && typeof n.value === 'number' && Number.isInteger(n.value) && !Number.isSafeInteger(n.value)) {
      at(l10n.t('Integers beyond 2^53 (9007199254740991) cannot be sent exactly: use a smaller number'), n);
    }
    n.children?.forEach(visit);
  };
  visit(root);
  return found;
}

/** One problem per mistake: the errors of a field's alternatives (oneOf/anyOf branches) become one. */
function problemsOf(errors: readonly ErrorObject[], root: Node): Problem[] {
  const isAlternatives = (e: ErrorObject) => e.keyword === 'oneOf' || e.keyword === 'anyOf';
  const branchesOf = (a: ErrorObject) => errors.filter((e) => e !== a && e.schemaPath.startsWith(`${a.schemaPath}/`));
  const folded = new Set(errors.filter(isAlternatives).flatMap(branchesOf));
  return errors.filter((e) => !folded.has(e)).map((e) => (isAlternatives(e) ? alternativesProblem(e, branchesOf(e), root) : toProblem(e, root)));
}

function alternativesProblem(error: ErrorObject, branches: readonly ErrorObject[], root: Node): Problem {
  const { node, where } = locate(error, root);
  const here = branches.filter((b) => b.instancePath === error.instancePath);
  const message = here.length === branches.length ? alternativesMessage(where, here) : undefined;
  if (message) return { message, offset: node.offset, length: node.length };
  // The alternative the value came closest to: a branch that took its type but not the rest.
  const closest = branches.find((b) => b.keyword !== 'type') ?? branches[0];
  if (closest) return toProblem(closest, root);
  return { message: l10n.t('{0} fits more than one of the allowed forms', where), offset: node.offset, length: node.length };
}

/** Where an error's value is in the text, and how a message names it. */
function locate(error: ErrorObject, root: Node): { node: Node; path: (string | number)[]; where: string } {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => {
      const name = part.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^\d+$/.test(name) ? Number(name) : name;
    });
  const node = jsonc().findNodeAtLocation(root, path) ?? root;
  const where = path.length ? `"${path.join('.')}"` : l10n.t('The document');
  return { node, path, where };
}

function toProblem(error: ErrorObject, root: Node): Problem {
  const { node, where } = locate(error, root);
  if (error.keyword === 'additionalProperties') {
    const extra = String((error.params as { additionalProperty: string }).additionalProperty);
    const property = node.children?.find((p) => p.children?.[0]?.value === extra)?.children?.[0];
    const target = property ?? node;
    return { message: l10n.t('Property "{0}" is not allowed', extra), offset: target.offset, length: target.length };
  }
  return { message: schemaMessage(where, error), offset: node.offset, length: node.length };
}

// One problem per place and message is enough for people.
function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const id = `${p.offset}:${p.length}:${p.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Where a top-level field's value stands in the text (for a server's complaint about it). */
export function fieldProblem(text: string, field: string | undefined, message: string): Problem {
  const root = jsonc().parseTree(text);
  const node = root && field !== undefined ? jsonc().findNodeAtLocation(root, [field]) : undefined;
  return node ? { message, offset: node.offset, length: node.length } : { message, offset: 0, length: Math.min(text.length, 1) };
}

/** The fields of `edited` whose values differ from `current` (what a PATCH needs to send). */
export function changedFields(current: Record<string, unknown>, edited: Record<string, unknown>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(edited)) {
    if (!sameJson(current[field], value)) changes[field] = value;
  }
  return changes;
}

function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
