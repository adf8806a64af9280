// Builds (and rebuilds, for reset()) the live Losant state from the seed data.
import { MonotonicClock, jwtLikeToken, seededHex, uuidFromHex } from '../ids';
import { CountedMap } from './list-query';
import type { LosantDeviceRecord, LosantKeyRecord, LosantState } from './model';
import { APP_SPECS, KEY_SPECS, SANDBOX_APPS, SANDBOX_ORG, SANDBOX_TOKENS, SANDBOX_USER, TOKEN_SPECS, seedId } from './seed-data';

const SANDBOX_DEVICE_APPS = { fleet: SANDBOX_APPS.demoFleet.id, warehouse: SANDBOX_APPS.warehouseSensors.id };

export interface ExtraKeys {
  applicationId: string;
  count: number;
  /** The first this many keys are each restricted to a generated device: key i to device i (`Device 0000i`). */
  restricted?: number;
}

/** Generated devices for volume tests: `Device 00001`… tagged zone (A–H) and batch (1–5). */
export interface ExtraDevices {
  applicationId: string;
  count: number;
}

const HOUR_MS = 3600_000;
const SEED_SIGNING_KEY = 'app-keys-sandbox-seed';

export function createLosantState(extraKeys: readonly ExtraKeys[] = [], extraDevices: readonly ExtraDevices[] = []): LosantState {
  const state: LosantState = {
    user: { ...SANDBOX_USER },
    applications: new Map(),
    keys: new CountedMap(),
    apiTokens: new Map(),
    devices: new CountedMap(),
    userTokens: new Map(),
    clock: new MonotonicClock(),
  };
  resetLosantState(state, extraKeys, extraDevices);
  return state;
}

/** Refills the maps in place (so references held by tests stay valid); the clock keeps running. */
export function resetLosantState(state: LosantState, extraKeys: readonly ExtraKeys[] = [], extraDevices: readonly ExtraDevices[] = []): void {
  state.user = { ...SANDBOX_USER };
  state.applications.clear();
  state.keys.clear();
  state.apiTokens.clear();
  state.devices.clear();
  state.userTokens.clear();

  state.userTokens.set(SANDBOX_TOKENS.full, { name: 'full', userId: SANDBOX_USER.id, scope: ['all.User'] });
  state.userTokens.set(SANDBOX_TOKENS.readOnly, { name: 'readOnly', userId: SANDBOX_USER.id, scope: ['all.User.read'] });

  for (const spec of APP_SPECS) {
    state.applications.set(spec.app.id, {
      id: spec.app.id,
      name: spec.app.name,
      description: spec.description,
      creationDate: spec.creationDate,
      lastUpdated: addMs(spec.creationDate, 2 * HOUR_MS),
      ownerId: spec.organization ? SANDBOX_ORG.id : SANDBOX_USER.id,
      ownerType: spec.organization ? 'organization' : 'user',
      ...(spec.organization ? { organizationName: SANDBOX_ORG.name } : {}),
      endpointSlug: spec.endpointSlug,
    });
  }
  seedKeys(state);
  seedTokens(state);
  seedDevices(state);
  let generated = 0;
  for (const extra of extraKeys) generated = addGeneratedKeys(state, extra, generated);
  let devices = 0;
  for (const extra of extraDevices) devices = addGeneratedDevices(state, extra, devices);
}

function addGeneratedDevices(state: LosantState, extra: ExtraDevices, before: number): number {
  const app = state.applications.get(extra.applicationId);
  if (!app) throw new Error(`extraDevices: unknown applicationId ${extra.applicationId}`);
  if (!Number.isInteger(extra.count) || extra.count < 0) throw new Error(`extraDevices: count must be a non-negative integer`);
  let n = before;
  for (let i = 1; i <= extra.count; i++) {
    n++;
    const id = seedId('9', n);
    const creationDate = addMs('2024-04-01T00:00:00.000Z', n * 60_000);
    const tags = [
      { key: 'zone', value: String.fromCharCode(65 + (i % 8)) },
      { key: 'batch', value: String((i % 5) + 1) },
    ];
    state.devices.set(id, {
      id,
      applicationId: app.id,
      name: `Device ${String(i).padStart(5, '0')}`,
      description: '',
      tags,
      deviceClass: 'standalone',
      creationDate,
      lastUpdated: creationDate,
    });
  }
  return n;
}

