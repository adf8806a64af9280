// The Elastic Path platform: owns /oauth/... and /v2/...; route table plus the request
// pipeline every action goes through.
//
// Order of checks, so each failure has one well-defined answer:
//   unknown path -> 404 "route not found"
//   known path, other method -> 405 (+ Allow header), as the Losant side does
//   /oauth/access_token: see auth.ts (400 / 401 / 200)
//   /v2: no, unknown, expired or revoked bearer -> 401; implicit token -> 403;
//   id that is not a UUID -> 404 "application key not found" (the spec documents only 404
//   for this path parameter, and a malformed id names no key either); bad query/body -> 400;
//   missing key -> 404; reserved rate limits over the store's -> 409.
import type { PlatformRouter, SandboxRequest, SandboxResponse } from '../platform';
import { RouteTable, type RouteDef } from '../route-table';
import { assertCanManageKeys, authenticate, issueAccessToken, type ElasticPathPrincipal } from './auth';
import { parseKeyBody } from './body';
import { ElasticPathError, keyNotFound, routeNotFound } from './errors';
import { createKey, deleteKey, getKey, listKeys, updateKey, type ElasticPathContext, type ElasticPathResult } from './handlers-keys';
import type { ElasticPathState } from './model';

export const EP_UUID_PATTERN = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;

export interface ElasticPathRoute extends RouteDef {
  /** Which body the route takes: "create" (name required) or "update". */
  body?: 'create' | 'update';
  handle(ctx: ElasticPathContext): ElasticPathResult;
}

const KEY = '/v2/application-keys/{application_key_id}';

export const ELASTICPATH_ROUTES: readonly ElasticPathRoute[] = [
  { method: 'GET', template: '/v2/application-keys', handle: listKeys },
  { method: 'POST', template: '/v2/application-keys', body: 'create', handle: createKey },
  { method: 'GET', template: KEY, handle: getKey },
  { method: 'PUT', template: KEY, body: 'update', handle: updateKey },
  { method: 'DELETE', template: KEY, handle: deleteKey },
];

const OAUTH_ROUTE: RouteDef = { method: 'POST', template: '/oauth/access_token' };

/** origin() is the sandbox's own http://127.0.0.1:port, known once it listens. */
export function createElasticPathRouter(state: ElasticPathState, origin: () => string): PlatformRouter {
  const table = new RouteTable<RouteDef & Partial<ElasticPathRoute>>([OAUTH_ROUTE, ...ELASTICPATH_ROUTES]);

  function handle(request: SandboxRequest): SandboxResponse {
    let principal: ElasticPathPrincipal | undefined;
    try {
      const match = table.match(request.method, request.path);
      if (match.kind === 'notFound') throw routeNotFound();
      if (match.kind === 'methodNotAllowed') {
        throw new ElasticPathError(405, [`${request.method} is not allowed on ${request.path}`], { Allow: match.allow.join(', ') });
      }
      const { route, params } = match;
      if (route === OAUTH_ROUTE) return issueAccessToken(state, request);

      principal = authenticate(state, request.headers);
      assertCanManageKeys(principal);
      const id = params.application_key_id;
      if (id !== undefined && !EP_UUID_PATTERN.test(id)) throw keyNotFound();
      const body = route.body ? parseKeyBody(request.rawBody, route.body) : {};
      const result = route.handle!({ state, params, query: request.query, body, origin: origin() });
      return { status: result.status, body: result.body, principalName: principal.logName };
    } catch (err) {
      if (err instanceof ElasticPathError) return err.toResponse(principal?.logName);
      throw err;
    }
  }

  return {
    name: 'elasticpath',
    owns: (path) => ['/oauth', '/v2'].some((prefix) => path === prefix || path.startsWith(`${prefix}/`)),
    handle,
    // type is the Losant-style error name; Elastic Path titles errors by status instead.
    error: (status, _type, message) => new ElasticPathError(status, [message]).toResponse(),
  };
}
