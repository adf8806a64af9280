// Settings that bound App Keys' own behaviour, read defensively: a number out of range is clamped
// and anything else falls back to the default, so no setting can break every request.
export const DEFAULT_TIMEOUT_SECONDS = 30;
export const MIN_TIMEOUT_SECONDS = 1;
/** Far below Node's timer limit (2^31 - 1 ms, about 24.8 days), beyond which a timer fires at once. */
export const MAX_TIMEOUT_SECONDS = 300;

export function timeoutSeconds(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_TIMEOUT_SECONDS;
  return Math.min(Math.max(value, MIN_TIMEOUT_SECONDS), MAX_TIMEOUT_SECONDS);
}
