// The stored shape of Elastic Path records and how keys are rendered in responses.
// Stored keys hold their client_secret; as in the reference (ApplicationKeyResponse, seed 004's GET
// example), every key answer (list, get, create, update) carries it.
import type { MonotonicClock } from '../ids';

/** One application key of the store; field names as in the API (timestamps flattened). */
export interface ElasticPathKeyRecord {
  /** A UUID. */
  id: string;
  name: string;
  client_id: string;
  /** Returned in every key answer, as the reference's ApplicationKeyResponse does. */
  client_secret: string;
  reserved_rate_limit: number;
  created_at: string;
  updated_at: string;
  /** null until the key's credentials are used to get an access token. */
  last_used_at: string | null;
}

export type ElasticPathGrant = 'client_credentials' | 'implicit';

/** An access token handed out by POST /oauth/access_token. */
export interface ElasticPathAccessToken {
  /** The application key whose credentials made it; deleting the key revokes the token. */
  keyId: string;
  identifier: ElasticPathGrant;
  issuedAtMs: number;
  /** Epoch milliseconds; the token is refused from this instant on (tests may move it). */
  expiresAtMs: number;
}

export interface ElasticPathStore {
  id: string;
  name: string;
}

export interface ElasticPathState {
  store: ElasticPathStore;
  /** Application keys by id. */
  keys: Map<string, ElasticPathKeyRecord>;
  /** Bearer string -> access token. */
  accessTokens: Map<string, ElasticPathAccessToken>;
  /** expires_in of new access tokens (Elastic Path: one hour). */
  tokenLifetimeSeconds: number;
  /** The store's requests per second; reserved rate limits of all keys together may not exceed it. */
  rateLimit: number;
  /** The store's "page length" setting: page[limit] when none is given. */
  pageLength: number;
  clock: MonotonicClock;
}

export function renderKey(key: ElasticPathKeyRecord, origin: string): Record<string, unknown> {
  return {
    id: key.id,
    name: key.name,
    type: 'application_key',
    client_id: key.client_id,
    client_secret: key.client_secret,
    reserved_rate_limit: key.reserved_rate_limit,
    meta: {
      timestamps: { created_at: key.created_at, updated_at: key.updated_at, last_used_at: key.last_used_at },
    },
    links: { self: `${origin}/v2/application-keys/${key.id}` },
  };
}

export function totalReservedRateLimit(state: ElasticPathState, exceptKeyId?: string): number {
  let total = 0;
  for (const key of state.keys.values()) if (key.id !== exceptKeyId) total += key.reserved_rate_limit;
  return total;
}
