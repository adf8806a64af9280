// Small helpers every platform uses to read JSON answers and find its resources.
import * as l10n from '@vscode/l10n';
import { ApiError } from '../errors';
import type { ListField, ResourceType } from './platform';

/** The value as a plain object, or an empty one: answers are read defensively, never trusted. */
export function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A scalar of an answer as text (a string, number or boolean), else `fallback`: never "[object Object]". */
export function scalarText(value: unknown, fallback = ''): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : fallback;
}

export function findResource<T extends ResourceType>(resources: readonly T[], id: string, platformName: string): T {
  const found = resources.find((r) => r.id === id);
  if (!found) throw new ApiError(l10n.t('{0} has no resource "{1}"', platformName, id), { kind: 'invalid-input' });
  return found;
}

/** A sort or filter field whose label is translated each time it is shown, not once when the module loads. */
export function listField(field: string, label: () => string, values?: readonly string[], example?: string): ListField {
  return {
    field,
    get label() {
      return label();
    },
    ...(values ? { values } : {}),
    ...(example ? { example } : {}),
  };
}
