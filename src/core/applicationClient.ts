// One configured application's API, with its credential bound in. Every write is announced on the
// service's one change event, so views follow whatever command made it.
import * as l10n from '@vscode/l10n';
import type { ConfiguredApplication } from './application';
import { ApiError } from './errors';
import type { ItemChanges } from './itemChanges';
import type {
  ApplicationSummary,
  Connection,
  CreateResult,
  DevicePage,
  DeviceQuery,
  ListQuery,
  Page,
  Platform,
  ResourceItem,
  ResourceType,
} from './platforms/platform';

export class ApplicationClient {
  constructor(
    readonly platform: Platform,
    readonly app: ConfiguredApplication,
    private readonly conn: Connection,
    private readonly changes: ItemChanges,
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
  async create(resource: ResourceType, input: Record<string, unknown>, signal?: AbortSignal): Promise<CreateResult> {
    const created = await this.run(this.platform.create(this.conn, this.applicationId, resource, input, signal));
    this.changes.emit({ kind: 'created', app: this.app, resource, id: created.item.id, item: created.item });
    return created;
  }
  async update(resource: ResourceType, id: string, patch: Record<string, unknown>, signal?: AbortSignal): Promise<ResourceItem> {
    const item = await this.run(this.platform.update(this.conn, this.applicationId, resource, id, patch, signal));
    this.changes.emit({ kind: 'updated', app: this.app, resource, id, item });
    return item;
  }
  /** Activates or deactivates an item, where its resource has a status. */
  async setStatus(resource: ResourceType, id: string, active: boolean, signal?: AbortSignal): Promise<ResourceItem> {
    const patch = resource.statusPatch?.(active);
    if (!patch) throw new ApiError(l10n.t('{0} have no status', resource.label), { kind: 'invalid-input' });
    const item = await this.run(this.platform.update(this.conn, this.applicationId, resource, id, patch, signal));
    this.changes.emit({ kind: 'statusChanged', app: this.app, resource, id, item });
    return item;
  }
  async remove(resource: ResourceType, id: string, signal?: AbortSignal): Promise<void> {
    await this.run(this.platform.remove(this.conn, this.applicationId, resource, id, signal));
    this.changes.emit({ kind: 'deleted', app: this.app, resource, id });
  }
  /** The application's devices (Losant); an error where the platform has none. */
  listDevices(query: DeviceQuery, signal?: AbortSignal): Promise<DevicePage> {
    if (!this.platform.listDevices) return Promise.reject(new ApiError(l10n.t('{0} has no devices', this.platform.name), { kind: 'invalid-input' }));
    return this.run(this.platform.listDevices(this.conn, this.applicationId, query, signal));
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
