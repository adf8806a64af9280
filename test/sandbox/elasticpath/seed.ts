// Builds (and rebuilds, for reset()) the live Elastic Path state from the seed data.
import { MonotonicClock, seededHex, uuidFromHex } from '../ids';
import type { ElasticPathKeyRecord, ElasticPathState } from './model';
import { EP_DEFAULT_PAGE_LENGTH, EP_DEFAULT_TOKEN_LIFETIME_SECONDS, EP_KEY_SPECS, SANDBOX_EP, type LastUsedSpec } from './seed-data';

/** Adds N generated application keys to the store (volume tests); all reserve 0. */
export interface ElasticPathExtraKeys {
  platform: 'elasticpath';
  count: number;
}

const HOUR_MS = 3600_000;

export function createElasticPathState(extraKeys: readonly ElasticPathExtraKeys[] = []): ElasticPathState {
  const state: ElasticPathState = {
    store: { id: SANDBOX_EP.storeId, name: SANDBOX_EP.storeName },
    keys: new Map(),
    accessTokens: new Map(),
    tokenLifetimeSeconds: EP_DEFAULT_TOKEN_LIFETIME_SECONDS,
    rateLimit: SANDBOX_EP.rateLimit,
    pageLength: EP_DEFAULT_PAGE_LENGTH,
    clock: new MonotonicClock(),
  };
  resetElasticPathState(state, extraKeys);
  return state;
}

/** Refills the maps in place (references held by tests stay valid) and restores the settings; the clock keeps running. */
export function resetElasticPathState(state: ElasticPathState, extraKeys: readonly ElasticPathExtraKeys[] = []): void {
  state.store = { id: SANDBOX_EP.storeId, name: SANDBOX_EP.storeName };
  state.keys.clear();
  state.accessTokens.clear();
  state.tokenLifetimeSeconds = EP_DEFAULT_TOKEN_LIFETIME_SECONDS;
  state.rateLimit = SANDBOX_EP.rateLimit;
  state.pageLength = EP_DEFAULT_PAGE_LENGTH;

  const seededAt = Date.now();
  EP_KEY_SPECS.forEach((spec, index) => {
    const label = `ep-seed-key-${index + 1}`;
    state.keys.set(spec.id, {
      id: spec.id,
      name: spec.name,
      client_id: spec.clientId ?? seededHex(`${label}:client_id`, 42),
      client_secret: spec.clientSecret ?? seededHex(`${label}:client_secret`, 42),
      reserved_rate_limit: spec.reservedRateLimit,
      created_at: spec.createdAt,
      updated_at: spec.updatedAt ?? spec.createdAt,
      last_used_at: lastUsedAt(spec.lastUsed, seededAt),
    });
  });
  let generated = 0;
  for (const extra of extraKeys) generated = addGeneratedKeys(state, extra, generated);
}

function lastUsedAt(spec: LastUsedSpec, seededAt: number): string | null {
  if (spec === null) return null;
  if ('at' in spec) return spec.at;
  return new Date(seededAt - spec.hoursAgo * HOUR_MS).toISOString();
}

/**
 * Many similar keys for volume tests; deterministic and fast. `before` is how many
 * were generated already (ids stay unique across entries); returns the new total.
 */
function addGeneratedKeys(state: ElasticPathState, extra: ElasticPathExtraKeys, before: number): number {
  if (!Number.isInteger(extra.count) || extra.count < 0) throw new Error('extraKeys: count must be a non-negative integer');
  const base = Date.parse('2024-03-01T00:00:00.000Z');
  let n = before;
  for (let i = 1; i <= extra.count; i++) {
    n++;
    const label = `ep-extra-key-${n}`;
    const createdAt = new Date(base + n * 60_000).toISOString();
    const record: ElasticPathKeyRecord = {
      id: uuidFromHex(seededHex(`${label}:id`, 32)),
      name: `Generated key ${String(i).padStart(5, '0')}`,
      client_id: seededHex(`${label}:client_id`, 42),
      client_secret: seededHex(`${label}:client_secret`, 42),
      reserved_rate_limit: 0,
      created_at: createdAt,
      updated_at: createdAt,
      // Every third key never used; the others used a day after creation.
      last_used_at: i % 3 === 0 ? null : new Date(base + n * 60_000 + 24 * HOUR_MS).toISOString(),
    };
    state.keys.set(record.id, record);
  }
  return n;
}
