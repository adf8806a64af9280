// Server numbers are hints, never loop bounds. A page's total and size are taken only when they
// are sane, its number is the one we asked for, and every paged read stops at a cap on items and
// pages, and at the first page that brings nothing new: a server that ignores the page parameter
// or claims a total of 1e12 costs a few requests, not an endless loop.
import type { ListQuery, Page, ResourceItem } from './platforms/platform';

/** Elastic Path serves offsets up to 10,000; no platform here lists more through paging. */
export const MAX_ITEMS = 10_000;
/** 10,000 items at Elastic Path's 100 a page; with Losant's 1,000 a page, ten are enough. */
export const MAX_PAGES = 100;

/** A count from the server: a safe integer of 0 or more, else unknown. */
export function serverCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** The page size the server used: an integer from 1 to what we asked for, else what we asked for. */
export function servedPerPage(value: unknown, requested: number): number {
  const asked = Number.isSafeInteger(requested) && requested >= 1 ? requested : 1;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= asked ? value : asked;
}

/** One page as the layers above see it; both platforms' `list()` build theirs here. */
export function toPage(items: ResourceItem[], query: ListQuery, served: { totalCount?: unknown; perPage?: unknown }, note?: string): Page {
  return { items, totalCount: serverCount(served.totalCount), page: query.page, perPage: servedPerPage(served.perPage, query.perPage), note };
}

/** Why a paged read stopped: the total reached, a short page, a page with nothing new, or a cap. */
export type Stop = 'end' | 'short' | 'stalled' | 'cap';

export interface Tally {
  /** Ids seen so far in this read. */
  seen: Set<string>;
  /** Pages read so far. */
  pages: number;
  maxItems: number;
  maxPages: number;
}

/** Counts one page into `tally`: its items not seen before, and why to stop (undefined: go on). */
export function takePage(tally: Tally, page: Page): { fresh: ResourceItem[]; stop?: Stop } {
  const fresh = page.items.filter((item) => !tally.seen.has(item.id) && tally.seen.add(item.id) !== undefined);
  tally.pages++;
  const total = serverCount(page.totalCount);
  let stop: Stop | undefined;
  if (total !== undefined && tally.seen.size >= total) stop = 'end';
  else if (page.items.length < page.perPage) stop = 'short';
  else if (fresh.length === 0) stop = 'stalled';
  else if (tally.seen.size >= tally.maxItems || tally.pages >= tally.maxPages) stop = 'cap';
  return { fresh, stop };
}

/** Whether a read that stopped for `stop` with `count` items may have missed some. */
export function mayBeIncomplete(total: number | undefined, count: number, stop: Stop | undefined): boolean {
  return total !== undefined ? count < total : stop !== 'short' && stop !== 'end';
}
