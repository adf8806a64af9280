// The sandbox's fixed demo data: who exists, which applications, keys and tokens.
// Everything is deterministic so tests and demos can refer to it by constant.

/** Builds a 24-hex id that reads as "sandbox seed, kind, number" (kind is one hex digit). */
export function seedId(kind: string, n: number): string {
  return `65a0c0de${kind}${n.toString(16).padStart(15, '0')}`;
}

/** Bearer tokens accepted by the sandbox. full/readOnly are user tokens; the others are application API tokens of Demo Fleet. */
export const SANDBOX_TOKENS = {
  /** Scope all.User: everything, every application. */
  full: 'sbx_full_10f9437ec06240146016ea49b87e233',
  /** Scope all.User.read: every GET, no writes. */
  readOnly: 'sbx_readOnly_917656fcbd260229f9cbab001c2',
  /** Scope all.Application, Demo Fleet only (cannot list applications). */
  singleApp: 'sbx_singleApp_3d538a15a14e36344d697f713c',
  /** Scopes applicationKeys.get + applicationKey.get, Demo Fleet only. */
  keysReadOnly: 'sbx_keysReadOnly_5bd45d90dfba435b8e0b5c7',
} as const;

export type SandboxTokenName = keyof typeof SANDBOX_TOKENS;

export const SANDBOX_USER = {
  id: seedId('d', 1),
  email: 'sandbox.user@example.com',
  firstName: 'Sandbox',
  lastName: 'User',
} as const;

export const SANDBOX_ORG = { id: seedId('e', 1), name: 'Acme Logistics' } as const;

export const SANDBOX_APPS = {
  /** 26 keys, 4 API tokens (including the singleApp and keysReadOnly bearers). */
  demoFleet: { id: seedId('a', 1), name: 'Demo Fleet' },
  /** 5 keys, 2 API tokens (one expired); owned by the organization. */
  warehouseSensors: { id: seedId('a', 2), name: 'Warehouse Sensors' },
  /** No keys, 1 API token. */
  emptyApp: { id: seedId('a', 3), name: 'Empty App' },
} as const;

/** Seeded key counts per application, for assertions. */
export const SANDBOX_KEY_COUNTS = {
  [SANDBOX_APPS.demoFleet.id]: 26,
  [SANDBOX_APPS.warehouseSensors.id]: 5,
  [SANDBOX_APPS.emptyApp.id]: 0,
} as const;

export interface AppSpec {
  app: { id: string; name: string };
  description: string;
  creationDate: string;
  organization: boolean;
  endpointSlug: string;
}

export const APP_SPECS: AppSpec[] = [
  {
    app: SANDBOX_APPS.demoFleet,
    description: 'Delivery trucks with cellular gateways',
    creationDate: '2024-01-12T09:00:00.000Z',
    organization: false,
    endpointSlug: 'demo-fleet',
  },
  {
    app: SANDBOX_APPS.warehouseSensors,
    description: 'Temperature, door and forklift sensors',
    creationDate: '2024-02-03T14:30:00.000Z',
    organization: true,
    endpointSlug: 'warehouse-sensors',
  },
  {
    app: SANDBOX_APPS.emptyApp,
    description: 'A fresh application with no keys yet',
    creationDate: '2024-05-20T08:15:00.000Z',
    organization: false,
    endpointSlug: 'empty-app',
  },
];

export interface KeySpec {
  name?: string;
  status?: 'active' | 'inactive';
  description?: string;
  filterType?: 'all' | 'whitelist' | 'blacklist' | 'none';
  pubTopics?: string[];
  subTopics?: string[];
  deviceTags?: { key: string; value: string }[];
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

const truckKeys: KeySpec[] = Array.from({ length: 20 }, (_, index) => {
  const n = index + 1;
  return {
    name: `Truck ${pad2(n)} gateway`,
    status: n % 5 === 0 ? 'inactive' : 'active',
    ...(n % 3 === 0 ? { description: `Edge gateway mounted in truck ${pad2(n)}` } : {}),
    deviceTags: [{ key: 'fleet', value: n % 2 === 1 ? 'north' : 'south' }],
  };
});

export const KEY_SPECS: Record<string, KeySpec[]> = {
  [SANDBOX_APPS.demoFleet.id]: [
    ...truckKeys,
    {
      name: 'Dispatch dashboard',
      description: 'Live map for the dispatch office',
      filterType: 'whitelist',
      pubTopics: ['fleet/+/telemetry'],
      subTopics: ['fleet/+/commands'],
    },
    { name: 'Legacy importer', status: 'inactive', description: 'Replaced by the v2 importer; kept for audit' },
    { name: 'Maintenance tablet', filterType: 'blacklist', pubTopics: ['admin/#'], subTopics: ['admin/#'] },
    {}, // keys may have no name at all
    { name: 'Partner API - Acme', description: 'Telemetry feed for Acme Logistics' },
    { name: 'CI smoke test', status: 'inactive', filterType: 'none' },
  ],
  [SANDBOX_APPS.warehouseSensors.id]: [
    { name: 'Dock door sensors', description: 'Magnetic contacts on dock doors 1-8' },
    { name: 'Cold room probes', status: 'inactive' },
    { name: 'Forklift trackers', deviceTags: [{ key: 'type', value: 'forklift' }] },
    { name: 'Inventory scanner', filterType: 'whitelist', pubTopics: ['inventory/scans'], subTopics: [] },
    { name: 'Backup gateway' },
  ],
  [SANDBOX_APPS.emptyApp.id]: [],
};

export interface TokenSpec {
  applicationId: string;
  name: string;
  description?: string;
  scope: string[];
  status?: 'active' | 'inactive';
  expirationDate?: string;
  /** Fixed bearer string (the SANDBOX_TOKENS entries); otherwise a JWT-like one is derived. */
  token?: string;
}

export const TOKEN_SPECS: TokenSpec[] = [
  { applicationId: SANDBOX_APPS.demoFleet.id, name: 'CI pipeline', description: 'Deploys flows from CI', scope: ['all.Application'] },
  { applicationId: SANDBOX_APPS.demoFleet.id, name: 'Dashboard reader', scope: ['all.Application.read'], status: 'inactive' },
  { applicationId: SANDBOX_APPS.demoFleet.id, name: 'Sandbox single-app token', scope: ['all.Application'], token: SANDBOX_TOKENS.singleApp },
  {
    applicationId: SANDBOX_APPS.demoFleet.id,
    name: 'Sandbox keys read-only token',
    scope: ['applicationKeys.get', 'applicationKey.get'],
    token: SANDBOX_TOKENS.keysReadOnly,
  },
  { applicationId: SANDBOX_APPS.warehouseSensors.id, name: 'Warehouse integration', scope: ['applicationKeys.*', 'applicationKey.*'] },
  { applicationId: SANDBOX_APPS.warehouseSensors.id, name: 'Expired contractor token', scope: ['all.Application'], expirationDate: '2024-06-30T00:00:00.000Z' },
  { applicationId: SANDBOX_APPS.emptyApp.id, name: 'Empty app admin', scope: ['all.Application'] },
];
