// Elastic Path pagination: page[offset] (records, 0..10000) and page[limit] (0..100,
// default the store's page length), answered with links { current, first, last, next, prev }
// and meta.page { limit, offset, current, total } + meta.results.total.
import { badRequest } from './errors';

export const EP_MAX_PAGE_OFFSET = 10_000;
export const EP_MAX_PAGE_LIMIT = 100;

export interface PageQuery {
  offset: number;
  limit: number;
}

/**
 * A missing parameter takes its default; anything else that is not a whole number in range
 * (including an empty value) is a 400. page[limit]=0 is allowed by the spec and means "use the
 * store's page length" (the documented list example answers a current link with page[limit]=0
 * with meta.page.limit 25).
 */
export function parsePageQuery(query: URLSearchParams, pageLength: number): PageQuery {
  const problems: string[] = [];
  const offset = parseBounded(query.get('page[offset]'), 0, EP_MAX_PAGE_OFFSET);
  if (offset === undefined) problems.push(`page[offset] must be an integer between 0 and ${EP_MAX_PAGE_OFFSET}`);
  const limit = parseBounded(query.get('page[limit]'), 0, EP_MAX_PAGE_LIMIT);
  if (limit === undefined) problems.push(`page[limit] must be an integer between 0 and ${EP_MAX_PAGE_LIMIT}`);
  if (problems.length > 0) throw badRequest(...problems);
  return { offset: offset!, limit: limit! === 0 ? pageLength : limit! };
}

/** null (absent) -> 0; undefined when not a whole number in [min, max]. */
function parseBounded(text: string | null, min: number, max: number): number | undefined {
  if (text === null) return 0;
  if (!/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}

export interface Page<T> {
  data: T[];
  links: { current: string; first: string; last: string; next: string | null; prev: string | null };
  meta: { page: { limit: number; offset: number; current: number; total: number }; results: { total: number } };
}

/**
 * Slices `all` and builds the links and meta. Choices the spec leaves open:
 * - meta.page.offset is the record offset that was asked for (as page[offset] is);
 * - meta.page.total is the number of pages (the documented example: 2 results -> total 1),
 *   at least 1, so an empty list is "page 1 of 1";
 * - links.last is always a URL (as in the documented example), next/prev are null at the ends;
 * - an offset past the end gives an empty data array, not an error.
 */
export function paginate<T>(all: readonly T[], q: PageQuery, baseUrl: string): Page<T> {
  const total = all.length;
  const pages = Math.max(1, Math.ceil(total / q.limit));
  const link = (offset: number): string => `${baseUrl}?page[offset]=${offset}&page[limit]=${q.limit}`;
  return {
    data: all.slice(q.offset, q.offset + q.limit),
    links: {
      current: link(q.offset),
      first: link(0),
      last: link((pages - 1) * q.limit),
      next: q.offset + q.limit < total ? link(q.offset + q.limit) : null,
      prev: q.offset > 0 ? link(Math.max(0, q.offset - q.limit)) : null,
    },
    meta: {
      page: { limit: q.limit, offset: q.offset, current: Math.floor(q.offset / q.limit) + 1, total: pages },
      results: { total },
    },
  };
}
