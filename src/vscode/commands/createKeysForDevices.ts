// Create Keys for Devices…: the devices picked by name glob or tag (filtered on the server) or from
// the whole list, one key each, restricted to it (core/deviceKeys.ts). Devices that already have a
// key of their own can be skipped. Then one report of what happened to each device, and every new
// secret handed off at once. An argument object may name the devices: { applicationId, deviceIds |
// name | tags, skipExisting }.
import * as vscode from 'vscode';
import type { ConfiguredApplication } from '../../core/application';
import { countByStatus, createDeviceKeys, DEVICE_KEY_CONCURRENCY, type DeviceKeyOutcome, deviceKeyRecord, renderDeviceKeysReport } from '../../core/deviceKeys';
import { ApiError, describeError } from '../../core/errors';
import { keysOfDevices } from '../../core/existingKeys';
import type { Device, ResourceItem } from '../../core/platforms/platform';
import type { DeviceIndex } from '../../core/deviceDirectory';
import type { ApplicationClient } from '../../core/service';
import type { AppKeys } from '../appKeys';
import { deviceItem, type DeviceFilter, filteredDevices, pickManyDevices, sessionDevices } from '../devicePicks';
import type { ReportDocuments } from '../documents/ReportDocuments';
import type { ReportPanels } from '../documents/reportPanels';
import { pathSegment } from '../documents/uris';
import { restrictsDevices } from '../documents/deviceAssist';
import { argumentObject, type ArgumentObject, booleanField, stringField, stringListField, tagListField } from './arguments';
import { askSecretsFile, showManyOneTimeSecrets } from './secretHandOff';
import { openSecretLog, type SecretLog, SecretLogRefused } from '../../core/secretLog';
import * as path from 'path';
import { resolveApplication } from './targets';

/** More keys than this get their secrets written to a file as they are made (chosen before the first is created). */
export const SECRETS_FILE_ABOVE = 5;

/** Where the run's secrets go as they are made: the argument's `secretsFile`, else asked (CSV by default); a file that grows. */
async function openRunSecrets(appKeys: AppKeys, app: ConfiguredApplication, given: ArgumentObject): Promise<SecretLog> {
  const named = stringField(given, 'secretsFile');
  if (named !== undefined && !path.isAbsolute(named))
    throw new ApiError(vscode.l10n.t('"secretsFile" must be an absolute path: {0}', named), { kind: 'invalid-input' });
  const file =
    named ??
    (await askSecretsFile(
      appKeys,
      vscode.l10n.t('Where should the secrets go? The secret of each key is added to this file as soon as the key exists'),
      `device-keys-${app.displayName.replace(/[^\p{L}\p{N}._-]+/gu, '-')}.csv`,
      { CSV: ['csv'], [vscode.l10n.t('Environment file')]: ['env'] },
    ));
  try {
    return await openSecretLog(file);
  } catch (error) {
    if (error instanceof SecretLogRefused) throw new ApiError(error.message, { kind: 'invalid-input' });
    throw error;
  }
}

async function devicesFromArgument(appKeys: AppKeys, client: ApplicationClient, given: ArgumentObject): Promise<Device[] | undefined> {
  const ids = stringListField(given, 'deviceIds');
  const name = stringField(given, 'name');
  const tags = tagListField(given, 'tags');
  if (ids === undefined && name === undefined && tags === undefined) return undefined;
  if (name !== undefined || tags !== undefined)
    return (await filteredDevices(appKeys, client, { name, tags })).devices.filter((d) => !ids || ids.includes(d.id));
  let index: { get(id: string): Device | undefined } = await sessionDevices(appKeys, client);
  // Devices beyond those held for the session (a large fleet): the whole list, read once for this run.
  if (ids!.some((id) => !index.get(id)) && (index as DeviceIndex).incomplete) {
    const all = new Map((await filteredDevices(appKeys, client, {})).devices.map((d) => [d.id, d]));
    index = { get: (id) => all.get(id) };
  }
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
  if (incomplete && how.label !== fromList)
    void appKeys.ui.showMessage('warning', vscode.l10n.t('Only the first {0} devices are listed; narrow the choice to reach the others.', devices.length));
  const placeHolder = vscode.l10n.t('{0} devices: each one picked gets its own key', devices.length);
  if (how.label === fromList) return pickManyDevices(appKeys, client, await sessionDevices(appKeys, client), { placeHolder });
  const picked = await appKeys.ui.showQuickPickMany(
    devices.map((d) => deviceItem(d, true)),
    { placeHolder, matchOnDescription: true, matchOnDetail: true },
  );
  return picked.map((p) => p.device);
}

