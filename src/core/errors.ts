// One error type for everything that goes wrong talking to a platform, so the VS Code layer
// can show it the same way whatever the platform or the cause.
import * as l10n from '@vscode/l10n';
import type { ConfiguredApplication } from './application';
import { maskSecrets } from './masking';

export type ApiErrorKind =
  | 'http' // the server answered with a 4xx/5xx status
  | 'timeout' // no complete answer within the time limit
  | 'network' // connection refused, reset, DNS, TLS
  | 'bad-response' // an answer that is not the JSON the API documents
  | 'invalid-input'; // refused before any request (bad ID, bad URL)

export interface ApiErrorDetails {
  kind: ApiErrorKind;
  status?: number;
  /** The platform's own error type, e.g. Losant's `NotFound` or `Validation`. */
  type?: string;
  /** Scopes that would allow the action (401/403 only). */
  requiredScopes?: readonly string[];
  method?: string;
  path?: string;
  cause?: unknown;
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly type?: string;
  readonly requiredScopes?: readonly string[];
  readonly method?: string;
  readonly path?: string;
  /** The configured application the call was for (set by ApplicationClient), to offer fixing its credential. */
  application?: ConfiguredApplication;

  constructor(message: string, details: ApiErrorDetails) {
    super(message, { cause: details.cause });
    this.name = 'ApiError';
    this.kind = details.kind;
    this.status = details.status;
    this.type = details.type;
    this.requiredScopes = details.requiredScopes;
    this.method = details.method;
    this.path = details.path;
  }

  /** The credential was refused: setting a new one may fix it. */
  get credentialRefused(): boolean {
    return this.status === 401;
  }

  /** A sentence for people: what failed, why, and what would fix it. */
  describe(): string {
    let text = this.message;
    if (this.status !== undefined) text = `${text} (HTTP ${this.status}${this.type ? ` ${this.type}` : ''})`;
    if (this.requiredScopes?.length) {
      text += `. ${l10n.t('The token needs one of these scopes: {0}', this.requiredScopes.join(', '))}`;
    }
    return text;
  }
}

/** Thrown when the user or the caller cancelled; never shown as an error. */
export class CancelledError extends Error {
  constructor(message = l10n.t('Cancelled')) {
    super(message);
    this.name = 'CancelledError';
  }
}

/** By name too: a CancelledError may come from another bundle (tests, another copy of the core). */
export function isCancellation(error: unknown): boolean {
  return error instanceof CancelledError || (error instanceof Error && error.name === 'CancelledError');
}

/** Any error as one masked sentence for people. */
export function describeError(error: unknown): string {
  const text = error instanceof ApiError ? error.describe() : error instanceof Error ? error.message : String(error);
  return maskSecrets(text);
}
