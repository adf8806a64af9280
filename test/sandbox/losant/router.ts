// The Losant platform: route table plus the request pipeline every action goes through.
//
// Order of checks, so each failure has one well-defined answer:
//   unknown path -> 404 NotFound "Route not found"
//   known path, other method -> 405 MethodNotAllowed (+ Allow header). Chosen over 404
//     so a client bug (wrong verb) is distinguishable from a wrong URL.
//   no/invalid bearer -> 401, missing scope -> 403, malformed path id -> 400,
//   token of another application -> 403, bad query/body -> 400, missing record -> 404.
import { OBJECT_ID_PATTERN } from '../ids';
import { parseJson } from '../http-util';
import type { PlatformRouter, SandboxRequest, SandboxResponse } from '../platform';
import { RouteTable } from '../route-table';
import { assertApplicationAccess, authenticate, type Principal } from './auth';
import { LosantError, forbidden, routeNotFound, validationError } from './errors';
import { getApplication, getMe, listApplications } from './handlers-applications';
import { createKey, deleteKey, getKey, listKeys, patchKey } from './handlers-keys';
import { listDevices } from './handlers-devices';
import { createToken, deleteToken, getToken, listTokens, patchToken } from './handlers-tokens';
import type { LosantState } from './model';
import type { LosantRoute } from './route';
import { apiTokenPatchSchema, applicationApiTokenPostSchema, applicationKeyPatchSchema, applicationKeyPostSchema, bodyValidator } from './schemas';
import { allowedScopes, hasAllowedScope } from './scopes';

const APP = '/applications/{applicationId}';

export const LOSANT_ROUTES: readonly LosantRoute[] = [
  { method: 'GET', template: '/me', group: 'me', action: 'get', handle: getMe },
  { method: 'GET', template: '/applications', group: 'applications', action: 'get', handle: listApplications },
  { method: 'GET', template: APP, group: 'application', action: 'get', handle: getApplication },
  { method: 'GET', template: `${APP}/keys`, group: 'applicationKeys', action: 'get', handle: listKeys },
  {
    method: 'POST',
    template: `${APP}/keys`,
    group: 'applicationKeys',
    action: 'post',
    handle: createKey,
    body: { param: 'applicationKey', validate: bodyValidator('applicationKey', applicationKeyPostSchema) },
  },
  { method: 'GET', template: `${APP}/keys/{applicationKeyId}`, group: 'applicationKey', action: 'get', handle: getKey },
  {
    method: 'PATCH',
    template: `${APP}/keys/{applicationKeyId}`,
    group: 'applicationKey',
    action: 'patch',
    handle: patchKey,
    body: { param: 'applicationKey', validate: bodyValidator('applicationKey', applicationKeyPatchSchema) },
  },
  { method: 'DELETE', template: `${APP}/keys/{applicationKeyId}`, group: 'applicationKey', action: 'delete', handle: deleteKey },
  { method: 'GET', template: `${APP}/tokens`, group: 'applicationApiTokens', action: 'get', handle: listTokens },
  {
    method: 'POST',
    template: `${APP}/tokens`,
    group: 'applicationApiTokens',
    action: 'post',
    handle: createToken,
    body: { param: 'apiToken', validate: bodyValidator('apiToken', applicationApiTokenPostSchema) },
  },
  { method: 'GET', template: `${APP}/tokens/{apiTokenId}`, group: 'applicationApiToken', action: 'get', handle: getToken },
  {
    method: 'PATCH',
    template: `${APP}/tokens/{apiTokenId}`,
    group: 'applicationApiToken',
    action: 'patch',
    handle: patchToken,
    body: { param: 'apiToken', validate: bodyValidator('apiToken', apiTokenPatchSchema) },
  },
  { method: 'DELETE', template: `${APP}/tokens/{apiTokenId}`, group: 'applicationApiToken', action: 'delete', handle: deleteToken },
  { method: 'GET', template: `${APP}/devices`, group: 'devices', action: 'get', handle: listDevices },
];

export function createLosantRouter(state: LosantState): PlatformRouter {
  const table = new RouteTable(LOSANT_ROUTES);

  function handle(request: SandboxRequest): SandboxResponse {
    let principal: Principal | undefined;
    try {
      const match = table.match(request.method, request.path);
      if (match.kind === 'notFound') throw routeNotFound();
      if (match.kind === 'methodNotAllowed') {
        throw new LosantError(405, 'MethodNotAllowed', `${request.method} is not allowed on ${request.path}`, {
          Allow: match.allow.join(', '),
        });
      }
      const { route, params } = match;
      principal = authenticate(state, request.headers);
      if (!hasAllowedScope(principal.scope, route.group, route.action, route.method)) {
        const allowed = allowedScopes(route.group, route.action, route.method).join(', ');
        throw forbidden(`Access token lacks a scope for ${route.group}.${route.action}; one of these is required: ${allowed}`);
      }
      // Every Losant path parameter (applicationId, applicationKeyId, apiTokenId) has the pattern ^[A-Fa-f\d]{24}$.
      for (const [name, value] of Object.entries(params)) {
        if (!OBJECT_ID_PATTERN.test(value)) throw validationError(`${name} must be 24 hexadecimal characters, got "${value}"`);
      }
      if (params.applicationId !== undefined) assertApplicationAccess(principal, params.applicationId);
      const body = route.body ? parseBody(request.rawBody, route.body) : undefined;
      const result = route.handle({ state, principal, params, query: request.query, body });
      return { status: result.status, body: result.body, principalName: principal.logName };
    } catch (err) {
      if (err instanceof LosantError) return err.toResponse(principal?.logName);
      throw err;
    }
  }

  return {
    name: 'losant',
    owns: () => true, // fallback platform: everything not claimed by another one
    handle,
    error: (status, type, message) => new LosantError(status, type, message).toResponse(),
  };
}

function parseBody(raw: string, spec: NonNullable<LosantRoute['body']>): unknown {
  if (raw.trim() === '') throw validationError(`${spec.param} is required in the request body`);
  const parsed = parseJson(raw);
  if (!parsed.ok) throw validationError(`Request body is not valid JSON: ${parsed.message}`);
  const problem = spec.validate(parsed.value);
  if (problem !== undefined) throw validationError(problem);
  return parsed.value;
}
