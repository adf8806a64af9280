// An application's devices, for what a key can be restricted to: the first HELD_DEVICES by name loaded
// at the first need, kept for the session, one load at a time per application; beyond them (a fleet of
// 100,000), searched on the server by name glob as the user types. A refused load is not kept: the next need asks again.
import { globMatch } from './glob';
import { loadAll } from './listing';
import type { Device } from './platforms/platform';
import type { ApplicationClient } from './service';

/** Devices held for the session: ten pages of 1,000 by name; the others are asked for by name. */
export const HELD_DEVICES = 10_000;
const PER_PAGE = 1000;
/** Devices one search by name answers with (one request). */
export const SEARCH_DEVICES = 100;

export interface DeviceList {
  devices: Device[];
  /** The list stopped before the server's total. */
  incomplete: boolean;
}

/** Every device `client` lists (name glob and tags filtered on the server), up to `limit`, in name order. */
export async function listAllDevices(
  client: ApplicationClient,
  filter: { name?: string; tags?: { key?: string; value?: string }[] },
  signal?: AbortSignal,
  limit?: number,
  onProgress?: (read: number, total: number | undefined) => void,
): Promise<DeviceList> {
  const byId = new Map<string, Device>();
  // Through loadAll: the same bounds against a server whose paging never ends or repeats itself.
  const result = await loadAll(
    async (query, s) => {
      const page = await client.listDevices({ page: query.page, perPage: query.perPage, ...filter }, s);
      for (const device of page.devices) byId.set(device.id, device);
      return { items: page.devices.map((d) => ({ id: d.id, data: {} })), totalCount: page.totalCount, page: page.page, perPage: page.perPage };
    },
    (page) => ({ page, perPage: PER_PAGE }),
    { perPage: PER_PAGE, concurrency: 2, limit, signal, onProgress },
  );
  return { devices: result.items.map((item) => byId.get(item.id)!), incomplete: result.incomplete };
}

/** Devices whose name matches `pattern` (a glob, filtered on the server): one page, checked here. */
export async function searchDevices(client: ApplicationClient, pattern: string, signal?: AbortSignal): Promise<Device[]> {
  const page = await client.listDevices({ page: 0, perPage: SEARCH_DEVICES, name: pattern }, signal);
  // A server that ignores the filter answers with other devices: only matching names are offered.
  return page.devices.filter((d) => globMatch(pattern, d.name)).slice(0, SEARCH_DEVICES);
}

export class DeviceDirectory {
  private readonly loads = new Map<string, Promise<DeviceIndex>>();

  /** The application's devices: the session's copy, or one load shared by everyone who asks meanwhile. */
  devices(client: ApplicationClient, signal?: AbortSignal): Promise<DeviceIndex> {
    const key = client.app.identity;
    let load = this.loads.get(key);
    if (!load) {
      load = listAllDevices(client, {}, signal, HELD_DEVICES).then((list) => new DeviceIndex(list));
      this.loads.set(key, load);
      // Refused or cancelled: not remembered, so a new token or a second try loads again.
      load.catch(() => this.loads.get(key) === load && this.loads.delete(key));
    }
    return load;
  }

  /** The session's copy if it has been loaded (no request). */
  async cached(identity: string): Promise<DeviceIndex | undefined> {
    const load = this.loads.get(identity);
    return load ? load.catch(() => undefined) : undefined;
  }

  /** Forgets an application's devices (refresh, a new credential). */
  forget(identity?: string): void {
    if (identity === undefined) this.loads.clear();
    else this.loads.delete(identity);
  }
}

/** One application's devices, indexed for completions and names. */
export class DeviceIndex {
  readonly devices: readonly Device[];
  readonly incomplete: boolean;
  private readonly byId: Map<string, Device>;
  private tagValues?: Map<string, string[]>;

  constructor(list: DeviceList) {
    this.devices = list.devices;
    this.incomplete = list.incomplete;
    this.byId = new Map(list.devices.map((d) => [d.id, d]));
  }

  get(id: string): Device | undefined {
    return this.byId.get(id);
  }

  /** Tag keys and, for each, the values the devices carry (both sorted); worked out once. */
  tags(): ReadonlyMap<string, string[]> {
    if (!this.tagValues) {
      const found = new Map<string, Set<string>>();
      for (const device of this.devices) {
        for (const tag of device.tags) {
          if (!tag.key) continue;
          let values = found.get(tag.key);
          if (!values) found.set(tag.key, (values = new Set()));
          if (tag.value) values.add(tag.value);
        }
      }
      const byName = (a: string, b: string) => a.localeCompare(b);
      this.tagValues = new Map([...found].sort(([a], [b]) => byName(a, b)).map(([key, values]) => [key, [...values].sort(byName)]));
    }
    return this.tagValues;
  }
}
