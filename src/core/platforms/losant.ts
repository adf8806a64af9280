// Losant's REST API (and the same API on Losant-compatible hosts): applications, and the
// resources under an application. Follows losant/api-actions.json: paths, query parameters, scopes.
import * as l10n from '@vscode/l10n';
import { ApiError } from '../errors';
import { asRecord, findResource, scalarText } from './shared';
import { hideSecretFields } from '../secretFields';
import { HttpClient, HttpRequest, segment } from '../http';
import { checkId, LOSANT_ID } from '../ids';
import { registerSecret } from '../masking';
import type {
  ApplicationList,
  ApplicationSummary,
  Connection,
  CreateResult,
  DevicePage,
  DeviceQuery,
  HostPreset,
  ListQuery,
  Page,
  Platform,
  ResourceItem,
  ResourceType,
} from './platform';
import { loadAll } from '../listing';
import { toPage } from '../paging';
import { losantApiTokens, losantKeys, LosantResourceType, losantTokenId } from './losantResources';

/** The scopes that allow an action, in the order Losant's documentation lists them. */
export function requiredScopes(group: string, action: string, method: string): string[] {
  const read = method === 'GET';
  return [
    'all.Application',
    ...(read ? ['all.Application.read'] : []),
    // Device actions also allow the device scopes (losant/devices.md).
    ...(group === 'devices' ? ['all.Device', ...(read ? ['all.Device.read'] : [])] : []),
    'all.Organization',
    ...(read ? ['all.Organization.read'] : []),
    'all.User',
    ...(read ? ['all.User.read'] : []),
    `${group}.*`,
    `${group}.${action}`,
  ];
}

/** The most Losant serves a page. */
const APPLICATIONS_PER_PAGE = 1000;
/** Applications offered in one picker: more than anyone picks from (a picker, not a scan). */
export const MAX_APPLICATIONS = 10_000;

interface Call extends Omit<HttpRequest, 'baseUrl' | 'headers'> {
  scope: [group: string, action: string];
}

/**
 * A list query as Losant's parameters. `anyOf` and `search` become the advanced `query`, a JSON text
 * in one parameter, as Losant's official client sends it (losant-rest: `JSON.stringify(params.query)`,
 * then qs); it overrides filterField and filter, so those are left out with it.
 */
export function listParameters(query: ListQuery): Record<string, string | number | undefined> {
  const { anyOf, search, ...plain } = query;
  const parts: Record<string, unknown>[] = [];
  if (anyOf) parts.push({ [anyOf.field]: { $in: [...anyOf.values] } });
  if (search) parts.push({ $or: search.fields.map((field) => ({ [field]: { $contains: search.text, $ci: true } })) });
  if (parts.length === 0) return plain;
  const { filterField: _field, filter: _filter, ...rest } = plain;
  return { ...rest, query: JSON.stringify(parts.length === 1 ? parts[0] : { $and: parts }) };
}

function toItem(value: unknown, idField: string): ResourceItem {
  const data = hideSecretFields(asRecord(value));
  const id = scalarText(data.id) || scalarText(data[idField]);
  return { id, version: typeof data.lastUpdated === 'string' ? data.lastUpdated : undefined, data };
}

export class LosantPlatform implements Platform {
  readonly id = 'losant';
  readonly name = 'Losant';
  readonly defaultApiUrl = 'https://api.losant.com';
  readonly hostPresets: readonly HostPreset[] = [
    { label: 'Losant', url: 'https://api.losant.com' },
    { label: 'WNology', url: 'https://api.app.wnology.io' },
  ];
  get applicationNoun(): string {
    return l10n.t('application');
  }
  get applicationIdHint(): string {
    return l10n.t("24 hexadecimal characters, from the application's URL or settings page");
  }
  readonly applicationIdPattern = LOSANT_ID;
  get credentialName(): string {
    return l10n.t('API token');
  }
  readonly needsClientId = false;
  readonly resources: readonly LosantResourceType[] = [losantKeys, losantApiTokens];

