// An application's devices, for what a key can be restricted to: loaded at the first need (every page,
// bounded like any list), kept for the session, one load at a time per application, and searched on
// the server by name glob where the user narrows them. A refused load is not kept: the next need asks again.
import { loadAll } from './listing';
import type { Device } from './platforms/platform';
import type { ApplicationClient } from './service';

/** Devices in one list: up to 10,000 (ten pages of 1,000), as for keys. */
export const MAX_DEVICES = 10_000;
const PER_PAGE = 1000;

export interface DeviceList {
  devices: Device[];
  /** The list stopped before the server's total. */
  incomplete: boolean;
}

/** Every device `client` lists (name glob and tags filtered on the server), bounded. */
export async function listAllDevices(
  client: ApplicationClient,
  filter: { name?: string; tags?: { key?: string; value?: string }[] },
  signal?: AbortSignal,
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
    { perPage: PER_PAGE, concurrency: 2, maxItems: MAX_DEVICES, signal },
  );
  return { devices: result.items.map((item) => byId.get(item.id)!), incomplete: result.incomplete };
}

export class DeviceDirectory {
  private readonly loads = new Map<string, Promise<DeviceIndex>>();

  /** The application's devices: the session's copy, or one load shared by everyone who asks meanwhile. */
  devices(client: ApplicationClient, signal?: AbortSignal): Promise<DeviceIndex> {
    const key = client.app.identity;
    let load = this.loads.get(key);
    if (!load) {
      load = listAllDevices(client, {}, signal).then((list) => new DeviceIndex(list));
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
