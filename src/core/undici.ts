// The parts of undici App Keys uses, loaded from undici's own modules rather than its index, which
// would also bundle fetch, WebSocket, the cache and the mock agent (about 200 KB we never run), and
// loaded at the first request rather than at activation (opening the view needs none of it).
import type { Agent as AgentType, Dispatcher, EnvHttpProxyAgent as EnvHttpProxyAgentType, errors as ErrorsType } from 'undici';

interface Undici {
  Agent: typeof AgentType;
  EnvHttpProxyAgent: typeof EnvHttpProxyAgentType;
  errors: typeof ErrorsType;
}

let loaded: Undici | undefined;

export function undici(): Undici {
  if (loaded) return loaded;
  /* eslint-disable @typescript-eslint/no-require-imports */
  // As undici's index does, the two dispatcher methods App Keys runs: request, and connect (ProxyAgent's tunnels).
  Object.assign((require('undici/lib/dispatcher/dispatcher') as { prototype: object }).prototype, {
    request: require('undici/lib/api/api-request') as unknown,
    connect: require('undici/lib/api/api-connect') as unknown,
  });
  loaded = {
    Agent: require('undici/lib/dispatcher/agent') as typeof AgentType,
    EnvHttpProxyAgent: require('undici/lib/dispatcher/env-http-proxy-agent') as typeof EnvHttpProxyAgentType,
    errors: require('undici/lib/core/errors') as typeof ErrorsType,
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  return loaded;
}

/** undici's `request`, sent through the given dispatcher. */
export function request(dispatcher: Dispatcher, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData> {
  return dispatcher.request(options);
}
