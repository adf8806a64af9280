// Secret fields in any answer (Elastic Path returns a key's client_secret in every answer, for
// instance) are registered for masking and replaced by "(hidden)" before anything is built from
// the answer: they never reach a document, a tooltip, a report or a log. Only a create's one-time
// secret is taken out before this, to be shown once.
import { HIDDEN, registerSecret } from './masking';

const SECRET_FIELDS = new Set(['secret', 'token', 'client_secret', 'access_token', 'refresh_token', 'password']);

export function isSecretField(name: string): boolean {
  return SECRET_FIELDS.has(name.toLowerCase());
}

/** A copy of `value` with every secret-named field's value hidden (at any depth). */
export function hideSecretFields<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => hideSecretFields(v)) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value as Record<string, unknown>)) {
    if (isSecretField(name) && field !== null && field !== undefined && field !== '') {
      if (typeof field === 'string') registerSecret(field);
      define(copy, name, HIDDEN);
    } else {
      define(copy, name, hideSecretFields(field));
    }
  }
  return copy as T;
}

// defineProperty, not assignment: a "__proto__" field of an answer must stay a plain field.
function define(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}