  constructor(private readonly http: HttpClient) {}

  resource(id: string): LosantResourceType {
    return findResource(this.resources, id, this.name);
  }

  /** Pages through the bounded pager: an odd total or an ignored page parameter cannot loop. */
  async listApplications(conn: Connection, signal?: AbortSignal): Promise<ApplicationList> {
    const fetchPage = async (query: ListQuery, s?: AbortSignal): Promise<Page> => {
      const body = asRecord(
        await this.call(conn, {
          method: 'GET',
          path: '/applications',
          query: { page: query.page, perPage: query.perPage, sortField: 'name', sortDirection: 'asc' },
          scope: ['applications', 'get'],
          signal: s,
        }),
      );
      const items = Array.isArray(body.items) ? body.items.map((i) => toItem(i, 'applicationId')) : [];
      return toPage(items, query, body);
    };
    const result = await loadAll(fetchPage, (page) => ({ page, perPage: APPLICATIONS_PER_PAGE }), {
      perPage: APPLICATIONS_PER_PAGE,
      concurrency: 4,
      limit: MAX_APPLICATIONS,
      signal,
    });
    const apps = result.items.map(({ id, data }) => ({ id: id || scalarText(data.id), name: scalarText(data.name, id) }));
    return Object.assign(apps, { incomplete: result.incomplete });
  }

  isOwnCredential(conn: Connection, resource: ResourceType, item: ResourceItem): boolean {
    return resource === losantApiTokens && losantTokenId(conn.secret) === item.id;
  }

  async getApplication(conn: Connection, applicationId: string, signal?: AbortSignal): Promise<ApplicationSummary> {
    const appId = checkId(applicationId, LOSANT_ID, () => l10n.t('application ID'));
    const app = asRecord(
      await this.call(conn, {
        method: 'GET',
        path: `/applications/${segment(appId)}`,
        scope: ['application', 'get'],
        signal,
      }),
    );
    return { id: scalarText(app.id, appId), name: scalarText(app.name, appId) };
  }

  async list(conn: Connection, applicationId: string, resource: LosantResourceType, query: ListQuery, signal?: AbortSignal): Promise<Page> {
    const body = asRecord(
      await this.call(conn, {
        method: 'GET',
        path: this.collectionPath(applicationId, resource),
        query: listParameters(query),
        scope: [resource.collectionScope, 'get'],
        signal,
      }),
    );
    const items = Array.isArray(body.items) ? body.items.map((i) => toItem(i, `${resource.itemScope}Id`)) : [];
    return toPage(items, query, body);
  }

  async get(conn: Connection, applicationId: string, resource: LosantResourceType, id: string, signal?: AbortSignal): Promise<ResourceItem> {
    const body = await this.call(conn, {
      method: 'GET',
      path: this.itemPath(applicationId, resource, id),
      scope: [resource.itemScope, 'get'],
      signal,
    });
    return toItem(body, `${resource.itemScope}Id`);
  }

