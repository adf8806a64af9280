// One key per device, as Losant recommends: each restricted to its device (deviceIds can only be set
// at creation), named after it, a bounded number at a time. The shared HTTP client paces the origin
// after a 429 (rateGate.ts) and retries only what the server turned away unprocessed (retry.ts). A
// create whose answer was lost is looked up, never guessed: a key absent from the scan before the run and
// made after it started counts as created (its secret is gone with the answer); none, the server did not
// make it, and it is sent again; anything else (a key the scan missed but older than the run, the lookup
// failing) is "unknown", with no key named and nothing sent again.
import * as l10n from '@vscode/l10n';
import { runBulk } from './bulk';
import { type CreateBaseline, itemsNamed, judgeLostCreate, surelyNotCreated } from './createOutcome';
import { describeError, isCancellation } from './errors';
import { loadEveryItem } from './listing';
import type { Device, OneTimeSecret, ResourceItem, ResourceType } from './platforms/platform';
import type { ApplicationClient } from './service';
import { idField, type SecretRecord } from './secretFile';
import { codeSpan } from './text';

/**
 * `interrupted`: cancelled while its create was on the way (the server may have made it); `notStarted`: cancelled
 * before; `unknown`: the answer was lost and what the server did cannot be told.
 */
export type DeviceKeyStatus = 'created' | 'createdSecretLost' | 'unknown' | 'failed' | 'interrupted' | 'notStarted';

export interface DeviceKeyOutcome {
  device: Device;
  status: DeviceKeyStatus;
  item?: ResourceItem;
  secrets?: OneTimeSecret[];
  error?: unknown;
}

/** Creates of one device's key, at most, before it is reported failed. */
const MAX_SENDS = 3;

export function deviceKeyInput(device: Device): Record<string, unknown> {
  return {
    name: device.name,
    // Sent to the server and kept there, seen by everyone who opens the key: English, like the API.
    description: `Restricted to the device ${device.name} (${device.id}); created by App Keys, one key per device.`,
    deviceIds: [device.id],
  };
}

