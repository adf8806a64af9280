// When a request is tried again. Reads and deletes are idempotent: retried on 429/5xx, resets,
// time-outs and unreadable answers. Creates and updates are never sent twice unless the request
// provably never reached the server: a refused connection, or a 429 (the server turned it away
// without doing it). Certificate problems and a proxy's 407 are not tried again: they would only repeat.
// Waits grow exponentially with full jitter; a Retry-After is honoured.
import { ApiError, isCancellation } from './errors';
import { isSettledNetworkError } from './networkErrors';
import { MAX_PAUSE_MS } from './rateGate';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  /** The longest wait, Retry-After included. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 250, maxDelayMs: 20_000 };

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'DELETE']);
const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT', 'ENOTFOUND', 'EAI_AGAIN']);

export interface Attempt {
  method: string;
  attempt: number;
  status?: number;
  retryAfter?: string | string[];
  error?: unknown;
}

/** Milliseconds to wait before the next try, or undefined: do not try again. */
export function retryDelay(policy: RetryPolicy, a: Attempt, random: () => number = Math.random): number | undefined {
  if (a.attempt >= policy.maxAttempts) return undefined;
  const idempotent = IDEMPOTENT.has(a.method);
  let retry = false;
  if (a.error !== undefined) {
    if (isCancellation(a.error) || !(a.error instanceof ApiError) || isSettledNetworkError(a.error.cause)) return undefined;
    const code = errorCode(a.error.cause);
    if (a.error.kind === 'network') retry = idempotent || (code !== undefined && NEVER_CONNECTED.has(code));
    else if (a.error.kind === 'timeout' || a.error.kind === 'bad-response') retry = idempotent;
  } else if (a.status === 429) {
    retry = true;
  } else if (a.status !== undefined && RETRYABLE_STATUS.has(a.status)) {
    retry = idempotent;
  }
  if (!retry) return undefined;
  const told = retryAfterMs(a.retryAfter);
  const backoff = random() * policy.baseDelayMs * 2 ** (a.attempt - 1);
  return Math.min(told ?? backoff, policy.maxDelayMs);
}

/** The three HTTP-date forms (IMF-fixdate, RFC 850, asctime) each start with the day's name. */
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /i;

/** Retry-After as delta-seconds or an HTTP date, in milliseconds, never more than MAX_PAUSE_MS (undefined: unreadable). */
export function retryAfterMs(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.min(Number(text) * 1000, MAX_PAUSE_MS);
  if (!HTTP_DATE.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.min(Math.max(0, date - now), MAX_PAUSE_MS);
}

function errorCode(cause: unknown): string | undefined {
  let current = cause as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 4; depth++) {
    if (typeof current.code === 'string') return current.code;
    current = current.cause as typeof current;
  }
  return undefined;
}