  async create(
    conn: Connection,
    applicationId: string,
    resource: LosantResourceType,
    input: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<CreateResult> {
    const body = asRecord(
      await this.call(conn, {
        method: 'POST',
        path: this.collectionPath(applicationId, resource),
        json: input,
        scope: [resource.collectionScope, 'post'],
        signal,
      }),
    );
    const secret = body[resource.secretField];
    if (typeof secret === 'string') registerSecret(secret);
    const { [resource.secretField]: _omitted, ...data } = body;
    // The whole credential: a device connects with the key and its secret together.
    const credentialId = resource.credentialIdField ? data[resource.credentialIdField] : undefined;
    return {
      item: toItem(data, `${resource.itemScope}Id`),
      oneTimeSecrets:
        typeof secret === 'string'
          ? [
              ...(typeof credentialId === 'string' ? [{ label: resource.credentialIdField!, value: credentialId, public: true }] : []),
              { label: resource.secretField, value: secret },
            ]
          : [],
    };
  }

  async update(
    conn: Connection,
    applicationId: string,
    resource: LosantResourceType,
    id: string,
    patch: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<ResourceItem> {
    const body = await this.call(conn, {
      method: 'PATCH',
      path: this.itemPath(applicationId, resource, id),
      json: patch,
      scope: [resource.itemScope, 'patch'],
      signal,
    });
    return toItem(body, `${resource.itemScope}Id`);
  }

  async remove(conn: Connection, applicationId: string, resource: LosantResourceType, id: string, signal?: AbortSignal): Promise<void> {
    await this.call(conn, {
      method: 'DELETE',
      path: this.itemPath(applicationId, resource, id),
      scope: [resource.itemScope, 'delete'],
      signal,
    });
  }

  async listDevices(conn: Connection, applicationId: string, query: DeviceQuery, signal?: AbortSignal): Promise<DevicePage> {
    const appId = checkId(applicationId, LOSANT_ID, () => l10n.t('application ID'));
    // tagFilter in the bracket form Losant's official client sends: tagFilter[0][key]=floor&tagFilter[0][value]=3.
    const tagFilter = Object.fromEntries(
      (query.tags ?? []).flatMap((tag, i) => [
        [`tagFilter[${i}][key]`, tag.key],
        [`tagFilter[${i}][value]`, tag.value],
      ]),
    );
    const body = asRecord(
      await this.call(conn, {
        method: 'GET',
        path: `/applications/${segment(appId)}/devices`,
        query: {
          page: query.page,
          perPage: query.perPage,
          sortField: 'name',
          sortDirection: 'asc',
          ...(query.name ? { filterField: 'name', filter: query.name } : {}),
          ...tagFilter,
        },
        scope: ['devices', 'get'],
        signal,
      }),
    );
    const items = Array.isArray(body.items) ? body.items.map(asRecord) : [];
    const page = toPage([], { page: query.page, perPage: query.perPage }, body);
    const devices = items.map((d) => ({
      id: scalarText(d.id) || scalarText(d.deviceId),
      name: scalarText(d.name),
      tags: Array.isArray(d.tags) ? d.tags.map(asRecord).map((t) => ({ key: scalarText(t.key), value: scalarText(t.value) })) : [],
    }));
    return { devices: devices.filter((d) => LOSANT_ID.test(d.id)), totalCount: page.totalCount, page: page.page, perPage: page.perPage };
  }

  private collectionPath(applicationId: string, resource: LosantResourceType): string {
    const appId = checkId(applicationId, LOSANT_ID, () => l10n.t('application ID'));
    return `/applications/${segment(appId)}/${resource.pathSegment}`;
  }

  private itemPath(applicationId: string, resource: LosantResourceType, id: string): string {
    const itemId = checkId(id, resource.idPattern, () => l10n.t('{0} ID', resource.noun));
    return `${this.collectionPath(applicationId, resource)}/${segment(itemId)}`;
  }

  private async call(conn: Connection, call: Call): Promise<unknown> {
    const { scope, ...req } = call;
    const response = await this.http.send({ ...req, baseUrl: conn.baseUrl, headers: { authorization: `Bearer ${conn.secret}` } });
    if (response.status < 400) return response.body;
    // A retried delete that finds nothing: the first try did it.
    if (response.status === 404 && call.method === 'DELETE' && response.attempts > 1) return { success: true };
    const body = asRecord(response.body);
    const type = typeof body.type === 'string' ? body.type : undefined;
    const message = typeof body.message === 'string' ? body.message : l10n.t('{0} {1} failed', call.method, call.path);
    const denied = response.status === 401 || response.status === 403;
    throw new ApiError(message, {
      kind: 'http',
      status: response.status,
      type,
      requiredScopes: denied ? requiredScopes(scope[0], scope[1], call.method) : undefined,
      method: call.method,
      path: call.path,
    });
  }
}
