// Losant's resources under an application: what each looks like in the tree and the edit document.
// Labels, nouns and prompts are getters: they are translated when shown, after activation configured @vscode/l10n.
import * as l10n from '@vscode/l10n';
import { LOSANT_ID } from '../ids';
import type { ItemSummary, ResourceItem, ResourceType } from './platform';
import { listField } from './shared';
import { expiryOf, expiryText } from '../expiry';
import applicationKeyPost from '../../../schemas/losant/applicationKeyPost.json';
import applicationKeyPatch from '../../../schemas/losant/applicationKeyPatch.json';
import apiTokenPatch from '../../../schemas/losant/apiTokenPatch.json';
import apiTokenPost from '../../../schemas/losant/applicationApiTokenPost.json';

export interface LosantResourceType extends ResourceType {
  /** Path segment below /applications/{applicationId}. */
  readonly pathSegment: string;
  /** Scope groups from Losant's action list, e.g. `applicationKeys` and `applicationKey`. */
  readonly collectionScope: string;
  readonly itemScope: string;
  /** The field of the create response that holds the one-time secret. */
  readonly secretField: string;
  /** The field that names the credential beside its secret (a key's `key`: devices connect with both), handed off with it. */
  readonly credentialIdField?: string;
}

function pick(data: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const field of fields) if (data[field] !== undefined) picked[field] = data[field];
  return picked;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);
const deactivates = (changes: Record<string, unknown>): boolean => changes.status === 'inactive';
const statusPatch = (active: boolean): Record<string, unknown> => ({ status: active ? 'active' : 'inactive' });
const fieldValue = (item: ResourceItem, field: string): string => {
  const value = item.data[field];
  return value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
};
const STATUS = listField('status', () => l10n.t('Status'), ['active', 'inactive']);
// Losant serves up to 1,000 items a page, and pages on to the end of any list.
const COMMON_LIST = { serverQuery: true, fieldValue, statusPatch, deactivates, paging: { maxPerPage: 1000, concurrency: 6 } };

const KEY_PATCH_FIELDS = Object.keys(applicationKeyPatch.properties);
const KEY_POST_FIELDS = Object.keys(applicationKeyPost.properties);
const TOKEN_PATCH_FIELDS = Object.keys(apiTokenPatch.properties);

export const losantKeys: LosantResourceType = {
  id: 'keys',
  get label() {
    return l10n.t('Application Keys');
  },
  get noun() {
    return l10n.t('application key');
  },
  idPattern: LOSANT_ID,
  argName: 'keyId',
  patchSchema: applicationKeyPatch,
  postSchema: applicationKeyPost,
  // Restrictions to devices can be set only here, at creation: Losant recommends one key per device.
  createTemplate: () => ({ name: '', description: '', deviceIds: [], deviceTags: [], filterType: 'all', pubTopics: [], subTopics: [] }),
  pathSegment: 'keys',
  collectionScope: 'applicationKeys',
  itemScope: 'applicationKey',
  secretField: 'secret',
  credentialIdField: 'key',
  copyLabel: 'key',
  createFields: [
    {
      name: 'name',
      get prompt() {
        return l10n.t('Name of the new application key');
      },
      required: true,
      maxLength: 255,
    },
    {
      name: 'description',
      get prompt() {
        return l10n.t('Description (optional)');
      },
      required: false,
      maxLength: 32767,
    },
  ],
  ...COMMON_LIST,
  sortFields: [
    listField('name', () => l10n.t('Name')),
    listField('key', () => l10n.t('Key')),
    listField('creationDate', () => l10n.t('Creation date')),
    listField('lastUpdated', () => l10n.t('Last update')),
    STATUS,
  ],
  // A key's value is a UUID: its example is the start of one, not a name.
  filterFields: [listField('name', () => l10n.t('Name')), listField('key', () => l10n.t('Key'), undefined, '3f2a9c1e-*'), STATUS],
  // advancedApplicationKeyQuery: `$in` holds at most 100 values.
  advancedQuery: { maxValues: 100 },
  searchFields: ['name', 'key'],
  copyInput: (item: ResourceItem, name: string) => ({ ...pick(item.data, KEY_POST_FIELDS), name }),
  createdAt: (item: ResourceItem) => text(item.data.creationDate),
  editableFields: (item: ResourceItem) => pick(item.data, KEY_PATCH_FIELDS),
  summarize(item: ResourceItem): ItemSummary {
    const key = text(item.data.key) ?? item.id;
    const name = text(item.data.name);
    const active = item.data.status !== 'inactive';
    return {
      label: name ?? key,
      description: [active ? undefined : l10n.t('inactive'), name ? key : undefined].filter(Boolean).join(' · ') || undefined,
      active,
      copyValue: key,
    };
  },
};

