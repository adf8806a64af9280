// Create Keys for Devices…: the devices picked by name glob or tag (filtered on the server) or from
// the whole list, one key each, restricted to it (core/deviceKeys.ts). Devices that already have a
// key of their own can be skipped. Then one report of what happened to each device, and every new
// secret handed off at once. An argument object may name the devices: { applicationId, deviceIds |
// name | tags, skipExisting }.
import * as vscode from 'vscode';
import type { ConfiguredApplication } from '../../core/application';
import { countByStatus, createDeviceKeys, DEVICE_KEY_CONCURRENCY, type DeviceKeyOutcome, keysByDevice, renderDeviceKeysReport } from '../../core/deviceKeys';
import { ApiError, describeError } from '../../core/errors';
import { loadEveryItem } from '../../core/listing';
import type { Device } from '../../core/platforms/platform';
import type { ApplicationClient } from '../../core/service';
import type { AppKeys } from '../appKeys';
import { deviceItem, type DeviceFilter, filteredDevices, sessionDevices } from '../devicePicks';
import type { ReportDocuments } from '../documents/ReportDocuments';
import type { ReportPanels } from '../documents/reportPanels';
import { pathSegment } from '../documents/uris';
import { restrictsDevices } from '../documents/deviceAssist';
import { argumentObject, type ArgumentObject, booleanField, stringField, stringListField, tagListField } from './arguments';
import { showManyOneTimeSecrets } from './secretHandOff';
import { resolveApplication } from './targets';

async function devicesFromArgument(appKeys: AppKeys, client: ApplicationClient, given: ArgumentObject): Promise<Device[] | undefined> {
  const ids = stringListField(given, 'deviceIds');
  const name = stringField(given, 'name');
  const tags = tagListField(given, 'tags');
  if (ids === undefined && name === undefined && tags === undefined) return undefined;
  if (name !== undefined || tags !== undefined)
    return (await filteredDevices(appKeys, client, { name, tags })).devices.filter((d) => !ids || ids.includes(d.id));
  const index = await sessionDevices(appKeys, client);
  const unknown = ids!.filter((id) => !index.get(id));
  if (unknown.length) throw new ApiError(vscode.l10n.t('{0} has no device {1}', client.app.displayName, unknown.join(', ')), { kind: 'invalid-input' });
  return ids!.map((id) => index.get(id)!);
}

/** Asks how to choose (name glob or tag: filtered on the server), then lets the user adjust the list. */
async function askDevices(appKeys: AppKeys, client: ApplicationClient): Promise<Device[]> {
  const byName = vscode.l10n.t('By Name…');
  const byTag = vscode.l10n.t('By Tag…');
  const fromList = vscode.l10n.t('From the List…');
  const how = await appKeys.ui.showQuickPick(
    [
      { label: byName, detail: vscode.l10n.t('Devices whose name matches a pattern such as Truck*') },
      { label: byTag, detail: vscode.l10n.t('Devices carrying a tag') },
      { label: fromList, detail: vscode.l10n.t('Choose among all the devices') },
    ],
    { placeHolder: vscode.l10n.t('Which devices of {0} get a key?', client.app.displayName) },
  );
  let filter: DeviceFilter = {};
  if (how.label === byName) {
    const name = await appKeys.ui.showInputBox({
      prompt: vscode.l10n.t('Device names matching (* matches anything; case does not matter)'),
      value: '*',
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Required')),
    });
    filter = { name: name.trim() };
  } else if (how.label === byTag) {
    const index = await sessionDevices(appKeys, client);
    const tags = [...index.tags()].flatMap(([key, values]) => values.map((value) => ({ label: `${key}=${value}`, tag: { key, value } })));
    if (tags.length === 0) throw new ApiError(vscode.l10n.t('No device of {0} has tags', client.app.displayName), { kind: 'invalid-input' });
    const picked = await appKeys.ui.showQuickPick(tags, { placeHolder: vscode.l10n.t('Devices with the tag') });
    filter = { tags: [picked.tag] };
  }
  const { devices, incomplete } = how.label === fromList ? await sessionDevices(appKeys, client) : await filteredDevices(appKeys, client, filter);
  if (devices.length === 0) return [];
  if (incomplete)
    void appKeys.ui.showMessage('warning', vscode.l10n.t('Only the first {0} devices are listed; narrow the choice to reach the others.', devices.length));
  const picked = await appKeys.ui.showQuickPickMany(
    devices.map((d) => deviceItem(d, how.label !== fromList)),
    { placeHolder: vscode.l10n.t('{0} devices: each one picked gets its own key', devices.length), matchOnDescription: true, matchOnDetail: true },
  );
  return picked.map((p) => p.device);
}

