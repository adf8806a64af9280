// From an edit document to the request that carries it: the fields whose values changed, and the
// fields the user deleted from the document. A deleted field is sent as its cleared value where the
// schema has one (null where it allows null, "" for free text, [] for a list); otherwise it is
// refused with a problem, never silently dropped.
import * as l10n from '@vscode/l10n';
import { maskSecrets } from './masking';
import type { Problem } from './validate';
import { changedFields, jsonc } from './validate';

interface FieldSchema {
  type?: string | string[];
  oneOf?: FieldSchema[];
  anyOf?: FieldSchema[];
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  minItems?: number;
}

/** The value that clears a field, or undefined when the schema allows none. */
export function clearedValue(schema: FieldSchema | undefined): unknown {
  if (!schema) return undefined;
  const branches = schema.oneOf ?? schema.anyOf ?? [schema];
  const types = (s: FieldSchema): string[] => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);
  if (branches.some((b) => types(b).includes('null'))) return null;
  if (branches.some((b) => types(b).includes('string') && !b.enum && !b.pattern && !b.format && !(b.minLength && b.minLength > 0))) return '';
  if (branches.some((b) => types(b).includes('array') && !(b.minItems && b.minItems > 0))) return [];
  return undefined;
}

export interface EditChanges {
  changes: Record<string, unknown>;
  problems: Problem[];
}

/**
 * `current`: the server's editable fields; `edited`: the valid document's value. The document shows
 * masked values (***) where the server's held a known secret: those count as unchanged.
 */
export function editChanges(text: string, schema: object, current: Record<string, unknown>, edited: Record<string, unknown>): EditChanges {
  const shown = asShown(current);
  const changes = changedFields(shown, edited);
  const properties = (schema as { properties?: Record<string, FieldSchema> }).properties ?? {};
  const problems: Problem[] = [];
  const root = jsonc().parseTree(text);
  const where = { offset: root?.offset ?? 0, length: root ? 1 : 0 };
  for (const field of Object.keys(current)) {
    if (field in edited || current[field] === undefined) continue;
    const cleared = clearedValue(properties[field]);
    if (cleared === undefined) {
      problems.push({ message: l10n.t('Field "{0}" cannot be removed: give it a new value instead', field), ...where });
    } else if (JSON.stringify(current[field]) !== JSON.stringify(cleared)) {
      changes[field] = cleared;
    }
  }
  return { changes, problems };
}

/** The fields as the edit document showed them (masked). */
function asShown(fields: Record<string, unknown>): Record<string, unknown> {
  try {
    return JSON.parse(maskSecrets(JSON.stringify(fields))) as Record<string, unknown>;
  } catch {
    return fields;
  }
}