export const losantApiTokens: LosantResourceType = {
  id: 'tokens',
  get label() {
    return l10n.t('API Tokens');
  },
  get noun() {
    return l10n.t('API token');
  },
  idPattern: LOSANT_ID,
  argName: 'tokenId',
  patchSchema: apiTokenPatch,
  postSchema: apiTokenPost,
  // A token that expires in a year unless the user says otherwise (the field can be deleted).
  createTemplate: (now) => ({ name: '', description: '', expirationDate: new Date(now + 365 * 86_400_000).toISOString(), scope: ['all.Application'] }),
  pathSegment: 'tokens',
  collectionScope: 'applicationApiTokens',
  itemScope: 'applicationApiToken',
  secretField: 'token',
  createFields: [
    {
      name: 'name',
      get prompt() {
        return l10n.t('Name of the new API token');
      },
      required: true,
      maxLength: 255,
    },
    {
      name: 'description',
      get prompt() {
        return l10n.t('Description (optional)');
      },
      required: false,
      maxLength: 32767,
    },
    {
      name: 'expirationDate',
      get prompt() {
        return l10n.t('Expiration date (optional), e.g. 2027-06-30 or 2027-06-30T12:00:00Z');
      },
      required: false,
      kind: 'date-time',
    },
    {
      name: 'scope',
      get prompt() {
        return l10n.t('Scopes of the new token');
      },
      required: true,
      kind: 'choices',
      choices: apiTokenPost.properties.scope.items.enum,
      defaultChoices: ['all.Application'],
    },
  ],
  ...COMMON_LIST,
  sortFields: [
    listField('name', () => l10n.t('Name')),
    listField('creationDate', () => l10n.t('Creation date')),
    listField('lastUpdated', () => l10n.t('Last update')),
    listField('expirationDate', () => l10n.t('Expiration date')),
    STATUS,
  ],
  filterFields: [listField('name', () => l10n.t('Name')), STATUS],
  createdAt: (item: ResourceItem) => text(item.data.creationDate),
  searchFields: ['name'],
  editableFields: (item: ResourceItem) => pick(item.data, TOKEN_PATCH_FIELDS),
  // apiToken.json: `expirationDate` (date-time), absent for a token that never expires.
  expiresAt: (item: ResourceItem) => text(item.data.expirationDate),
  summarize(item: ResourceItem): ItemSummary {
    const expiry = expiryOf(losantApiTokens, item, Date.now());
    const active = item.data.status !== 'inactive' && !expiry?.expired;
    const scopes = Array.isArray(item.data.scope) ? item.data.scope.join(', ') : undefined;
    return {
      label: text(item.data.name) ?? item.id,
      description:
        [item.data.status === 'inactive' ? l10n.t('inactive') : undefined, expiry && expiryText(expiry), scopes].filter(Boolean).join(' · ') || undefined,
      active,
      copyValue: item.id,
    };
  },
};

/** The token ID inside a Losant API token (a JWT whose `sub` is the token's ID), if it is one. */
export function losantTokenId(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const sub = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown }).sub;
    return typeof sub === 'string' && LOSANT_ID.test(sub) ? sub : undefined;
  } catch {
    return undefined;
  }
}
