// The seam between the generic layers (service, tree, commands, documents) and each platform.
// A new platform is one implementation of `Platform`; nothing above it branches on platform.

/** What a platform needs to authenticate: its API base URL and the stored credential. */
export interface Connection {
  baseUrl: string;
  /** Losant: the API token. Elastic Path: the client secret. */
  secret: string;
  /** Elastic Path only: the client ID that goes with the secret. */
  clientId?: string;
}

export interface ListQuery {
  page: number;
  perPage: number;
  sortField?: string;
  sortDirection?: 'asc' | 'desc';
  filterField?: string;
  filter?: string;
  /** Only items whose array `field` holds one of `values` (e.g. keys of these devices); where `advancedQuery`. The caller checks the answer. */
  anyOf?: { field: string; values: readonly string[] };
  /** Only items whose `fields` contain `text`, case-insensitive (Find Key…); where `advancedQuery`. The caller checks the answer. */
  search?: { fields: readonly string[]; text: string };
}

/** One key or token as the server returned it, with the few facts the layers above need. */
export interface ResourceItem {
  id: string;
  /** Changes on every write on the server (Losant's `lastUpdated`); used to detect conflicts. */
  version?: string;
  data: Record<string, unknown>;
}

export interface Page {
  items: ResourceItem[];
  /** The server's total, where it gave a sane one (see paging.ts); undefined if unknown. */
  totalCount?: number;
  /** The page asked for, never the server's echo. */
  page: number;
  /** The size the server used, from 1 to the size asked for. */
  perPage: number;
  /** A fact about the whole collection worth showing beside it (Elastic Path's reserved rate limit). */
  note?: string;
}

export interface OneTimeSecret {
  label: string;
  value: string;
  /** Handed off with the secret but not secret itself (a Losant key's `key`, an Elastic Path `client_id`). */
  public?: boolean;
}

export interface CreateResult {
  item: ResourceItem;
  /** Values the server shows only once (a key's secret, a token); never stored. */
  oneTimeSecrets: OneTimeSecret[];
}

export interface CreateField {
  name: string;
  prompt: string;
  required: boolean;
  /** text (default), a whole number ≥ 0, a date-time (ISO 8601), or several of `choices`. */
  kind?: 'text' | 'integer' | 'date-time' | 'choices';
  maxLength?: number;
  choices?: readonly string[];
  /** Choices picked in advance. */
  defaultChoices?: readonly string[];
}

export interface ItemSummary {
  label: string;
  description?: string;
  active: boolean;
  /** The value `copyKey` puts on the clipboard (Losant's `key`). */
  copyValue?: string;
}

export interface ResourceType {
  /** URI segment and group id, e.g. `keys`. */
  readonly id: string;
  /** Group label in the tree, e.g. `Application Keys`. */
  readonly label: string;
  /** One item, for messages, e.g. `application key`. */
  readonly noun: string;
  readonly idPattern: RegExp;
  /** The property that names an item in a command's argument object, e.g. `keyId`. */
  readonly argName: string;
  /** JSON schema of the edit document (also contributed through jsonValidation). */
  readonly patchSchema: object;
  /** JSON schema of a create document (also contributed through jsonValidation, for `appkeys://<platform>.<resource>.new.…`). */
  readonly postSchema: object;
  /** What a create document starts with: the fields a user would set. */
  createTemplate(now: number): Record<string, unknown>;
  readonly createFields: readonly CreateField[];
  /** The fields of the edit document, with their current values. */
  editableFields(item: ResourceItem): Record<string, unknown>;
  summarize(item: ResourceItem): ItemSummary;
  /** Whether a change stops the item from working (e.g. `status: "inactive"`). */
  deactivates(changes: Record<string, unknown>): boolean;
  /** The patch that turns the item on or off, where it has a status (Losant); undefined where not. */
  statusPatch?(active: boolean): Record<string, unknown>;
  /** Fields a list can be sorted and filtered by (the API's names); `values` for enumerations. */
  readonly sortFields: readonly ListField[];
  readonly filterFields: readonly ListField[];
  /** Whether the API filters and sorts (Losant); if not, lists are filtered and sorted here. */
  readonly serverQuery: boolean;
  /** Whether lists take `anyOf` and `search` (Losant's advanced `query`), and how many values one `anyOf` may hold. */
  readonly advancedQuery?: { maxValues: number };
  /** The fields Find Key… matches what is typed against (name, key value). */
  readonly searchFields?: readonly string[];
  /** How lists of this kind are read: the largest page the API serves, pages in flight when loading all, how far paging reaches. */
  readonly paging: Paging;
  /** What `copy` puts on the clipboard (ItemSummary.copyValue), as menus name it; undefined where that is just the ID. */
  readonly copyLabel?: string;
  /** A field's value as text, for filtering and sorting here. */
  fieldValue(item: ResourceItem, field: string): string;
  /** When the item expires (ISO date), undefined if never; kinds that cannot expire leave it out. */
  expiresAt?(item: ResourceItem): string | undefined;
  /** When the server made the item (ISO date); undefined where the answer does not say. */
  createdAt?(item: ResourceItem): string | undefined;
  /** When the item was last used (ISO date), null if never; undefined where the platform does not say. */
  lastUsed?(item: ResourceItem): string | null;
  /** What a copy of the item needs, for rotation: the create input with the same settings. */
  copyInput?(item: ResourceItem, name: string): Record<string, unknown>;
}

