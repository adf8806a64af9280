// The stored shape of Losant records and how each is rendered in responses.
// Stored records may hold secrets (key secret, token string); the renderers
// decide when those leave the sandbox (only in the create responses).
import type { MonotonicClock } from '../ids';

export type ActorType = 'user' | 'apiToken' | 'flow';
export type Status = 'active' | 'inactive';

export interface LosantUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
}

export interface LosantApplication {
  id: string;
  name: string;
  description?: string;
  creationDate: string;
  lastUpdated: string;
  ownerId: string;
  ownerType: 'user' | 'organization';
  organizationName?: string;
  endpointSlug?: string;
}

export interface DeviceTag {
  key?: string;
  value?: string;
}

export interface LosantKeyRecord {
  id: string;
  applicationId: string;
  creationDate: string;
  createdById: string;
  createdByType: ActorType;
  lastUpdated: string;
  lastUpdatedById: string;
  lastUpdatedByType: ActorType;
  key: string;
  /** Kept so tests can inspect it; only ever returned by the create call. */
  secret: string;
  status: Status;
  name?: string;
  description?: string;
  deviceIds?: string[];
  deviceTags?: DeviceTag[];
  filterType?: 'all' | 'whitelist' | 'blacklist' | 'none';
  pubTopics?: string[];
  subTopics?: string[];
  addressFilterType?: 'all' | 'whitelist' | 'blacklist';
  addresses?: string[];
}

export interface LosantApiTokenRecord {
  id: string;
  /** The owning application (ownerId in responses; ownerType is always "application"). */
  applicationId: string;
  creatorId: string;
  creatorType: ActorType;
  creatorName: string;
  name: string;
  description?: string;
  creationDate: string;
  lastUpdated: string;
  expirationDate?: string;
  scope: string[];
  status: Status;
  /** The bearer string; only ever returned by the create call. */
  token: string;
  defaultRole?: string;
  orgRoles?: unknown[];
}

/** A user-level bearer token (not an application API token), e.g. SANDBOX_TOKENS.full. */
export interface LosantUserToken {
  name: string;
  userId: string;
  scope: string[];
}

/** A device of an application (schemas/devices.json); what a key's device restrictions refer to. */
export interface LosantDeviceRecord {
  id: string;
  applicationId: string;
  name: string;
  description: string;
  tags: { key: string; value: string }[];
  deviceClass: 'standalone' | 'gateway' | 'peripheral' | 'floating' | 'edgeCompute' | 'system';
  creationDate: string;
  lastUpdated: string;
}

export function renderDevice(device: LosantDeviceRecord): Record<string, unknown> {
  return {
    id: device.id,
    deviceId: device.id,
    applicationId: device.applicationId,
    creationDate: device.creationDate,
    lastUpdated: device.lastUpdated,
    name: device.name,
    description: device.description,
    tags: device.tags.map((t) => ({ ...t })),
    attributes: [],
    deviceClass: device.deviceClass,
    connectionInfo: { time: device.lastUpdated, connected: 0 },
    parentId: null,
  };
}

export interface LosantState {
  user: LosantUser;
  applications: Map<string, LosantApplication>;
  keys: Map<string, LosantKeyRecord>;
  apiTokens: Map<string, LosantApiTokenRecord>;
  devices: Map<string, LosantDeviceRecord>;
  /** Bearer string -> user token. */
  userTokens: Map<string, LosantUserToken>;
  clock: MonotonicClock;
}

export function renderApplication(state: LosantState, app: LosantApplication): Record<string, unknown> {
  let keyCount = 0;
  for (const key of state.keys.values()) if (key.applicationId === app.id) keyCount++;
  let apiTokenCount = 0;
  for (const token of state.apiTokens.values()) if (token.applicationId === app.id) apiTokenCount++;
  return {
    id: app.id,
    applicationId: app.id,
    name: app.name,
    ...(app.description !== undefined ? { description: app.description } : {}),
    creationDate: app.creationDate,
    lastUpdated: app.lastUpdated,
    ownerId: app.ownerId,
    ownerType: app.ownerType,
    ...(app.organizationName !== undefined ? { organizationName: app.organizationName } : {}),
    ...(app.endpointSlug !== undefined ? { endpointSlug: app.endpointSlug } : {}),
    summary: { keyCount, apiTokenCount },
  };
}

export function renderKey(key: LosantKeyRecord, options: { includeSecret?: boolean } = {}): Record<string, unknown> {
  const { secret, id, ...rest } = key;
  const out: Record<string, unknown> = {
    id,
    applicationKeyId: id,
    applicationId: rest.applicationId,
    creationDate: rest.creationDate,
    createdById: rest.createdById,
    createdByType: rest.createdByType,
    lastUpdated: rest.lastUpdated,
    lastUpdatedById: rest.lastUpdatedById,
    lastUpdatedByType: rest.lastUpdatedByType,
    key: rest.key,
    status: rest.status,
  };
  if (options.includeSecret) out.secret = secret;
  for (const field of ['name', 'description', 'deviceIds', 'deviceTags', 'filterType', 'pubTopics', 'subTopics', 'addressFilterType', 'addresses'] as const) {
    if (rest[field] !== undefined) out[field] = structuredClone(rest[field]);
  }
  return out;
}

export function renderApiToken(token: LosantApiTokenRecord, options: { includeToken?: boolean } = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: token.id,
    apiTokenId: token.id,
    ownerId: token.applicationId,
    ownerType: 'application',
    creatorId: token.creatorId,
    creatorType: token.creatorType,
    creatorName: token.creatorName,
    name: token.name,
  };
  if (token.description !== undefined) out.description = token.description;
  out.creationDate = token.creationDate;
  out.lastUpdated = token.lastUpdated;
  if (token.expirationDate !== undefined) out.expirationDate = token.expirationDate;
  if (token.defaultRole !== undefined) out.defaultRole = token.defaultRole;
  if (token.orgRoles !== undefined) out.orgRoles = structuredClone(token.orgRoles);
  out.scope = [...token.scope];
  out.status = token.status;
  if (options.includeToken) out.token = token.token;
  return out;
}
