// POST /oauth/access_token (client_credentials and implicit grants) and the bearer
// check every /v2 request goes through.
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { SandboxRequest, SandboxResponse } from '../platform';
import { forbidden, oauthBadRequest, unauthorized } from './errors';
import type { ElasticPathAccessToken, ElasticPathGrant, ElasticPathKeyRecord, ElasticPathState } from './model';

export interface ElasticPathPrincipal {
  key: ElasticPathKeyRecord;
  token: ElasticPathAccessToken;
  logName: string;
}

/** Request-log name of a client: never the secret, nor the access token. */
export function logNameOf(key: ElasticPathKeyRecord, grant: ElasticPathGrant = 'client_credentials'): string {
  return grant === 'implicit' ? `ep:${key.id}:implicit` : `ep:${key.id}`;
}

const FORM_TYPE = 'application/x-www-form-urlencoded';

/**
 * Answers like Elastic Path: a flat { access_token, token_type, expires_in, expires, identifier }.
 * (The authentication OpenAPI example nests it under "data", but Elastic Path's own JS SDK reads
 * access_token / expires at the top level of the reply, which is what the real service sends.)
 *
 * Failures: not a form body, no/unknown grant_type, no client_id -> 400 with the documented body
 * { errors: [{ title: "Bad Request", status: "400" }] }; unknown client_id, wrong or missing
 * client_secret (client_credentials) -> 401 { errors: [{ title: "Unauthorized", status: "401" }] }.
 */
export function issueAccessToken(state: ElasticPathState, request: SandboxRequest): SandboxResponse {
  const contentType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (contentType !== FORM_TYPE) throw oauthBadRequest();
  const form = new URLSearchParams(request.rawBody);
  const grant = form.get('grant_type');
  if (grant !== 'client_credentials' && grant !== 'implicit') throw oauthBadRequest();
  const clientId = form.get('client_id');
  if (!clientId) throw oauthBadRequest();

  const key = findKeyByClientId(state, clientId);
  if (!key) throw unauthorized();
  // A client_secret sent with an implicit grant is ignored: implicit needs only the public client_id.
  if (grant === 'client_credentials' && form.get('client_secret') !== key.client_secret) {
    return { ...unauthorized().toResponse(), principalName: logNameOf(key, grant) };
  }

  const nowMs = Date.now();
  const lifetime = state.tokenLifetimeSeconds;
  const accessToken = randomBytes(20).toString('hex');
  state.accessTokens.set(accessToken, { keyId: key.id, identifier: grant, issuedAtMs: nowMs, expiresAtMs: nowMs + lifetime * 1000 });
  // "Approximate last used date": the moment the key's credentials were last exchanged for a token.
  key.last_used_at = state.clock.nowIso();
  return {
    status: 200,
    body: {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: lifetime,
      expires: Math.floor(nowMs / 1000) + lifetime,
      identifier: grant,
    },
    principalName: logNameOf(key, grant),
  };
}

function findKeyByClientId(state: ElasticPathState, clientId: string): ElasticPathKeyRecord | undefined {
  for (const key of state.keys.values()) if (key.client_id === clientId) return key;
  return undefined;
}

/** No, unknown, expired or revoked bearer -> 401 (the documented body, no detail). */
export function authenticate(state: ElasticPathState, headers: IncomingHttpHeaders): ElasticPathPrincipal {
  const header = headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) throw unauthorized();
  const token = state.accessTokens.get(match[1]);
  if (!token) throw unauthorized();
  if (Date.now() >= token.expiresAtMs) {
    state.accessTokens.delete(match[1]);
    throw unauthorized();
  }
  // Deleting a key removes its tokens too; this also covers keys removed from the state directly.
  const key = state.keys.get(token.keyId);
  if (!key) throw unauthorized();
  return { key, token, logName: logNameOf(key, token.identifier) };
}

/** Implicit tokens are read-only storefront tokens: they may not manage application keys. */
export function assertCanManageKeys(principal: ElasticPathPrincipal): void {
  if (principal.token.identifier !== 'client_credentials') {
    throw forbidden('application keys can only be managed with a client_credentials token');
  }
}

/** Revokes every access token made from a key's credentials (on delete). */
export function revokeTokensOf(state: ElasticPathState, keyId: string): void {
  for (const [bearer, token] of state.accessTokens) if (token.keyId === keyId) state.accessTokens.delete(bearer);
}
