// Losant collection queries: sortField / sortDirection / page / perPage /
// filterField / filter (glob with "*"), validated against each action's enums
// and defaults from api-actions.json, then applied to an in-memory list.
import { validationError } from './errors';

export interface ListSpec {
  sortFields: readonly string[];
  defaultSortField: string;
  defaultSortDirection: 'asc' | 'desc';
  filterFields: readonly string[];
}

export interface ListQuery {
  sortField: string;
  sortDirection: string;
  page: number;
  perPage: number;
  filterField?: string;
  filter?: string;
}

export const DEFAULT_PER_PAGE = 100;
export const MAX_PER_PAGE = 1000;

export const APPLICATIONS_LIST: ListSpec = {
  sortFields: ['name', 'id', 'creationDate', 'ownerId', 'lastUpdated'],
  defaultSortField: 'name',
  defaultSortDirection: 'asc',
  filterFields: ['name'],
};

export const APPLICATION_KEYS_LIST: ListSpec = {
  sortFields: ['key', 'status', 'id', 'creationDate', 'lastUpdated', 'name'],
  defaultSortField: 'creationDate',
  defaultSortDirection: 'desc',
  filterFields: ['key', 'status', 'name'],
};

export const API_TOKENS_LIST: ListSpec = {
  sortFields: ['name', 'status', 'id', 'creationDate', 'lastUpdated', 'expirationDate'],
  defaultSortField: 'name',
  defaultSortDirection: 'asc',
  filterFields: ['name', 'status'],
};

/** Blank means "not provided" for every list parameter, as Losant documents for filterField/filter. */
function param(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  return value === null || value === '' ? undefined : value;
}

export function parseListQuery(spec: ListSpec, query: URLSearchParams): ListQuery {
  const sortField = param(query, 'sortField') ?? spec.defaultSortField;
  if (!spec.sortFields.includes(sortField)) {
    throw validationError(`sortField must be one of: ${spec.sortFields.join(', ')}`);
  }
  const sortDirection = param(query, 'sortDirection') ?? spec.defaultSortDirection;
  if (!['asc', 'desc'].includes(sortDirection.toLowerCase())) {
    throw validationError('sortDirection must be one of: asc, desc');
  }
  const page = parseInteger(param(query, 'page') ?? '0');
  if (page === undefined || page < 0) throw validationError('page must be an integer of 0 or more');
  const perPage = parseInteger(param(query, 'perPage') ?? String(DEFAULT_PER_PAGE));
  if (perPage === undefined || perPage < 1 || perPage > MAX_PER_PAGE) {
    throw validationError(`perPage must be an integer from 1 to ${MAX_PER_PAGE}`);
  }
  const filterField = param(query, 'filterField');
  if (filterField !== undefined && !spec.filterFields.includes(filterField)) {
    throw validationError(`filterField must be one of: ${spec.filterFields.join(', ')}`);
  }
  const filter = param(query, 'filter');
  return { sortField, sortDirection, page, perPage, filterField, filter };
}

function parseInteger(text: string): number | undefined {
  return /^-?\d+$/.test(text) ? Number(text) : undefined;
}

/**
 * Case-insensitive whole-value glob where "*" matches any run of characters. No regular expression
 * (`.*` backtracks): the first and last parts anchor the ends, the middle ones are found leftmost.
 */
export function globMatches(glob: string, value: string): boolean {
  return globMatcher(glob)(value);
}

/** The glob taken apart once, for testing many values (a list of 100,000). */
export function globMatcher(glob: string): (value: string) => boolean {
  const parts = glob.toLowerCase().split('*');
  const first = parts[0];
  const last = parts[parts.length - 1];
  const middle = parts.slice(1, -1);
  return (value) => {
    const text = value.toLowerCase();
    if (parts.length === 1) return text === first;
    if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false;
    const end = text.length - last.length;
    let at = first.length;
    for (const part of middle) {
      const found = text.indexOf(part, at);
      if (found < 0 || found + part.length > end) return false;
      at = found + part.length;
    }
    return true;
  };
}

export interface ListPage<T> {
  items: T[];
  count: number;
  totalCount: number;
  perPage: number;
  page: number;
  filter?: string;
  filterField?: string;
  sortField: string;
  sortDirection: string;
}

