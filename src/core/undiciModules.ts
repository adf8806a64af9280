// The undici modules App Keys runs, taken from undici's own files rather than its index, which would
// also bring fetch, WebSocket, the cache and the mock agent (about 200 KB never run). Required only by
// undici() (undici.ts), at the first request; the production build bundles this module alone as
// dist/undici.js, so neither reading nor compiling undici is part of activation.
/* eslint-disable @typescript-eslint/no-require-imports */
import type { Agent as AgentType, EnvHttpProxyAgent as EnvHttpProxyAgentType, errors as ErrorsType } from 'undici';

// As undici's index does, the two dispatcher methods App Keys runs: request, and connect (ProxyAgent's tunnels).
Object.assign((require('undici/lib/dispatcher/dispatcher') as { prototype: object }).prototype, {
  request: require('undici/lib/api/api-request') as unknown,
  connect: require('undici/lib/api/api-connect') as unknown,
});

export const Agent = require('undici/lib/dispatcher/agent') as typeof AgentType;
export const EnvHttpProxyAgent = require('undici/lib/dispatcher/env-http-proxy-agent') as typeof EnvHttpProxyAgentType;
export const errors = require('undici/lib/core/errors') as typeof ErrorsType;
