// The parts of undici App Keys uses, loaded from undici's own modules rather than its index, which
// would also bundle fetch, WebSocket, the cache and the mock agent (about 200 KB we never run).
import type { Agent as AgentType, Dispatcher, EnvHttpProxyAgent as EnvHttpProxyAgentType, errors as ErrorsType } from 'undici';

/* eslint-disable @typescript-eslint/no-require-imports */
// As undici's index does, the two dispatcher methods App Keys runs: request, and connect (ProxyAgent's tunnels).
Object.assign((require('undici/lib/dispatcher/dispatcher') as { prototype: object }).prototype, {
  request: require('undici/lib/api/api-request') as unknown,
  connect: require('undici/lib/api/api-connect') as unknown,
});
export const Agent = require('undici/lib/dispatcher/agent') as typeof AgentType;
export const EnvHttpProxyAgent = require('undici/lib/dispatcher/env-http-proxy-agent') as typeof EnvHttpProxyAgentType;
export const errors = require('undici/lib/core/errors') as typeof ErrorsType;
/* eslint-enable @typescript-eslint/no-require-imports */

/** undici's `request`, sent through the given dispatcher. */
export function request(dispatcher: Dispatcher, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData> {
  return dispatcher.request(options);
}