/** A Map that counts its changes (set, delete, clear): lists built from it are kept until it changes. */
export class CountedMap<K, V> extends Map<K, V> {
  version = 0;
  override set(key: K, value: V): this {
    this.version++;
    return super.set(key, value);
  }
  override delete(key: K): boolean {
    this.version++;
    return super.delete(key);
  }
  override clear(): void {
    this.version++;
    super.clear();
  }
}

const appLists = new WeakMap<Map<string, unknown>, { version: number; byApp: Map<string, unknown[]> }>();

/** The records of one application, in insertion order; kept while `records` (a CountedMap) is unchanged. */
export function recordsOf<T extends { applicationId: string }>(records: Map<string, T>, applicationId: string): T[] {
  const version = records instanceof CountedMap ? records.version : undefined;
  if (version === undefined) return [...records.values()].filter((r) => r.applicationId === applicationId);
  let kept = appLists.get(records);
  if (!kept || kept.version !== version) appLists.set(records, (kept = { version, byApp: new Map() }));
  let list = kept.byApp.get(applicationId) as T[] | undefined;
  if (!list) kept.byApp.set(applicationId, (list = [...records.values()].filter((r) => r.applicationId === applicationId)));
  return list;
}

interface SortedList<T> {
  /** The list the order was made from: the same array means the same items (recordsOf). */
  source: T[];
  order: T[];
  /** Each ordered item's sort value when sorted, to notice a record changed in place. */
  values: string[];
}
/** Sorted orders kept between requests: `list:app:field:direction` → order (a few, the newest). */
const sortedLists = new Map<string, SortedList<unknown>>();
const MAX_SORTED_LISTS = 16;

/**
 * `all` in the query's order. The order of the last request is kept and used again while it still
 * holds: the same list (recordsOf) whose items have the same sort values (an O(n) comparison of
 * strings; a 100,000-item list is sorted once, not on every page, and a record changed in place by a
 * write or a test is noticed).
 */
function sortedOrder<T>(all: T[], q: ListQuery, field: (item: T, name: string) => string, cacheKey?: string): T[] {
  const key = cacheKey && `${cacheKey}:${q.sortField}:${q.sortDirection.toLowerCase()}`;
  const kept = key ? (sortedLists.get(key) as SortedList<T> | undefined) : undefined;
  if (kept && kept.source === all && kept.order.every((item, i) => kept.values[i] === field(item, q.sortField))) return kept.order;
  const direction = q.sortDirection.toLowerCase() === 'desc' ? -1 : 1;
  // Sort keys are computed once per item.
  const decorated = all.map((item) => ({ item, value: field(item, q.sortField), id: field(item, 'id') }));
  decorated.sort((a, b) => {
    const primary = compare(a.value, b.value);
    // id as tie-breaker keeps pages stable when many items share a value (e.g. status)
    return direction * (primary !== 0 ? primary : compare(a.id, b.id));
  });
  const order = decorated.map((entry) => entry.item);
  if (key) {
    sortedLists.delete(key);
    sortedLists.set(key, { source: all, order, values: decorated.map((entry) => entry.value) });
    if (sortedLists.size > MAX_SORTED_LISTS) sortedLists.delete(sortedLists.keys().next().value!);
  }
  return order;
}

/**
 * field(item, name) gives the value to filter/sort on ('' when the item has none); `match` is the
 * advanced query where one was sent (it overrides filterField and filter); `cacheKey` names the list
 * so its sorted order can be kept between requests.
 */
export function applyListQuery<T>(
  all: T[],
  q: ListQuery,
  field: (item: T, name: string) => string,
  options: { match?: (item: T) => boolean; cacheKey?: string } = {},
): ListPage<T> {
  const ordered = sortedOrder(all, q, field, options.cacheKey);
  let matching = ordered;
  if (options.match) matching = ordered.filter(options.match);
  // Filtering needs both a field and a pattern ("blank or not provided means no filtering").
  else if (q.filterField !== undefined && q.filter !== undefined) {
    const matches = globMatcher(q.filter);
    const { filterField } = q;
    matching = ordered.filter((item) => matches(field(item, filterField)));
  }
  const items = matching.slice(q.page * q.perPage, (q.page + 1) * q.perPage);
  return {
    items,
    count: items.length,
    totalCount: matching.length,
    perPage: q.perPage,
    page: q.page,
    ...(q.filter !== undefined ? { filter: q.filter } : {}),
    ...(q.filterField !== undefined ? { filterField: q.filterField } : {}),
    sortField: q.sortField,
    sortDirection: q.sortDirection,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
