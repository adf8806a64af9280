// The sandbox's fixed Elastic Path demo data: one store and its application keys.
// Ids, client ids and secrets are the same on every run; "recent" last-used times
// are relative to the moment of seeding so that stale-key reports stay meaningful.

/** Builds a UUID that reads as "sandbox seed, kind, number" (kind is four hex digits). */
export function epSeedId(kind: string, n: number): string {
  return `e9a5c0de-${kind}-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** The demo store and the credentials App Keys uses for it (an application key of the store itself). */
export const SANDBOX_EP = {
  storeId: 'e9a5c0de-5707-4e00-8000-000000000001',
  storeName: 'Demo Store',
  /** POST /oauth/access_token with grant_type=client_credentials and these two. */
  clientId: 'sbx_ep_client_7c1e9a4d2b6f4e0a8d3c5b7a9e1f',
  clientSecret: 'sbx_ep_secret_f3a86b2e91d04c7fa5e8c1b9d2607e4a',
  /** Id of the application key that owns clientId / clientSecret. */
  keyId: epSeedId('4b00', 1),
  keyName: 'App Keys (sandbox)',
  /** Requests per second of the store: the ceiling for the sum of reserved rate limits. */
  rateLimit: 100,
} as const;

/** The store's page length setting: page[limit] when none is given. */
export const EP_DEFAULT_PAGE_LENGTH = 25;
/** Access tokens last one hour, as on Elastic Path. */
export const EP_DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;

/** When a seeded key was last used: never, a fixed instant, or some time before seeding. */
export type LastUsedSpec = null | { at: string } | { hoursAgo: number };

export interface EpKeySpec {
  id: string;
  name: string;
  reservedRateLimit: number;
  createdAt: string;
  updatedAt?: string;
  lastUsed: LastUsedSpec;
  /** Fixed credentials (the App Keys key); others are derived from the key's number. */
  clientId?: string;
  clientSecret?: string;
}

/** The seeded application keys by nickname, for tests. */
export const SANDBOX_EP_KEYS = {
  /** The credentials in SANDBOX_EP; never used until the first token request. */
  appKeys: { id: SANDBOX_EP.keyId, name: SANDBOX_EP.keyName },
  /** Reserved 30; used an hour before seeding. */
  storefront: { id: epSeedId('4b00', 2), name: 'Storefront' },
  /** Reserved 10; used two days before seeding. */
  searchIntegration: { id: epSeedId('4b00', 3), name: 'Search Integration' },
  /** Reserved 15; used three hours before seeding. */
  erpSync: { id: epSeedId('4b00', 4), name: 'ERP Sync' },
  /** Reserved 5; used six days before seeding. */
  mobileApp: { id: epSeedId('4b00', 5), name: 'Mobile App' },
  /** Stale: last used 2023-03-14. */
  legacyImporter: { id: epSeedId('4b00', 6), name: 'Legacy Importer' },
  /** Stale: last used 2022-11-02. */
  marketingFeed: { id: epSeedId('4b00', 7), name: 'Marketing Feed (old)' },
  /** Never used. */
  testKey: { id: epSeedId('4b00', 8), name: 'Test key - do not use' },
} as const;

export const SANDBOX_EP_KEY_COUNT = 8;
/** Sum of the seeded keys' reserved rate limits (of SANDBOX_EP.rateLimit = 100). */
export const SANDBOX_EP_RESERVED_TOTAL = 60;

const K = SANDBOX_EP_KEYS;

export const EP_KEY_SPECS: readonly EpKeySpec[] = [
  {
    ...K.appKeys,
    reservedRateLimit: 0,
    createdAt: '2024-04-02T10:00:00.000Z',
    lastUsed: null,
    clientId: SANDBOX_EP.clientId,
    clientSecret: SANDBOX_EP.clientSecret,
  },
  { ...K.storefront, reservedRateLimit: 30, createdAt: '2023-06-01T09:00:00.000Z', updatedAt: '2024-01-15T12:00:00.000Z', lastUsed: { hoursAgo: 1 } },
  { ...K.searchIntegration, reservedRateLimit: 10, createdAt: '2023-06-01T09:30:00.000Z', lastUsed: { hoursAgo: 48 } },
  { ...K.erpSync, reservedRateLimit: 15, createdAt: '2023-08-14T16:45:00.000Z', updatedAt: '2024-02-20T08:00:00.000Z', lastUsed: { hoursAgo: 3 } },
  { ...K.mobileApp, reservedRateLimit: 5, createdAt: '2023-11-03T11:20:00.000Z', lastUsed: { hoursAgo: 6 * 24 } },
  { ...K.legacyImporter, reservedRateLimit: 0, createdAt: '2022-09-12T07:10:00.000Z', lastUsed: { at: '2023-03-14T18:22:05.000Z' } },
  {
    ...K.marketingFeed,
    reservedRateLimit: 0,
    createdAt: '2022-05-30T13:00:00.000Z',
    updatedAt: '2022-06-02T10:15:00.000Z',
    lastUsed: { at: '2022-11-02T09:41:37.000Z' },
  },
  { ...K.testKey, reservedRateLimit: 0, createdAt: '2024-02-29T15:05:00.000Z', lastUsed: null },
];
