// Elastic Path Commerce Cloud: application keys of a store, reached with client credentials.
// Access tokens come from POST /oauth/access_token and are kept in memory only, until shortly
// before they expire; a 401 on a cached token gets one new token and one retry, never a loop.
import * as l10n from '@vscode/l10n';
import { ApiError } from '../errors';
import { asRecord, findResource, listField, scalarText } from './shared';
import { toPage } from '../paging';
import { hideSecretFields } from '../secretFields';
import { HttpClient, HttpRequest, HttpResponse, segment } from '../http';
import { checkId, UUID } from '../ids';
import { registerSecret } from '../masking';
import type {
  ApplicationSummary,
  Connection,
  CreateResult,
  HostPreset,
  ListQuery,
  OneTimeSecret,
  Page,
  Platform,
  ResourceItem,
  ResourceType,
} from './platform';
import applicationKeyCreate from '../../../schemas/elasticpath/applicationKeyCreate.json';
import applicationKeyUpdate from '../../../schemas/elasticpath/applicationKeyUpdate.json';

const EXPIRY_MARGIN_MS = 60_000;
const MAX_PAGE_LIMIT = 100;

function timestamps(data: Record<string, unknown>): Record<string, unknown> {
  return asRecord(asRecord(data.meta).timestamps);
}

function toItem(value: unknown): ResourceItem {
  const data = hideSecretFields(asRecord(value));
  const updated = timestamps(data).updated_at;
  return { id: scalarText(data.id), version: typeof updated === 'string' ? updated : undefined, data };
}

export const elasticPathKeys: ResourceType = {
  id: 'keys',
  get label() {
    return l10n.t('Application Keys');
  },
  get noun() {
    return l10n.t('application key');
  },
  idPattern: UUID,
  argName: 'keyId',
  patchSchema: applicationKeyUpdate,
  postSchema: applicationKeyCreate,
  createTemplate: () => ({ name: '', reserved_rate_limit: 0 }),
  createFields: [
    {
      name: 'name',
      get prompt() {
        return l10n.t('Name of the new application key');
      },
      required: true,
      maxLength: 255,
    },
    {
      name: 'reserved_rate_limit',
      get prompt() {
        return l10n.t('Reserved rate limit in requests per second (optional)');
      },
      required: false,
      kind: 'integer',
    },
  ],
  editableFields: (item) => {
    const { name, reserved_rate_limit } = item.data;
    return Object.fromEntries(Object.entries({ name, reserved_rate_limit }).filter(([, v]) => v !== undefined));
  },
  summarize(item) {
    const limit = item.data.reserved_rate_limit;
    const lastUsed = timestamps(item.data).last_used_at;
    return {
      label: typeof item.data.name === 'string' && item.data.name ? item.data.name : item.id,
      description: [
        typeof limit === 'number' && limit > 0 ? l10n.t('reserved {0}/s', limit) : undefined,
        typeof lastUsed === 'string' ? l10n.t('used {0}', lastUsed.slice(0, 10)) : l10n.t('never used'),
      ]
        .filter(Boolean)
        .join(' · '),
      active: true,
      copyValue: typeof item.data.client_id === 'string' ? item.data.client_id : item.id,
    };
  },
  deactivates: () => false,
  // Pages of at most 100, offsets up to 10,000 (the API's limits).
  paging: { maxPerPage: MAX_PAGE_LIMIT, concurrency: 6, reachable: 10_000 + MAX_PAGE_LIMIT },
  copyLabel: 'client ID',
  searchFields: ['name', 'client_id'],
  // The API neither filters nor sorts: lists are filtered and sorted here.
  serverQuery: false,
  sortFields: [
    listField('name', () => l10n.t('Name')),
    listField('created_at', () => l10n.t('Creation date')),
    listField('updated_at', () => l10n.t('Last update')),
    listField('last_used_at', () => l10n.t('Last use')),
  ],
  filterFields: [listField('name', () => l10n.t('Name'))],
  fieldValue(item, field) {
    const value = field in item.data ? item.data[field] : timestamps(item.data)[field];
    return value !== null && typeof value === 'object' ? JSON.stringify(value) : scalarText(value);
  },
  createdAt(item) {
    const created = timestamps(item.data).created_at;
    return typeof created === 'string' ? created : undefined;
  },
  lastUsed(item) {
    const used = timestamps(item.data).last_used_at;
    return typeof used === 'string' ? used : null;
  },
  copyInput: (item, name) => {
    const limit = item.data.reserved_rate_limit;
    return typeof limit === 'number' && limit > 0 ? { name, reserved_rate_limit: limit } : { name };
  },
};

