// Public entry point of the local API sandbox used by tests and demos.
export { startSandbox } from './server';
export { callSandbox, type SandboxCallOptions, type SandboxReply } from './client';
export type { RecordedRequest, Sandbox, SandboxOptions } from './server';
export type { SandboxState } from './state';
export type { ExtraKeys } from './losant/seed';
export type {
  LosantApiTokenRecord, LosantApplication, LosantKeyRecord, LosantState, LosantUserToken,
} from './losant/model';
export {
  SANDBOX_APPS, SANDBOX_KEY_COUNTS, SANDBOX_ORG, SANDBOX_TOKENS, SANDBOX_USER, type SandboxTokenName,
} from './losant/seed-data';
export { allowedScopes, hasAllowedScope } from './losant/scopes';
export { LOSANT_ROUTES } from './losant/router';
export { DEFAULT_TOKEN_SCOPE } from './losant/handlers-tokens';
export { DEFAULT_PER_PAGE, MAX_PER_PAGE, globToRegExp } from './losant/list-query';