/** Demo Fleet's trucks (one gateway each, tagged by depot and floor) and Warehouse Sensors' three sensors. */
function seedDevices(state: LosantState): void {
  const add = (applicationId: string, n: number, name: string, tags: { key: string; value: string }[], deviceClass: LosantDeviceRecord['deviceClass']) => {
    const creationDate = addMs('2024-03-01T08:00:00.000Z', n * HOUR_MS);
    state.devices.set(seedId('c', n), { id: seedId('c', n), applicationId, name, description: '', tags, deviceClass, creationDate, lastUpdated: creationDate });
  };
  for (let i = 1; i <= 20; i++) {
    const truck = String(i).padStart(2, '0');
    add(
      SANDBOX_DEVICE_APPS.fleet,
      i,
      `Truck ${truck}`,
      [
        { key: 'depot', value: i <= 10 ? 'north' : 'south' },
        { key: 'floor', value: String((i % 3) + 1) },
      ],
      'gateway',
    );
  }
  ['Freezer door', 'Loading dock', 'Forklift 1'].forEach((name, i) =>
    add(SANDBOX_DEVICE_APPS.warehouse, 101 + i, name, [{ key: 'zone', value: 'A' }], 'standalone'),
  );
}

function seedKeys(state: LosantState): void {
  let n = 0;
  for (const spec of APP_SPECS) {
    (KEY_SPECS[spec.app.id] ?? []).forEach((keySpec, index) => {
      n++;
      // Keys of an app are created 6 hours apart after the app; some edited later.
      const creationDate = addMs(spec.creationDate, (index + 1) * 6 * HOUR_MS);
      const record = baseKey(state, seedId('b', n), spec.app.id, creationDate, `seed-key-${n}`);
      record.lastUpdated = addMs(creationDate, (index % 4) * 24 * HOUR_MS);
      record.status = keySpec.status ?? 'active';
      if (keySpec.name !== undefined) record.name = keySpec.name;
      if (keySpec.description !== undefined) record.description = keySpec.description;
      if (keySpec.deviceTags) record.deviceTags = keySpec.deviceTags.map((tag) => ({ ...tag }));
      record.filterType = keySpec.filterType ?? 'all';
      record.pubTopics = [...(keySpec.pubTopics ?? [])];
      record.subTopics = [...(keySpec.subTopics ?? [])];
      state.keys.set(record.id, record);
    });
  }
}

function seedTokens(state: LosantState): void {
  TOKEN_SPECS.forEach((spec, index) => {
    const id = seedId('c', index + 1);
    const app = state.applications.get(spec.applicationId);
    const creationDate = addMs(app?.creationDate ?? '2024-01-01T00:00:00.000Z', (index + 1) * HOUR_MS);
    state.apiTokens.set(id, {
      id,
      applicationId: spec.applicationId,
      creatorId: SANDBOX_USER.id,
      creatorType: 'user',
      creatorName: `${SANDBOX_USER.firstName} ${SANDBOX_USER.lastName}`,
      name: spec.name,
      ...(spec.description !== undefined ? { description: spec.description } : {}),
      creationDate,
      lastUpdated: creationDate,
      ...(spec.expirationDate !== undefined ? { expirationDate: spec.expirationDate } : {}),
      scope: [...spec.scope],
      status: spec.status ?? 'active',
      token: spec.token ?? jwtLikeToken({ sub: id, iss: 'losant-sandbox', iat: Math.floor(Date.parse(creationDate) / 1000) }, SEED_SIGNING_KEY),
    });
  });
}

/**
 * Many similar keys for volume tests (1,000 / 10,000); deterministic and fast (two hashes per key).
 * `before` is how many were generated already (ids stay unique across entries); returns the new total.
 */
function addGeneratedKeys(state: LosantState, extra: ExtraKeys, before: number): number {
  const app = state.applications.get(extra.applicationId);
  if (!app) throw new Error(`extraKeys: unknown applicationId ${extra.applicationId}`);
  if (!Number.isInteger(extra.count) || extra.count < 0) throw new Error(`extraKeys: count must be a non-negative integer`);
  const base = Date.parse('2024-03-01T00:00:00.000Z');
  let n = before;
  for (let i = 1; i <= extra.count; i++) {
    n++;
    const creationDate = new Date(base + n * 60_000).toISOString();
    const record = baseKey(state, seedId('f', n), app.id, creationDate, `extra-key-${n}`);
    record.name = `Generated key ${String(i).padStart(5, '0')}`;
    record.status = i % 7 === 0 ? 'inactive' : 'active';
    record.filterType = 'all';
    record.pubTopics = [];
    record.subTopics = [];
    if (i <= (extra.restricted ?? 0)) record.deviceIds = [seedId('9', i)];
    state.keys.set(record.id, record);
  }
  return n;
}

function baseKey(state: LosantState, id: string, applicationId: string, creationDate: string, label: string): LosantKeyRecord {
  return {
    id,
    applicationId,
    creationDate,
    createdById: state.user.id,
    createdByType: 'user',
    lastUpdated: creationDate,
    lastUpdatedById: state.user.id,
    lastUpdatedByType: 'user',
    key: uuidFromHex(seededHex(`${label}:key`, 32)),
    secret: seededHex(`${label}:secret`, 64),
    status: 'active',
  };
}

function addMs(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}
