// An application as configured (one `appKeys.applications` entry), with everything derived from it
// resolved once: its identity, API origin and host, credential target and names. A bad platform or
// API URL does not throw here: the application carries the problem, for the tree to show.
import type { CredentialTarget } from './credentials';

/** An application as the user configures it (the `appKeys.applications` setting). */
export interface ApplicationRef {
  platform: string;
  applicationId: string;
  label?: string;
  apiUrl?: string;
  clientId?: string;
  /** The application's page in the platform's web console; `{applicationId}` is replaced by its ID. */
  consoleUrl?: string;
  /** The settings scope the entry was read from (never written back); undefined when not read from settings. */
  scope?: SettingsScope;
}

/** Where a setting's value comes from: the user's own settings, a workspace's, or a workspace folder's. */
export type SettingsScope = 'user' | 'workspace' | 'workspaceFolder';

export interface ConfiguredApplication extends ApplicationRef {
  /** Platform, API origin and ID: what tree nodes, documents and stored credentials are keyed by. */
  readonly identity: string;
  /** The API origin its credential is bound to ('' when the application cannot be used). */
  readonly origin: string;
  /** The host as shown to people and used in document URIs, with its port if any. */
  readonly host: string;
  readonly displayName: string;
  readonly platformName: string;
  /** What the stored secret is called on its platform: `API token`, `client secret`. */
  readonly credentialNoun: string;
  readonly credentialTarget: CredentialTarget;
  /** Why it cannot be used (an unknown platform, an API URL that is not allowed); undefined when it can. */
  readonly problem?: string;
}

export function isConfigured(app: ApplicationRef): app is ConfiguredApplication {
  return typeof (app as Partial<ConfiguredApplication>).identity === 'string';
}

/** Only the fields the user configures: what is written to settings. */
export function settingsEntry(app: ApplicationRef): Record<string, unknown> {
  const { platform, applicationId, label, apiUrl, clientId, consoleUrl } = app;
  return Object.fromEntries(Object.entries({ platform, applicationId, label, apiUrl, clientId, consoleUrl }).filter(([, v]) => v !== undefined));
}
