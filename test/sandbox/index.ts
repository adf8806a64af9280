// Public entry point of the local API sandbox used by tests and demos.
export { startSandbox } from './server';
export { callSandbox, type SandboxCallOptions, type SandboxReply } from './client';
export type { RecordedRequest, Sandbox, SandboxOptions } from './server';
export type { SandboxExtraKeys, SandboxState } from './state';
export type { ExtraDevices, ExtraKeys } from './losant/seed';
export type { LosantApiTokenRecord, LosantApplication, LosantKeyRecord, LosantState, LosantUserToken } from './losant/model';
export { SANDBOX_APPS, SANDBOX_KEY_COUNTS, SANDBOX_ORG, SANDBOX_TOKENS, SANDBOX_USER, type SandboxTokenName } from './losant/seed-data';
export { allowedScopes, hasAllowedScope } from './losant/scopes';
export { LOSANT_ROUTES } from './losant/router';
export { DEFAULT_TOKEN_SCOPE } from './losant/handlers-tokens';
export { DEFAULT_PER_PAGE, MAX_PER_PAGE, globMatches } from './losant/list-query';
// Elastic Path Commerce Cloud: one store (Demo Store) under /oauth/ and /v2/.
export {
  EP_DEFAULT_PAGE_LENGTH,
  EP_DEFAULT_TOKEN_LIFETIME_SECONDS,
  SANDBOX_EP,
  SANDBOX_EP_KEYS,
  SANDBOX_EP_KEY_COUNT,
  SANDBOX_EP_RESERVED_TOTAL,
} from './elasticpath/seed-data';
export type { ElasticPathExtraKeys } from './elasticpath/seed';
export type { ElasticPathAccessToken, ElasticPathGrant, ElasticPathKeyRecord, ElasticPathState, ElasticPathStore } from './elasticpath/model';
export { ELASTICPATH_ROUTES, EP_UUID_PATTERN } from './elasticpath/router';
export { EP_MAX_PAGE_LIMIT, EP_MAX_PAGE_OFFSET } from './elasticpath/pagination';
export { EP_NAME_MAX_LENGTH } from './elasticpath/body';
// Fault modes (see README "Fault modes") and a counting loopback-only forward proxy.
export { FAULT_KINDS, PROCESSING_FAULTS, mulberry32, noFaults, type FaultKind, type SandboxFaults } from './faults';
export { isLoopbackHost, startProxy, type LoopbackProxy, type ProxiedRequest, type ProxyOptions, type RefusedProxyRequest } from './proxy';