interface CachedToken {
  value: string;
  expiresAt: number;
}

export class ElasticPathPlatform implements Platform {
  readonly id = 'elasticpath';
  readonly name = 'Elastic Path';
  readonly defaultApiUrl = 'https://useast.api.elasticpath.com';
  readonly hostPresets: readonly HostPreset[] = [
    { label: 'US East', url: 'https://useast.api.elasticpath.com' },
    { label: 'EU West', url: 'https://euwest.api.elasticpath.com' },
  ];
  get applicationNoun(): string {
    return l10n.t('store');
  }
  get applicationIdHint(): string {
    return l10n.t('shown in Commerce Manager under Store Settings');
  }
  readonly applicationIdPattern = UUID;
  get credentialName(): string {
    return l10n.t('client secret');
  }
  readonly needsClientId = true;
  readonly resources: readonly ResourceType[] = [elasticPathKeys];
  /** Access tokens by origin, client ID and secret; in memory only. */
  private readonly tokens = new Map<string, Promise<CachedToken>>();

  constructor(private readonly http: HttpClient) {}

  resource(id: string): ResourceType {
    return findResource(this.resources, id, this.name);
  }

  /** Client credentials cannot list stores: the store ID is asked for instead. */
  listApplications(): Promise<undefined> {
    return Promise.resolve(undefined);
  }

  /** Checks the credentials (by getting an access token); the store's name is not in this API. */
  async getApplication(conn: Connection, applicationId: string, signal?: AbortSignal): Promise<ApplicationSummary> {
    const storeId = checkId(applicationId, UUID, () => l10n.t('store ID'));
    await this.accessToken(conn, signal);
    return { id: storeId, name: storeId };
  }

  isOwnCredential(conn: Connection, _resource: ResourceType, item: ResourceItem): boolean {
    return conn.clientId !== undefined && item.data.client_id === conn.clientId;
  }

  async list(conn: Connection, _applicationId: string, _resource: ResourceType, query: ListQuery, signal?: AbortSignal): Promise<Page> {
    const limit = Math.min(query.perPage, MAX_PAGE_LIMIT);
    const body = asRecord(
      await this.call(conn, {
        method: 'GET',
        path: '/v2/application-keys',
        query: { 'page[offset]': query.page * limit, 'page[limit]': limit },
        signal,
      }),
    );
    const meta = asRecord(body.meta);
    const items = Array.isArray(body.data) ? body.data.map(toItem) : [];
    const reserved = meta.total_reserved_rate_limit;
    const note = typeof reserved === 'number' ? l10n.t('{0}/s reserved', reserved) : undefined;
    return toPage(items, { page: query.page, perPage: limit }, { totalCount: asRecord(meta.results).total, perPage: limit }, note);
  }

  async get(conn: Connection, _applicationId: string, resource: ResourceType, id: string, signal?: AbortSignal): Promise<ResourceItem> {
    return toItem(asRecord(await this.call(conn, { method: 'GET', path: this.itemPath(resource, id), signal })).data);
  }

  async create(conn: Connection, _applicationId: string, _resource: ResourceType, input: Record<string, unknown>, signal?: AbortSignal): Promise<CreateResult> {
    const body = asRecord(
      await this.call(conn, {
        method: 'POST',
        path: '/v2/application-keys',
        json: { data: { type: 'application_key', ...input } },
        signal,
      }),
    );
    const { client_secret: secret, ...data } = asRecord(body.data);
    const oneTimeSecrets: OneTimeSecret[] = [];
    if (typeof data.client_id === 'string') oneTimeSecrets.push({ label: 'client_id', value: data.client_id, public: true });
    if (typeof secret === 'string') {
      registerSecret(secret);
      oneTimeSecrets.push({ label: 'client_secret', value: secret });
    }
    return { item: toItem(data), oneTimeSecrets };
  }

