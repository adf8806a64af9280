// Secret fields in any answer (Elastic Path returns a key's client_secret in every answer, for
// instance) are registered for masking and replaced by "(hidden)" before anything is built from
// the answer: they never reach a document, a tooltip, a report or a log. Only a create's one-time
// secret is taken out before this, to be shown once.
import { HIDDEN, registerSecret } from './masking';

const SECRET_FIELDS = new Set(['secret', 'token', 'client_secret', 'access_token', 'refresh_token', 'password']);

export function isSecretField(name: string): boolean {
  // Exact names first: lower-casing every field name of a large list is most of the cost.
  return SECRET_FIELDS.has(name) || (name.length <= 13 && /[A-Z]/.test(name) && SECRET_FIELDS.has(name.toLowerCase()));
}

/** Whether a secret-named field with a value is anywhere in `value` (no copy: most answers have none). */
function holdsSecret(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsSecret);
  if (value === null || typeof value !== 'object') return false;
  for (const name in value) {
    const field = (value as Record<string, unknown>)[name];
    if (isSecretField(name) && field !== null && field !== undefined && field !== '') return true;
    if (typeof field === 'object' && holdsSecret(field)) return true;
  }
  return false;
}

/** `value` with every secret-named field's value hidden (at any depth): a copy where there is one. */
export function hideSecretFields<T>(value: T): T {
  return holdsSecret(value) ? hiddenCopy(value) : value;
}

function hiddenCopy<T>(value: T): T {
  if (Array.isArray(value)) return (value as unknown[]).map((v) => hiddenCopy(v)) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value as Record<string, unknown>)) {
    if (isSecretField(name) && field !== null && field !== undefined && field !== '') {
      if (typeof field === 'string') registerSecret(field);
      define(copy, name, HIDDEN);
    } else {
      define(copy, name, hiddenCopy(field));
    }
  }
  return copy as T;
}

// defineProperty, not assignment: a "__proto__" field of an answer must stay a plain field.
function define(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}
