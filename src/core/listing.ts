// Lists beyond one page: a view (filter and sort) expressed in the platform's query where the API
// can do it, applied here where it cannot; and loading every page, the first one first (it gives
// the total) and then the rest concurrently, a bounded number at a time (limits: paging.ts).
import { globMatch } from './glob';
import { MAX_ITEMS, MAX_PAGES, mayBeIncomplete, serverCount, servedPerPage, type Stop, takePage, type Tally } from './paging';
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
  /** At most this many items (MAX_ITEMS unless set). */
  maxItems?: number;
  /** At most this many requests (MAX_PAGES unless set). */
  maxPages?: number;
  signal?: AbortSignal;
  /** Called as pages arrive, in any order. */
  onPage?: (page: Page) => void;
}

export interface LoadAllResult {
  items: ResourceItem[];
  /** The server's total; undefined where it gave none that makes sense. */
  totalCount?: number;
  note?: string;
  /** Paging stopped before the total, or without one, before a short page said it was the last. */
  incomplete: boolean;
}

/** Every item, in page order, bounded by items, by pages and by progress whatever the server says. */
export async function loadAll(fetchPage: PageFetcher, query: (page: number) => ListQuery, options: LoadAllOptions): Promise<LoadAllResult> {
  const tally: Tally = { seen: new Set(), pages: 0, maxItems: options.maxItems ?? MAX_ITEMS, maxPages: options.maxPages ?? MAX_PAGES };
  const pages = new Map<number, ResourceItem[]>();
  let stop: Stop | undefined;
  // Keyed by the page we asked for: the server's echo of it is not trusted.
  const read = async (number: number): Promise<Page> => {
    const raw = await fetchPage(query(number), options.signal);
    const page = { ...raw, page: number, perPage: servedPerPage(raw.perPage, options.perPage) };
    options.onPage?.(page);
    const taken = takePage(tally, page);
    pages.set(number, page.items);
    stop ??= taken.stop;
    return page;
  };
  const first = await read(0);
  const total = serverCount(first.totalCount);
  // A known total allows pages in parallel; without one, each page decides whether to ask for the next.
  const wanted = total === undefined ? tally.maxPages : Math.ceil(Math.min(total, tally.maxItems) / first.perPage);
  const lastPage = Math.min(wanted, tally.maxPages) - 1;
  let next = 1;
  const worker = async (): Promise<void> => {
    while (stop === undefined && next <= lastPage) await read(next++);
  };
  const concurrency = total === undefined ? 1 : Math.max(1, options.concurrency);
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seen = new Set<string>();
  const items = [...pages.keys()]
    .sort((a, b) => a - b)
    .flatMap((n) => pages.get(n)!)
    .filter((item) => !seen.has(item.id) && seen.add(item.id) !== undefined)
    .slice(0, tally.maxItems);
  return { items, totalCount: total, note: first.note, incomplete: mayBeIncomplete(total, items.length, stop) };
}

/** Every item of `resource` in `view`: the largest pages its API serves, as many in flight as its kind allows. */
export function loadEveryItem(fetchPage: PageFetcher, resource: ResourceType, view: ListView, signal?: AbortSignal): Promise<LoadAllResult> {
  const { maxPerPage, concurrency, maxItems } = resource.paging;
  return loadAll(fetchPage, (page) => pageQuery(resource, view, page, maxPerPage), { perPage: maxPerPage, concurrency, maxItems, signal });
}
