// /v2/application-keys and /v2/application-keys/{application_key_id}.
import { randomBytes, randomUUID } from 'node:crypto';
import { revokeTokensOf } from './auth';
import type { KeyWrite } from './body';
import { keyNotFound, rateLimitConflict } from './errors';
import { renderKey, totalReservedRateLimit, type ElasticPathKeyRecord, type ElasticPathState } from './model';
import { paginate, parsePageQuery } from './pagination';

export interface ElasticPathContext {
  state: ElasticPathState;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The validated body (POST and PUT only). */
  body: KeyWrite;
  /** The sandbox's own origin, for links. */
  origin: string;
}

export interface ElasticPathResult {
  status: number;
  body?: unknown;
}

/** Listed oldest first (creation time, then id), so pages stay stable while keys are added. */
export function listKeys({ state, query, origin }: ElasticPathContext): ElasticPathResult {
  const q = parsePageQuery(query, state.pageLength);
  const all = [...state.keys.values()].sort((a, b) => compare(a.created_at, b.created_at) || compare(a.id, b.id));
  const page = paginate(all, q, `${origin}/v2/application-keys`);
  return {
    status: 200,
    body: {
      data: page.data.map((key) => renderKey(key, origin)),
      links: page.links,
      meta: { ...page.meta, total_reserved_rate_limit: totalReservedRateLimit(state) },
    },
  };
}

export function createKey({ state, body, origin }: ElasticPathContext): ElasticPathResult {
  const reserved = body.reserved_rate_limit ?? 0;
  assertWithinRateLimit(state, reserved);
  const now = state.clock.nowIso();
  const record: ElasticPathKeyRecord = {
    id: randomUUID(),
    name: body.name!,
    // 42 characters, like the documented client ids and secrets.
    client_id: randomBytes(21).toString('hex'),
    client_secret: randomBytes(21).toString('hex'),
    reserved_rate_limit: reserved,
    created_at: now,
    updated_at: now,
    last_used_at: null,
  };
  state.keys.set(record.id, record);
  return { status: 201, body: { data: renderKey(record, origin) } };
}

export function getKey({ state, params, origin }: ElasticPathContext): ElasticPathResult {
  return { status: 200, body: { data: renderKey(findKey(state, params), origin) } };
}

/** PUT updates only the fields given; every successful PUT moves updated_at forward. */
export function updateKey({ state, params, body, origin }: ElasticPathContext): ElasticPathResult {
  const record = findKey(state, params);
  if (body.reserved_rate_limit !== undefined) assertWithinRateLimit(state, body.reserved_rate_limit, record.id);
  if (body.name !== undefined) record.name = body.name;
  if (body.reserved_rate_limit !== undefined) record.reserved_rate_limit = body.reserved_rate_limit;
  record.updated_at = state.clock.nowIso();
  return { status: 200, body: { data: renderKey(record, origin) } };
}

/** 204 with no body; the key's client credentials and its access tokens stop working at once. */
export function deleteKey({ state, params }: ElasticPathContext): ElasticPathResult {
  const record = findKey(state, params);
  state.keys.delete(record.id);
  revokeTokensOf(state, record.id);
  return { status: 204 };
}

/**
 * 409 when the reserved rate limits of all keys (this one counted with its new value) would
 * exceed the store's rate limit. Only checked when a reservation is asked for, so a PUT that
 * only renames a key never conflicts, and reserving 0 never does.
 */
function assertWithinRateLimit(state: ElasticPathState, requested: number, keyId?: string): void {
  if (requested > 0 && totalReservedRateLimit(state, keyId) + requested > state.rateLimit) throw rateLimitConflict();
}

function findKey(state: ElasticPathState, params: Record<string, string>): ElasticPathKeyRecord {
  // Ids are UUIDs, which compare case-insensitively; the router already refused non-UUIDs.
  const record = state.keys.get(params.application_key_id.toLowerCase());
  if (!record) throw keyNotFound();
  return record;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
