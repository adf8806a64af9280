// Lists beyond one page: a view (filter and sort) expressed in the platform's query where the API
// can do it, applied here where it cannot; and loading every page, the first one first (it gives
// the total) and then the rest concurrently, a bounded number at a time (bounds: paging.ts); or
// visiting every page without keeping it, for scans of the whole application.
import { globMatch } from './glob';
import { IdSet, mayBeIncomplete, pageBound, servedPerPage, type Stop, takePage, type Tally } from './paging';
import type { ListQuery, Page, ResourceItem, ResourceType } from './platforms/platform';

export interface ListView {
  /** A field of `resource.filterFields`, and a glob (`*` matches anything, case-insensitive). */
  filter?: { field: string; pattern: string };
  /** A field of `resource.sortFields`. */
  sort?: { field: string; direction: 'asc' | 'desc' };
}

export type PageFetcher = (query: ListQuery, signal?: AbortSignal) => Promise<Page>;

/** The query for one page of a view; `local` is true where the platform cannot filter or sort. */
export function pageQuery(resource: ResourceType, view: ListView, page: number, perPage: number): ListQuery {
  const query: ListQuery = { page, perPage };
  if (!resource.serverQuery) return query;
  if (view.sort) Object.assign(query, { sortField: view.sort.field, sortDirection: view.sort.direction });
  if (view.filter) Object.assign(query, { filterField: view.filter.field, filter: view.filter.pattern });
  return query;
}

/** Filters and sorts items here, for platforms whose API cannot. */
export function applyViewLocally(resource: ResourceType, view: ListView, items: ResourceItem[]): ResourceItem[] {
  let result = items;
  if (view.filter) {
    const { field, pattern } = view.filter;
    result = result.filter((item) => globMatch(pattern, resource.fieldValue(item, field)));
  }
  if (view.sort) {
    const { field, direction } = view.sort;
    const sign = direction === 'asc' ? 1 : -1;
    result = [...result].sort((a, b) => sign * resource.fieldValue(a, field).localeCompare(resource.fieldValue(b, field)));
  }
  return result;
}

export interface LoadAllOptions {
  perPage: number;
  /** Pages in flight at once after the first (one at a time while the total is unknown). */
  concurrency: number;
  /** No more than this many items (what a tree can show); undefined: every item there is. */
  limit?: number;
  signal?: AbortSignal;
  /** Called as pages arrive, in any order, with the items read so far and the total. */
  onProgress?: (read: number, total: number | undefined) => void;
}

export interface ReadSummary {
  /** The server's total; undefined where it gave none that makes sense. */
  totalCount?: number;
  note?: string;
  /** Distinct items read. */
  count: number;
  /** Requests made. */
  pages: number;
  stop?: Stop;
  /** Paging stopped before the total, or without one, before a short page said it was the last. */
  incomplete: boolean;
}

export interface LoadAllResult extends ReadSummary {
  items: ResourceItem[];
}

/**
 * Every page, each page's new items handed to `visit` as it arrives (in any order) and not kept: a
 * scan of a million items holds only their IDs (paging.ts IdSet). The first page comes first (it
 * gives the total), then the rest concurrently, a bounded number at a time; bounded by what the
 * answers say (paging.ts), by `limit`, and by `signal`.
 */
export async function visitAll(
  fetchPage: PageFetcher,
  query: (page: number) => ListQuery,
  options: LoadAllOptions,
  visit: (fresh: ResourceItem[], page: number) => void,
): Promise<ReadSummary> {
  const tally: Tally = { seen: new IdSet(), pages: 0, perPage: options.perPage, limit: options.limit };
  let stop: Stop | undefined;
  let note: string | undefined;
  // Keyed by the page we asked for: the server's echo of it is not trusted.
  const read = async (number: number): Promise<void> => {
    const raw = await fetchPage(query(number), options.signal);
    const page = { ...raw, page: number, perPage: servedPerPage(raw.perPage, options.perPage) };
    note ??= page.note;
    const taken = takePage(tally, page);
    stop ??= taken.stop;
    visit(taken.fresh, number);
    options.onProgress?.(tally.seen.size, tally.total);
  };
  await read(0);
  // A known total allows pages in parallel up to what it implies; then one at a time, each deciding on the next.
  const planned = tally.total === undefined ? 1 : pageBound({ ...tally, total: tally.total }) - 1;
  let next = 1;
  const worker = async (): Promise<void> => {
    while (stop === undefined && next < planned) await read(next++);
  };
  const concurrency = tally.total === undefined ? 1 : Math.max(1, options.concurrency);
  await Promise.all(Array.from({ length: concurrency }, worker));
  while (stop === undefined) await read(next++);
  const count = tally.limit === undefined ? tally.seen.size : Math.min(tally.seen.size, tally.limit);
  return { totalCount: tally.total, note, count, pages: tally.pages, stop, incomplete: mayBeIncomplete(tally.total, count, stop) };
}

/** Every item, in page order (see visitAll); for what is shown whole, such as a tree's Load all. */
export async function loadAll(fetchPage: PageFetcher, query: (page: number) => ListQuery, options: LoadAllOptions): Promise<LoadAllResult> {
  const pages = new Map<number, ResourceItem[]>();
  const summary = await visitAll(fetchPage, query, options, (fresh, page) => pages.set(page, fresh));
  const items = [...pages.keys()].sort((a, b) => a - b).flatMap((n) => pages.get(n)!);
  // Pages read in parallel may pass the limit together.
  if (options.limit !== undefined && items.length > options.limit) items.length = options.limit;
  return { ...summary, items, count: items.length, incomplete: mayBeIncomplete(summary.totalCount, items.length, summary.stop) };
}

/** The largest pages `resource`'s API serves, as many in flight as its kind allows. */
export function readOptions(resource: ResourceType, signal?: AbortSignal, more: Partial<LoadAllOptions> = {}): LoadAllOptions {
  const { maxPerPage, concurrency, reachable } = resource.paging;
  const limit = reachable === undefined ? more.limit : Math.min(reachable, more.limit ?? reachable);
  return { perPage: maxPerPage, concurrency, signal, ...more, limit };
}

/** Every item of `resource` in `view`, handed to `visit` page by page and not kept. */
export function visitEveryItem(
  fetchPage: PageFetcher,
  resource: ResourceType,
  view: ListView,
  options: Partial<LoadAllOptions>,
  visit: (fresh: ResourceItem[]) => void,
): Promise<ReadSummary> {
  const { maxPerPage } = resource.paging;
  return visitAll(fetchPage, (page) => pageQuery(resource, view, page, maxPerPage), readOptions(resource, undefined, options), visit);
}

/** Items of `resource` in `view`, up to `limit` (all where undefined), in page order. */
export function loadEveryItem(fetchPage: PageFetcher, resource: ResourceType, view: ListView, signal?: AbortSignal, limit?: number): Promise<LoadAllResult> {
  const { maxPerPage } = resource.paging;
  return loadAll(fetchPage, (page) => pageQuery(resource, view, page, maxPerPage), readOptions(resource, signal, { limit }));
}