  async update(
    conn: Connection,
    _applicationId: string,
    resource: ResourceType,
    id: string,
    patch: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<ResourceItem> {
    const body = asRecord(
      await this.call(conn, {
        method: 'PUT',
        path: this.itemPath(resource, id),
        json: { data: { type: 'application_key', ...patch } },
        signal,
      }),
    );
    return toItem(body.data);
  }

  async remove(conn: Connection, _applicationId: string, resource: ResourceType, id: string, signal?: AbortSignal): Promise<void> {
    await this.call(conn, { method: 'DELETE', path: this.itemPath(resource, id), signal });
  }

  private itemPath(resource: ResourceType, id: string): string {
    return `/v2/application-keys/${segment(checkId(id, resource.idPattern, () => l10n.t('{0} ID', resource.noun)))}`;
  }

  private async call(conn: Connection, req: Omit<HttpRequest, 'baseUrl' | 'headers'>): Promise<unknown> {
    const hadToken = this.tokens.has(this.tokenKey(conn));
    let response = await this.send(conn, req);
    if (response.status === 401 && hadToken) {
      // The cached token was revoked or expired early: one new token, one retry.
      this.tokens.delete(this.tokenKey(conn));
      response = await this.send(conn, req);
    }
    if (response.status < 400) return response.body;
    // A retried delete that finds nothing: the first try did it.
    if (response.status === 404 && req.method === 'DELETE' && response.attempts > 1) return undefined;
    throw toApiError(response, req.method, req.path);
  }

  private async send(conn: Connection, req: Omit<HttpRequest, 'baseUrl' | 'headers'>): Promise<HttpResponse> {
    const token = await this.accessToken(conn, req.signal);
    return this.http.send({ ...req, baseUrl: conn.baseUrl, headers: { authorization: `Bearer ${token}` } });
  }

  private tokenKey(conn: Connection): string {
    return `${new URL(conn.baseUrl).origin}\n${conn.clientId ?? ''}\n${conn.secret}`;
  }

  private async accessToken(conn: Connection, signal?: AbortSignal): Promise<string> {
    const key = this.tokenKey(conn);
    let pending = this.tokens.get(key);
    if (pending) {
      const cached = await pending.catch(() => undefined);
      if (cached && cached.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return cached.value;
      if (this.tokens.get(key) === pending) this.tokens.delete(key);
    }
    pending = this.requestToken(conn, signal);
    this.tokens.set(key, pending);
    try {
      return (await pending).value;
    } catch (error) {
      if (this.tokens.get(key) === pending) this.tokens.delete(key);
      throw error;
    }
  }

  private async requestToken(conn: Connection, signal?: AbortSignal): Promise<CachedToken> {
    if (!conn.clientId) throw new ApiError(l10n.t('Elastic Path needs a client ID (the appKeys.applications entry has none)'), { kind: 'invalid-input' });
    const response = await this.http.send({
      method: 'POST',
      baseUrl: conn.baseUrl,
      path: '/oauth/access_token',
      form: { grant_type: 'client_credentials', client_id: conn.clientId, client_secret: conn.secret },
      signal,
    });
    if (response.status === 401 || response.status === 400) {
      const error = toApiError(response, 'POST', '/oauth/access_token');
      throw new ApiError(
        l10n.t('Elastic Path refused the client ID and secret: {0}. Check them in Commerce Manager, then set the client secret again', error.message),
        {
          kind: 'http',
          status: response.status,
          type: error.type,
          method: 'POST',
          path: '/oauth/access_token',
        },
      );
    }
    if (response.status >= 400) throw toApiError(response, 'POST', '/oauth/access_token');
    // The OpenAPI file wraps the answer in `data`; the live API and its SDK read it flat. Take both.
    const outer = asRecord(response.body);
    const body = typeof outer.access_token === 'string' ? outer : asRecord(outer.data);
    if (typeof body.access_token !== 'string') {
      throw new ApiError(l10n.t('Elastic Path answered the token request without an access_token'), {
        kind: 'bad-response',
        method: 'POST',
        path: '/oauth/access_token',
      });
    }
    registerSecret(body.access_token);
    const expires = typeof body.expires === 'number' ? body.expires * 1000 : Date.now() + Number(body.expires_in ?? 0) * 1000;
    return { value: body.access_token, expiresAt: expires };
  }
}

/** Elastic Path errors read `{ errors: [{ title, status, detail }] }`. */
function toApiError(response: HttpResponse, method: string, path: string): ApiError {
  const [first] = Array.isArray(asRecord(response.body).errors) ? (asRecord(response.body).errors as unknown[]).map(asRecord) : [];
  const title = typeof first?.title === 'string' ? first.title : undefined;
  const detail = typeof first?.detail === 'string' ? first.detail : undefined;
  return new ApiError(detail ?? title ?? l10n.t('{0} {1} failed', method, path), { kind: 'http', status: response.status, type: title, method, path });
}
