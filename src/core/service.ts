// The shared service module: the one API the VS Code layer calls. It owns the HTTP client and the
// platforms, and binds an application's settings and secret into a client for that application.
import * as l10n from '@vscode/l10n';
import { ApplicationRef, ConfiguredApplication, isConfigured } from './application';
import { ApplicationClient } from './applicationClient';
import { ApiError } from './errors';
import { HttpClient, HttpClientOptions } from './http';
import { ItemChanges } from './itemChanges';
import { registerSecret } from './masking';
import { createPlatforms } from './platforms';
import type { ApplicationList, Platform } from './platforms/platform';

export type { ApplicationRef } from './application';
export { ApplicationClient } from './applicationClient';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Checks an API base URL: https, or http on loopback only (the sandbox). */
export function checkApiUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ApiError(l10n.t('Not a valid URL: {0}', value), { kind: 'invalid-input' });
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ApiError(l10n.t('API URLs must use https (plain http is allowed only on loopback): {0}', url.origin), { kind: 'invalid-input' });
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ApiError(l10n.t('API URLs may not hold credentials, a query or a fragment: {0}', url.origin), { kind: 'invalid-input' });
  }
  return url;
}

export class AppKeysService {
  readonly http: HttpClient;
  /** Every create, update, status change and delete made through any application's client. */
  readonly changes = new ItemChanges();
  private readonly platforms: Map<string, Platform>;

  constructor(options: HttpClientOptions = {}) {
    this.http = new HttpClient(options);
    this.platforms = new Map(createPlatforms(this.http).map((p) => [p.id, p]));
  }

  get allPlatforms(): Platform[] {
    return [...this.platforms.values()];
  }

  platform(id: string): Platform {
    const platform = this.platforms.get(id);
    if (!platform) throw new ApiError(l10n.t('Unknown platform "{0}"', id), { kind: 'invalid-input' });
    return platform;
  }

  /** The base URL an application's requests go to (its origin is what its secret is bound to). */
  apiUrl(app: ApplicationRef): URL {
    return checkApiUrl(app.apiUrl || this.platform(app.platform).defaultApiUrl);
  }

  /** Lists the applications a credential can see, before an application is configured. */
  listApplications(
    platformId: string,
    apiUrl: string,
    secret: string,
    clientId: string | undefined,
    signal?: AbortSignal,
  ): Promise<ApplicationList | undefined> {
    registerSecret(secret);
    return this.platform(platformId).listApplications({ baseUrl: checkApiUrl(apiUrl).href, secret, clientId }, signal);
  }

  /** An application with its identity, origin, host and names resolved, once. */
  configure(ref: ApplicationRef): ConfiguredApplication {
    if (isConfigured(ref)) return ref;
    let platformName = ref.platform;
    let credentialNoun = 'credential';
    let origin = '';
    let host = '';
    let problem: string | undefined;
    try {
      const platform = this.platform(ref.platform);
      platformName = platform.name;
      credentialNoun = platform.credentialName;
      // Checked where settings are read: an ID such as `8443:<id>` would otherwise blur origin and ID.
      if (!platform.applicationIdPattern.test(ref.applicationId)) {
        throw new Error(
          l10n.t(
            'The "applicationId" {0} in the appKeys.applications setting is not a {1} {2} ID; this entry is not used until it is corrected.',
            JSON.stringify(ref.applicationId).slice(0, 80),
            platform.name,
            platform.applicationNoun,
          ),
        );
      }
      const url = this.apiUrl(ref);
      origin = url.origin;
      host = url.host;
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    return {
      ...ref,
      identity: problem === undefined ? `${ref.platform}:${origin}:${ref.applicationId}` : `${ref.platform}:invalid:${ref.applicationId}`,
      origin,
      host,
      displayName: ref.label || ref.applicationId,
      platformName,
      credentialNoun,
      credentialTarget: { platform: ref.platform, origin, applicationId: ref.applicationId, clientId: ref.clientId },
      problem,
    };
  }

  /** A client for `app`; its secret is registered for masking before any request can carry it. */
  forApplication(ref: ApplicationRef, secret: string): ApplicationClient {
    registerSecret(secret);
    const app = this.configure(ref);
    if (app.problem !== undefined) throw new ApiError(app.problem, { kind: 'invalid-input' });
    const platform = this.platform(app.platform);
    return new ApplicationClient(platform, app, { baseUrl: this.apiUrl(app).href, secret, clientId: app.clientId }, this.changes);
  }

  dispose(): Promise<void> {
    return this.http.close();
  }
}
