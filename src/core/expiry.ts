// When an item stops working on its own (a Losant API token's `expirationDate`), as people read it:
// `expires in 12 days`, `expired`. Kinds without an expiry have no `expiresAt`.
import * as l10n from '@vscode/l10n';
import type { ResourceItem, ResourceType } from './platforms/platform';

const DAY_MS = 86_400_000;

export interface Expiry {
  /** When it expires (ms since the epoch). */
  at: number;
  expired: boolean;
  /** Whole days left, rounded up (1 for anything under a day); 0 once expired. */
  daysLeft: number;
}

export function expiryOf(resource: ResourceType, item: ResourceItem, now: number): Expiry | undefined {
  const text = resource.expiresAt?.(item);
  const at = text === undefined ? NaN : Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  const expired = at <= now;
  return { at, expired, daysLeft: expired ? 0 : Math.ceil((at - now) / DAY_MS) };
}

export function expiryText(expiry: Expiry): string {
  if (expiry.expired) return l10n.t('expired');
  return expiry.daysLeft === 1 ? l10n.t('expires in 1 day') : l10n.t('expires in {0} days', expiry.daysLeft);
}

/** Not expired yet, but within `warningDays` of it. */
export function expiresSoon(expiry: Expiry | undefined, warningDays: number): boolean {
  return expiry !== undefined && !expiry.expired && expiry.daysLeft <= warningDays;
}