/** Devices that already have a key restricted to them alone: the user chooses to skip them or not. */
async function withoutExisting(
  appKeys: AppKeys,
  client: ApplicationClient,
  devices: Device[],
  skipExisting: boolean | undefined,
): Promise<{ todo: Device[]; skipped: Device[]; existing: readonly ResourceItem[] }> {
  const resource = client.platform.resources.find(restrictsDevices)!;
  const { byDevice } = await appKeys.ui.withProgress(vscode.l10n.t('Looking for keys the devices already have…'), (signal, report) =>
    keysOfDevices(
      client,
      resource,
      devices.map((d) => d.id),
      { signal, onProgress: (done, total) => report(vscode.l10n.t('{0} of {1}', done, total)) },
    ),
  );
  const having = devices.filter((d) => byDevice.has(d.id));
  // The keys the devices had before the run: a key found after a lost answer is new only if it is not one of these.
  const items = [...new Set([...byDevice.values()].flat())];
  if (having.length === 0) return { todo: devices, skipped: [], existing: items };
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
  return skip ? { todo: devices.filter((d) => !byDevice.has(d.id)), skipped: having, existing: items } : { todo: devices, skipped: [], existing: items };
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
  const { todo, skipped, existing } = await withoutExisting(appKeys, client, chosen, booleanField(given, 'skipExisting'));
  if (todo.length === 0) {
    void appKeys.ui.showMessage('info', vscode.l10n.t('Every chosen device already has a key; none was created.'));
    return [];
  }
  // A long run keeps nothing only in memory: the secrets file is chosen first, and each secret is on disk as soon as
  // its key exists, so a Cancel, a closed window or a crash loses none.
  const log = todo.length > SECRETS_FILE_ABOVE || stringField(given, 'secretsFile') !== undefined ? await openRunSecrets(appKeys, app, given) : undefined;
  const recordOf = (o: DeviceKeyOutcome) => deviceKeyRecord(resource, o);
  const kept = new Set<string>();
  let outcomes: DeviceKeyOutcome[];
  try {
    await appKeys.ui.confirm(
      vscode.l10n.t('Create {0} keys in {1}, one per device?', todo.length, app.displayName),
      log
        ? vscode.l10n.t('Each key is restricted to its device and named after it. Each secret is added to {0} as soon as its key exists.', log.file)
        : vscode.l10n.t('Each key is restricted to its device and named after it. Their secrets are shown once, when all are done.'),
      vscode.l10n.t('Create {0} Keys', todo.length),
    );
    outcomes = await appKeys.ui.withProgress(vscode.l10n.t('Creating keys for {0} devices…', todo.length), (signal, report) =>
      createDeviceKeys(client, resource, todo, {
        concurrency: DEVICE_KEY_CONCURRENCY,
        existing,
        signal,
        onSettled: (done, total) => report(vscode.l10n.t('{0} of {1}', done, total)),
        onCreated: log
          ? async (o) => {
              await log.append(recordOf(o));
              kept.add(o.device.id);
            }
          : undefined,
      }),
    );
  } finally {
    await log?.close();
  }
  const counts = countByStatus(outcomes);
  appKeys.log.info(
    `Keys for devices in ${app.displayName}: ${JSON.stringify(counts)}, ${skipped.length} skipped${log ? `, ${log.appended} secrets appended to ${log.file}` : ''}`,
  );
  const title = vscode.l10n.t('Keys for Devices: {0}', app.displayName);
  const report = renderDeviceKeysReport(app.displayName, outcomes, skipped, Date.now(), log && { file: log.file, appended: log.appended });
  const created = counts.created + counts.createdSecretLost;
  const cancelled = counts.interrupted + counts.notStarted;
  const headline = counts.unknown
    ? vscode.l10n.t(
        'Created {0} of {1} keys ({2} failed, {3} unknown: see the report, {4} cancelled, {5} skipped).',
        created,
        todo.length,
        counts.failed,
        counts.unknown,
        cancelled,
        skipped.length,
      )
    : vscode.l10n.t('Created {0} of {1} keys ({2} failed, {3} cancelled, {4} skipped).', created, todo.length, counts.failed, cancelled, skipped.length);
  // The whole credential of each device, with the device's and the key's IDs in fields of their own; those in the
  // secrets file already are not handed off again (the message says where they are).
  const records = outcomes.filter((o) => o.secrets?.length && o.item && !kept.has(o.device.id)).map(recordOf);
  const where = log && log.appended > 0 ? ` ${vscode.l10n.t('Their secrets are in {0}.', log.file)}` : '';
  // The secrets first (a modal, with nothing behind it to take the keyboard), then the report in its tab.
  const reportUri = reports.put(`${pathSegment(title, app.applicationId)}.md`, report);
  if (records.length > 0) await showManyOneTimeSecrets(appKeys, `${headline}${where}`, records);
  else void appKeys.ui.showMessage(counts.failed || counts.unknown ? 'warning' : 'info', `${headline}${where}`);
  await panels.show(reportUri, title, report);
  return outcomes.map(({ device, status, item, error }) => ({ device, status, item, error: error === undefined ? undefined : describeError(error) }));
}
