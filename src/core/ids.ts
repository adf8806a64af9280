import * as l10n from '@vscode/l10n';
import { ApiError } from './errors';

/** Checks an ID before it goes into a URL path, so no ID can change the request's path. */
/** `what` names the ID for the error, made only when there is one: every request checks its IDs. */
export function checkId(value: unknown, pattern: RegExp, what: () => string): string {
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new ApiError(l10n.t('Invalid {0}: {1}', what(), JSON.stringify(String(value)).slice(0, 80)), { kind: 'invalid-input' });
  }
  return value;
}

export const LOSANT_ID = /^[A-Fa-f0-9]{24}$/;

export const UUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;