/** The devices a key is restricted to (its `deviceIds`; none when it has none). */
export function deviceIdsOf(item: ResourceItem): string[] {
  const ids = item.data.deviceIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/** The one device a key is restricted to, if it is restricted to exactly one. */
function soleDevice(item: ResourceItem): string | undefined {
  const ids = deviceIdsOf(item);
  return ids.length === 1 ? ids[0] : undefined;
}

/** Keys restricted to exactly one device, by that device's ID. */
export function keysByDevice(keys: readonly ResourceItem[]): Map<string, ResourceItem[]> {
  const byDevice = new Map<string, ResourceItem[]>();
  for (const key of keys) {
    const id = soleDevice(key);
    if (id === undefined) continue;
    const list = byDevice.get(id) ?? [];
    list.push(key);
    byDevice.set(id, list);
  }
  return byDevice;
}

async function createOne(
  client: ApplicationClient,
  resource: ResourceType,
  device: Device,
  baseline: CreateBaseline,
  signal: AbortSignal,
): Promise<DeviceKeyOutcome> {
  const input = deviceKeyInput(device);
  let lastError: unknown;
  for (let send = 1; send <= MAX_SENDS; send++) {
    try {
      const created = await client.create(resource, { ...input }, signal);
      return { device, status: 'created', item: created.item, secrets: created.oneTimeSecrets };
    } catch (error) {
      if (isCancellation(error)) throw error;
      lastError = error;
      if (surelyNotCreated(error)) break;
      // The answer was lost: did the server make it? Only "no" allows sending it again.
      let matching: ResourceItem[];
      try {
        matching = (await itemsNamed(client, resource, device.name, signal)).filter((k) => soleDevice(k) === device.id);
      } catch (lookup) {
        if (isCancellation(lookup)) throw lookup;
        return { device, status: 'unknown', error };
      }
      const finding = judgeLostCreate(resource, matching, baseline);
      if (finding.kind === 'made') return { device, status: 'createdSecretLost', item: finding.item };
      if (finding.kind === 'unknown') return { device, status: 'unknown', error };
    }
  }
  return { device, status: 'failed', error: lastError };
}

export interface DeviceKeysOptions {
  concurrency: number;
  /** The keys listed before the run (every one, or as many as were listed); listed here when not given. */
  existing?: readonly ResourceItem[];
  signal: AbortSignal;
  onSettled?: (done: number, total: number) => void;
  /**
   * Called as soon as a key exists with its one-time secrets (to append them to a file); the device counts as done
   * only once it resolves. Should it fail, no further key is created (the run ends as if cancelled).
   */
  onCreated?: (outcome: DeviceKeyOutcome) => Promise<void>;
}

/** One key per device, each outcome in the devices' order; a cancellation leaves the rest not started. */
export async function createDeviceKeys(
  client: ApplicationClient,
  resource: ResourceType,
  devices: readonly Device[],
  options: DeviceKeysOptions,
): Promise<DeviceKeyOutcome[]> {
  const outcomes = new Map<string, DeviceKeyOutcome>();
  const startedAt = Date.now();
  const existing = options.existing ?? (await loadEveryItem((query, s) => client.list(resource, query, s), resource, {}, options.signal)).items;
  const baseline: CreateBaseline = { known: new Set(existing.map((k) => k.id)), startedAt };
  // The caller's cancel, or a secret that could not be kept (onCreated failed): no further key is created.
  const stop = new AbortController();
  const stopped = AbortSignal.any([options.signal, stop.signal]);
  await runBulk(
    devices,
    async (device, signal) => {
      let outcome: DeviceKeyOutcome;
      try {
        outcome = await createOne(client, resource, device, baseline, signal);
      } catch (error) {
        outcomes.set(device.id, { device, status: isCancellation(error) ? 'interrupted' : 'failed', error });
        throw error;
      }
      outcomes.set(device.id, outcome);
      if (outcome.secrets?.length && options.onCreated) {
        await options.onCreated(outcome).catch((error: unknown) => {
          stop.abort(error);
          throw error;
        });
      }
    },
    { ...options, signal: stopped },
  );
  return devices.map((device) => outcomes.get(device.id) ?? { device, status: 'notStarted' });
}

/** A created device key's whole credential for a secrets file: the device's and the key's IDs, then its secrets. */
export function deviceKeyRecord(resource: ResourceType, outcome: DeviceKeyOutcome): SecretRecord {
  return {
    name: outcome.device.name,
    ids: [{ label: 'device_id', value: outcome.device.id }, idField(resource.id, outcome.item!.id)],
    secrets: outcome.secrets ?? [],
  };
}

export function countByStatus(outcomes: readonly DeviceKeyOutcome[]): Record<DeviceKeyStatus, number> {
  const counts: Record<DeviceKeyStatus, number> = { created: 0, createdSecretLost: 0, unknown: 0, failed: 0, interrupted: 0, notStarted: 0 };
  for (const o of outcomes) counts[o.status]++;
  return counts;
}

/** Keys created at once: enough to keep the rate up at 50 ms a request, few enough to be polite. */
export const DEVICE_KEY_CONCURRENCY = 4;

const OUTCOME_TEXT: Record<DeviceKeyStatus, () => string> = {
  created: () => l10n.t('created'),
  createdSecretLost: () => l10n.t('created, but its answer was lost with the secret: rotate it or delete it'),
  unknown: () => l10n.t('unknown: its answer was lost and App Keys cannot tell whether the server made it; look in the tree'),
  failed: () => l10n.t('failed'),
  interrupted: () => l10n.t('cancelled while being created: it may exist, look in the tree'),
  notStarted: () => l10n.t('not started (cancelled)'),
};

/** The per-device report (Markdown; every server text a code span). Secrets are never in it. */
export function renderDeviceKeysReport(
  applicationLabel: string,
  outcomes: readonly DeviceKeyOutcome[],
  skipped: readonly Device[],
  now: number,
  /** The file the secrets were appended to as the keys were made, and how many this run added. */
  secrets?: { file: string; appended: number },
): string {
  const counts = countByStatus(outcomes);
  const created = counts.created + counts.createdSecretLost;
  const cancelled = counts.interrupted + counts.notStarted;
  const lines = [
    `# ${l10n.t('Keys for devices: {0}', codeSpan(applicationLabel))}`,
    '',
    l10n.t('Generated {0} UTC. One key per device, each restricted to its device.', new Date(now).toISOString().slice(0, 16).replace('T', ' ')),
    '',
    `- ${counts.createdSecretLost ? l10n.t('Created: {0} ({1} without their secret)', created, counts.createdSecretLost) : l10n.t('Created: {0}', created)}`,
    ...(counts.unknown ? [`- ${l10n.t('Unknown: {0}', counts.unknown)}`] : []),
    `- ${l10n.t('Failed: {0}', counts.failed)}`,
    ...(cancelled ? [`- ${l10n.t('Cancelled: {0}', cancelled)}`] : []),
    ...(skipped.length ? [`- ${l10n.t('Skipped (already had a key): {0}', skipped.length)}`] : []),
    ...(secrets ? [`- ${l10n.t('Secrets: {0} appended to {1}', secrets.appended, codeSpan(secrets.file))}`] : []),
    '',
    `## ${l10n.t('Devices')}`,
    '',
  ];
  for (const o of outcomes) {
    const key = o.item ? ` — ${l10n.t('key {0}', codeSpan(o.item.id))}` : '';
    const why = (o.status === 'failed' || o.status === 'unknown') && o.error !== undefined ? `: ${codeSpan(describeError(o.error))}` : '';
    lines.push(`- ${codeSpan(o.device.name)} (${codeSpan(o.device.id)}): ${OUTCOME_TEXT[o.status]()}${why}${key}`);
  }
  for (const device of skipped) lines.push(`- ${codeSpan(device.name)} (${codeSpan(device.id)}): ${l10n.t('skipped, it already has a key')}`);
  return `${lines.join('\n')}\n`;
}
