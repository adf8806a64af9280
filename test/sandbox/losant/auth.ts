// Who is calling: turns the Authorization header into a principal, and decides
// whether that principal may act on a given application.
import type { IncomingHttpHeaders } from 'node:http';
import { forbidden, unauthorized } from './errors';
import type { ActorType, LosantState } from './model';
import { SANDBOX_TOKENS } from './seed-data';

export interface Principal {
  kind: 'user' | 'apiToken';
  /** User id or API token id: what createdById / creatorId record. */
  id: string;
  actorType: ActorType;
  displayName: string;
  scope: readonly string[];
  /** Application API tokens only work on their own application. */
  applicationId?: string;
  /** Name for the request log: a SANDBOX_TOKENS key, or "apiToken:<id>". */
  logName: string;
}

const SANDBOX_TOKEN_NAMES = new Map<string, string>(Object.entries(SANDBOX_TOKENS).map(([name, token]) => [token, name]));

export function authenticate(state: LosantState, headers: IncomingHttpHeaders): Principal {
  const header = headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) throw unauthorized('Authorization header with a Bearer token is required');
  const bearer = match[1];

  const userToken = state.userTokens.get(bearer);
  if (userToken) {
    return {
      kind: 'user',
      id: userToken.userId,
      actorType: 'user',
      displayName: `${state.user.firstName} ${state.user.lastName}`,
      scope: userToken.scope,
      logName: userToken.name,
    };
  }

  for (const token of state.apiTokens.values()) {
    if (token.token !== bearer) continue;
    if (token.status !== 'active') throw unauthorized('Access token is inactive');
    if (token.expirationDate !== undefined && Date.parse(token.expirationDate) <= Date.now()) {
      throw unauthorized('Access token has expired');
    }
    return {
      kind: 'apiToken',
      id: token.id,
      actorType: 'apiToken',
      displayName: token.name,
      scope: token.scope,
      applicationId: token.applicationId,
      logName: SANDBOX_TOKEN_NAMES.get(bearer) ?? `apiToken:${token.id}`,
    };
  }
  // Deleted tokens end up here too: they simply no longer exist.
  throw unauthorized('Invalid access token');
}

export function assertApplicationAccess(principal: Principal, applicationId: string): void {
  if (principal.applicationId !== undefined && principal.applicationId !== applicationId) {
    throw forbidden(`Access token is not allowed to access application ${applicationId}`);
  }
}
