// An application's devices as the commands show them: listed with cancellable progress (the
// session's whole list, or filtered on the server) and as quick-pick items.
import * as vscode from 'vscode';
import { type DeviceIndex, type DeviceList, listAllDevices } from '../core/deviceDirectory';
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

/** A device's tags as `key=value, …`, or undefined when it has none. */
export function tagText(device: Device): string | undefined {
  return device.tags.map((t) => `${t.key}=${t.value}`).join(', ') || undefined;
}

export function deviceItem(device: Device, picked: boolean): vscode.QuickPickItem & { device: Device } {
  return { label: device.name || device.id, description: device.id, detail: tagText(device), picked, device };
}
