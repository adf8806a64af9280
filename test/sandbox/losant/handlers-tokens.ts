// /applications/{applicationId}/tokens and /tokens/{apiTokenId}: application API tokens.
import { randomBytes } from 'node:crypto';
import { jwtLikeToken, newObjectId } from '../ids';
import { notFound } from './errors';
import { API_TOKENS_LIST, applyListQuery, parseListQuery } from './list-query';
import { renderApiToken, type LosantApiTokenRecord } from './model';
import { fieldText, findApplication, type LosantContext, type LosantResult } from './route';

/** Signs created tokens; per process, as tokens need not survive a restart. */
const SIGNING_KEY = randomBytes(32).toString('hex');

/** What a token gets when the POST body has no scope (assumption: full access to its application). */
export const DEFAULT_TOKEN_SCOPE = ['all.Application'];

interface TokenPost {
  name: string;
  description?: string;
  expirationDate?: string;
  scope?: string[];
  status?: LosantApiTokenRecord['status'];
}

export function listTokens({ state, params, query }: LosantContext): LosantResult {
  const q = parseListQuery(API_TOKENS_LIST, query);
  const app = findApplication(state, params.applicationId);
  const tokens = [...state.apiTokens.values()].filter((token) => token.applicationId === app.id);
  const page = applyListQuery(tokens, q, fieldText);
  return {
    status: 200,
    body: { ...page, items: page.items.map((token) => renderApiToken(token)), ownerId: app.id, ownerType: 'application' },
  };
}

export function createToken({ state, principal, params, body }: LosantContext): LosantResult {
  const app = findApplication(state, params.applicationId);
  const post = structuredClone(body) as TokenPost;
  const id = newObjectId();
  const now = state.clock.nowIso();
  const record: LosantApiTokenRecord = {
    id,
    applicationId: app.id,
    creatorId: principal.id,
    creatorType: principal.actorType,
    creatorName: principal.displayName,
    name: post.name,
    ...(post.description !== undefined ? { description: post.description } : {}),
    creationDate: now,
    lastUpdated: now,
    ...(post.expirationDate !== undefined ? { expirationDate: new Date(post.expirationDate).toISOString() } : {}),
    scope: post.scope ?? [...DEFAULT_TOKEN_SCOPE],
    status: post.status ?? 'active',
    token: jwtLikeToken({ sub: id, iss: 'losant-sandbox', iat: Math.floor(Date.parse(now) / 1000) }, SIGNING_KEY),
  };
  state.apiTokens.set(id, record);
  // The only response that ever carries the token string; it works as a bearer at once.
  return { status: 201, body: renderApiToken(record, { includeToken: true }) };
}

export function getToken({ state, params }: LosantContext): LosantResult {
  return { status: 200, body: renderApiToken(findToken({ state, params })) };
}

export function patchToken({ state, params, body }: LosantContext): LosantResult {
  const record = findToken({ state, params });
  Object.assign(record, structuredClone(body) as Partial<LosantApiTokenRecord>);
  record.lastUpdated = state.clock.nowIso();
  return { status: 200, body: renderApiToken(record) };
}

export function deleteToken({ state, params }: LosantContext): LosantResult {
  const record = findToken({ state, params });
  state.apiTokens.delete(record.id);
  return { status: 200, body: { success: true } };
}

function findToken({ state, params }: Pick<LosantContext, 'state' | 'params'>): LosantApiTokenRecord {
  const app = findApplication(state, params.applicationId);
  const record = state.apiTokens.get(params.apiTokenId);
  if (!record || record.applicationId !== app.id) throw notFound('ApiToken');
  return record;
}
