// Lists beyond one page: a view (filter and sort) expressed in the platform's query where the API
// can do it, applied here where it cannot; and loading every page, the first one first (it gives
// the total) and then the rest concurrently, a bounded number at a time.
import type { ListQuery, Page, ResourceItem, ResourceType } from './platforms/platform';

export interface ListView {
  /** A field of `resource.filterFields`, and a glob (`*` matches anything, case-insensitive). */
  filter?: { field: string; pattern: string };
  /** A field of `resource.sortFields`. */
  sort?: { field: string; direction: 'asc' | 'desc' };
}

export type PageFetcher = (query: ListQuery, signal?: AbortSignal) => Promise<Page>;

export function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

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
    const match = globToRegExp(view.filter.pattern);
    const field = view.filter.field;
    result = result.filter((item) => match.test(resource.fieldValue(item, field)));
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
  /** Pages in flight at once after the first. */
  concurrency: number;
  /** The highest page the API serves (Elastic Path stops at an offset of 10,000). */
  maxItems?: number;
  signal?: AbortSignal;
  /** Called as pages arrive, in any order. */
  onPage?: (page: Page) => void;
}

/** Every item from `startPage` on, in page order. */
export async function loadAll(fetchPage: PageFetcher, query: (page: number) => ListQuery, options: LoadAllOptions, startPage = 0): Promise<{ items: ResourceItem[]; totalCount: number; note?: string }> {
  const first = await fetchPage(query(startPage), options.signal);
  options.onPage?.(first);
  const perPage = first.perPage || options.perPage;
  const reachable = Math.min(first.totalCount, options.maxItems ?? Number.POSITIVE_INFINITY);
  const lastPage = Math.max(startPage, Math.ceil(reachable / perPage) - 1);
  const pages: Page[] = [first];
  let next = startPage + 1;
  const worker = async (): Promise<void> => {
    while (next <= lastPage) {
      const page = next++;
      const result = await fetchPage(query(page), options.signal);
      options.onPage?.(result);
      pages.push(result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  pages.sort((a, b) => a.page - b.page);
  const seen = new Set<string>();
  const items = pages.flatMap((p) => p.items).filter((item) => !seen.has(item.id) && seen.add(item.id) !== undefined);
  return { items, totalCount: first.totalCount, note: first.note };
}