export interface Paging {
  maxPerPage: number;
  concurrency: number;
  /** The most items the API's paging reaches (Elastic Path: offsets up to 10,000); undefined: no such limit. */
  reachable?: number;
}

export interface ListField {
  field: string;
  label: string;
  values?: readonly string[];
  /** A pattern that fits the field's values, for the filter's prompt (names: `gate*`). */
  example?: string;
}

/** A device an application key can be restricted to (Losant). */
export interface Device {
  id: string;
  name: string;
  tags: { key: string; value: string }[];
}

export interface DeviceQuery {
  page: number;
  perPage: number;
  /** A name glob (`*` matches anything), filtered on the server. */
  name?: string;
  /** Devices carrying every one of these tags (key or value may be left out). */
  tags?: { key?: string; value?: string }[];
}

export interface DevicePage {
  devices: Device[];
  totalCount?: number;
  page: number;
  perPage: number;
}

export interface ApplicationSummary {
  id: string;
  name: string;
}

/** Still an array for callers; `incomplete` when paging stopped before the end (see paging.ts). */
export type ApplicationList = ApplicationSummary[] & { incomplete?: boolean };

export interface HostPreset {
  label: string;
  url: string;
}

export interface Platform {
  readonly id: string;
  readonly name: string;
  readonly defaultApiUrl: string;
  /** Hosts offered when adding an application, besides "Other host…". */
  readonly hostPresets: readonly HostPreset[];
  /** What an application is called on this platform, e.g. `application`, `store`. */
  readonly applicationNoun: string;
  /** Where people find the application's ID, for the prompt that asks for it. */
  readonly applicationIdHint: string;
  readonly applicationIdPattern: RegExp;
  /** The stored secret, as people know it: `API token`, `client secret`. */
  readonly credentialName: string;
  /** Whether the credential comes with a client ID (kept in settings, not secret). */
  readonly needsClientId: boolean;
  readonly resources: readonly ResourceType[];
  resource(id: string): ResourceType;
  /** Applications the credential can see; undefined where the platform cannot list them. */
  listApplications(conn: Connection, signal?: AbortSignal): Promise<ApplicationList | undefined>;
  /** Whether an item is the very credential App Keys uses to reach the application. */
  isOwnCredential(conn: Connection, resource: ResourceType, item: ResourceItem): boolean;
  getApplication(conn: Connection, applicationId: string, signal?: AbortSignal): Promise<ApplicationSummary>;
  list(conn: Connection, applicationId: string, resource: ResourceType, query: ListQuery, signal?: AbortSignal): Promise<Page>;
  get(conn: Connection, applicationId: string, resource: ResourceType, id: string, signal?: AbortSignal): Promise<ResourceItem>;
  create(conn: Connection, applicationId: string, resource: ResourceType, input: Record<string, unknown>, signal?: AbortSignal): Promise<CreateResult>;
  update(
    conn: Connection,
    applicationId: string,
    resource: ResourceType,
    id: string,
    patch: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<ResourceItem>;
  remove(conn: Connection, applicationId: string, resource: ResourceType, id: string, signal?: AbortSignal): Promise<void>;
  /** The application's devices, where items can be restricted to devices (Losant); undefined elsewhere. */
  listDevices?(conn: Connection, applicationId: string, query: DeviceQuery, signal?: AbortSignal): Promise<DevicePage>;
}
