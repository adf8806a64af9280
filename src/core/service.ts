// The shared service module: the one API the VS Code layer calls. It owns the HTTP client and the
// platforms, and binds an application's settings and secret into a client for that application.
import { ApiError } from './errors';
import { HttpClient, HttpClientOptions } from './http';
import { registerSecret } from './masking';
import { ElasticPathPlatform } from './platforms/elasticpath';
import { LosantPlatform } from './platforms/losant';
import type {
  ApplicationList,
  ApplicationSummary,
  Connection,
  CreateResult,
  ListQuery,
  Page,
  Platform,
  ResourceItem,
  ResourceType,
} from './platforms/platform';

/** An application as configured by the user (the `appKeys.applications` setting). */
export interface ApplicationRef {
  platform: string;
  applicationId: string;
  label?: string;
  apiUrl?: string;
  clientId?: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Checks an API base URL: https, or http on loopback only (the sandbox). */
export function checkApiUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ApiError(`Not a valid URL: ${value}`, { kind: 'invalid-input' });
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ApiError(`API URLs must use https (plain http is allowed only on loopback): ${url.origin}`, { kind: 'invalid-input' });
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ApiError(`API URLs may not hold credentials, a query or a fragment: ${url.origin}`, { kind: 'invalid-input' });
  }
  return url;
}

export class ApplicationClient {
  constructor(
    readonly platform: Platform,
    readonly app: ApplicationRef,
    private readonly conn: Connection,
  ) {}

  get applicationId(): string {
    return this.app.applicationId;
  }

  resource(id: string): ResourceType {
    return this.platform.resource(id);
  }
  getApplication(signal?: AbortSignal): Promise<ApplicationSummary> {
    return this.run(this.platform.getApplication(this.conn, this.applicationId, signal));
  }
  list(resource: ResourceType, query: ListQuery, signal?: AbortSignal): Promise<Page> {
    return this.run(this.platform.list(this.conn, this.applicationId, resource, query, signal));
  }
  get(resource: ResourceType, id: string, signal?: AbortSignal): Promise<ResourceItem> {
    return this.run(this.platform.get(this.conn, this.applicationId, resource, id, signal));
  }
  create(resource: ResourceType, input: Record<string, unknown>, signal?: AbortSignal): Promise<CreateResult> {
    return this.run(this.platform.create(this.conn, this.applicationId, resource, input, signal));
  }
  update(resource: ResourceType, id: string, patch: Record<string, unknown>, signal?: AbortSignal): Promise<ResourceItem> {
    return this.run(this.platform.update(this.conn, this.applicationId, resource, id, patch, signal));
  }
  remove(resource: ResourceType, id: string, signal?: AbortSignal): Promise<void> {
    return this.run(this.platform.remove(this.conn, this.applicationId, resource, id, signal));
  }
  /** Whether the item is the credential this client itself authenticates with. */
  isOwnCredential(resource: ResourceType, item: ResourceItem): boolean {
    return this.platform.isOwnCredential(this.conn, resource, item);
  }

  /** Names the application on errors, so the layer above can offer to fix its credential. */
  private async run<T>(call: Promise<T>): Promise<T> {
    try {
      return await call;
    } catch (error) {
      if (error instanceof ApiError) error.application ??= this.app;
      throw error;
    }
  }
}

export class AppKeysService {
  readonly http: HttpClient;
  private readonly platforms: Map<string, Platform>;

  constructor(options: HttpClientOptions = {}) {
    this.http = new HttpClient(options);
    this.platforms = new Map([new LosantPlatform(this.http), new ElasticPathPlatform(this.http)].map((p) => [p.id, p]));
  }

  get allPlatforms(): Platform[] {
    return [...this.platforms.values()];
  }

  platform(id: string): Platform {
    const platform = this.platforms.get(id);
    if (!platform) throw new ApiError(`Unknown platform "${id}"`, { kind: 'invalid-input' });
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

  /** A client for `app`; its secret is registered for masking before any request can carry it. */
  forApplication(app: ApplicationRef, secret: string): ApplicationClient {
    registerSecret(secret);
    const platform = this.platform(app.platform);
    return new ApplicationClient(platform, app, { baseUrl: this.apiUrl(app).href, secret, clientId: app.clientId });
  }

  dispose(): Promise<void> {
    return this.http.close();
  }
}
