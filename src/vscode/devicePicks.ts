// An application's devices as the commands show them: listed with cancellable progress (the
// session's whole list, or filtered on the server) and as quick-pick items.
import * as vscode from 'vscode';
import { type DeviceIndex, type DeviceList, listAllDevices, searchDevices } from '../core/deviceDirectory';
import type { Device } from '../core/platforms/platform';
import type { ApplicationClient } from '../core/service';
import type { AppKeys } from './appKeys';

export interface DeviceFilter {
  name?: string;
  tags?: { key?: string; value?: string }[];
}

function withListing<T>(appKeys: AppKeys, client: ApplicationClient, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  return appKeys.ui.withProgress(vscode.l10n.t('Listing the devices of {0}…', client.app.displayName), task);
}

/** The session's list of the application's devices (listed the first time). */
export function sessionDevices(appKeys: AppKeys, client: ApplicationClient): Promise<DeviceIndex> {
  return withListing(appKeys, client, (signal) => appKeys.devices.devices(client, signal));
}

/** The devices matching `filter`, filtered on the server. */
export function filteredDevices(appKeys: AppKeys, client: ApplicationClient, filter: DeviceFilter): Promise<DeviceList> {
  return withListing(appKeys, client, (signal) => listAllDevices(client, filter, signal));
}

/**
 * The devices whose name contains `text` (or whose ID starts with it): those held for the session, and
 * where the session holds only some of the application's devices (a fleet beyond HELD_DEVICES), those
 * the server finds by name glob. `limit` bounds the local part; the server's is one page.
 */
export async function devicesMatching(
  client: ApplicationClient,
  index: DeviceIndex,
  text: string,
  options: { limit: number; signal?: AbortSignal; exclude?: ReadonlySet<string> },
): Promise<Device[]> {
  const typed = text.trim().toLowerCase();
  const exclude = options.exclude ?? new Set<string>();
  const found: Device[] = [];
  for (const d of index.devices) {
    if (exclude.has(d.id) || !(d.name.toLowerCase().includes(typed) || d.id.startsWith(typed))) continue;
    if (found.push(d) > options.limit) break;
  }
  if (index.incomplete && typed && found.length <= options.limit) {
    const known = new Set(found.map((d) => d.id));
    for (const d of await searchDevices(client, `*${typed}*`, options.signal)) if (!known.has(d.id) && !exclude.has(d.id)) found.push(d);
  }
  return found;
}

/**
 * Several devices picked by name: a plain pick of the session's devices where it holds them all, else
 * a pick that asks the server by name as the user types. `picked` start (and stay) picked.
 */
export async function pickManyDevices(
  appKeys: AppKeys,
  client: ApplicationClient,
  index: DeviceIndex,
  options: { placeHolder: string; picked?: ReadonlySet<string>; showPicked?: boolean },
): Promise<Device[]> {
  const picked = options.picked ?? new Set<string>();
  if (!index.incomplete) {
    const chosen = await appKeys.ui.showQuickPickMany(
      index.devices.map((d) => deviceItem(d, options.showPicked === true || picked.has(d.id))),
      { placeHolder: options.placeHolder, matchOnDescription: true, matchOnDetail: true },
    );
    return chosen.map((p) => p.device);
  }
  const chosen = await appKeys.ui.searchPick(
    async (text, signal) => (await devicesMatching(client, index, text, { limit: 200, signal })).slice(0, 300).map((d) => deviceItem(d, picked.has(d.id))),
    {
      many: true,
      placeHolder: vscode.l10n.t(
        '{0} (type a name: the {1} devices listed are the first by name, the others are searched)',
        options.placeHolder,
        index.devices.length,
      ),
    },
  );
  return chosen.map((p) => p.device);
}

/** A device's tags as `key=value, …`, or undefined when it has none. */
export function tagText(device: Device): string | undefined {
  return device.tags.map((t) => `${t.key}=${t.value}`).join(', ') || undefined;
}

export function deviceItem(device: Device, picked: boolean): vscode.QuickPickItem & { device: Device } {
  return { label: device.name || device.id, description: device.id, detail: tagText(device), picked, device };
}