/** Devices that already have a key restricted to them alone: the user chooses to skip them or not. */
async function withoutExisting(
  appKeys: AppKeys,
  client: ApplicationClient,
  devices: Device[],
  skipExisting: boolean | undefined,
): Promise<{ todo: Device[]; skipped: Device[] }> {
  const resource = client.platform.resources.find(restrictsDevices)!;
  const { items } = await appKeys.ui.withProgress(vscode.l10n.t('Looking for keys the devices already have…'), (signal) =>
    loadEveryItem((query, s) => client.list(resource, query, s), resource, {}, signal),
  );
  const byDevice = keysByDevice(items);
  const having = devices.filter((d) => byDevice.has(d.id));
  if (having.length === 0) return { todo: devices, skipped: [] };
  let skip = skipExisting;
  if (skip === undefined) {
    const skipThem = vscode.l10n.t('Skip Them');
    const choice = await appKeys.ui.confirm(
      vscode.l10n.t('{0} of the {1} devices already have a key restricted to them.', having.length, devices.length),
      vscode.l10n.t('Skip them and create keys only for the other {0}, or create another key for every device.', devices.length - having.length),
      skipThem,
      vscode.l10n.t('Create for All'),
    );
    skip = choice === skipThem;
  }
  return skip ? { todo: devices.filter((d) => !byDevice.has(d.id)), skipped: having } : { todo: devices, skipped: [] };
}

/** What the command returns: each device's outcome, without its secret (those go only to the hand-off). */
export type DeviceKeyResult = Omit<DeviceKeyOutcome, 'secrets' | 'error'> & { error?: string };

export async function createKeysForDevices(appKeys: AppKeys, reports: ReportDocuments, panels: ReportPanels, arg: unknown): Promise<DeviceKeyResult[]> {
  const app: ConfiguredApplication = await resolveApplication(appKeys, arg);
  const client = await appKeys.client(app);
  const resource = client.platform.resources.find(restrictsDevices);
  if (!resource || !client.platform.listDevices) {
    throw new ApiError(vscode.l10n.t('{0} keys cannot be restricted to devices', client.platform.name), { kind: 'invalid-input' });
  }
  const given = argumentObject(arg) ?? {};
  const chosen = (await devicesFromArgument(appKeys, client, given)) ?? (await askDevices(appKeys, client));
  if (chosen.length === 0) throw new ApiError(vscode.l10n.t('No devices were chosen; no key was created.'), { kind: 'invalid-input' });
  const { todo, skipped } = await withoutExisting(appKeys, client, chosen, booleanField(given, 'skipExisting'));
  if (todo.length === 0) {
    void appKeys.ui.showMessage('info', vscode.l10n.t('Every chosen device already has a key; none was created.'));
    return [];
  }
  await appKeys.ui.confirm(
    vscode.l10n.t('Create {0} keys in {1}, one per device?', todo.length, app.displayName),
    vscode.l10n.t('Each key is restricted to its device and named after it. Their secrets are shown once, when all are done.'),
    vscode.l10n.t('Create {0} Keys', todo.length),
  );
  const outcomes = await appKeys.ui.withProgress(vscode.l10n.t('Creating keys for {0} devices…', todo.length), (signal, report) =>
    createDeviceKeys(client, resource, todo, {
      concurrency: DEVICE_KEY_CONCURRENCY,
      signal,
      onSettled: (done, total) => report(vscode.l10n.t('{0} of {1}', done, total)),
    }),
  );
  const counts = countByStatus(outcomes);
  appKeys.log.info(`Keys for devices in ${app.displayName}: ${JSON.stringify(counts)}, ${skipped.length} skipped`);
  const title = vscode.l10n.t('Keys for Devices: {0}', app.displayName);
  const report = renderDeviceKeysReport(app.displayName, outcomes, skipped, Date.now());
  await panels.show(reports.put(`${pathSegment(title, app.applicationId)}.md`, report), title, report);
  const created = counts.created + counts.createdSecretLost;
  const headline = vscode.l10n.t(
    'Created {0} of {1} keys ({2} failed, {3} cancelled, {4} skipped).',
    created,
    todo.length,
    counts.failed,
    counts.interrupted + counts.notStarted,
    skipped.length,
  );
  const records = outcomes.filter((o) => o.secrets?.length).map((o) => ({ name: o.device.name, secrets: o.secrets! }));
  if (records.length > 0) await showManyOneTimeSecrets(appKeys, headline, records);
  else void appKeys.ui.showMessage(counts.failed ? 'warning' : 'info', headline);
  return outcomes.map(({ device, status, item, error }) => ({ device, status, item, error: error === undefined ? undefined : describeError(error) }));
}
