// After a create whose answer never came (a time-out, a reset connection, an unreadable answer), the
// server may or may not have created the item. These find out, instead of guessing "nothing changed".
import { ApiError } from './errors';
import { pageQuery, visitAll } from './listing';
import type { ResourceItem, ResourceType } from './platforms/platform';
import type { ApplicationClient } from './service';

/** Whether the server surely did not create it: it answered with a refusal (4xx, not 408), or nothing was sent. */
export function surelyNotCreated(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.kind === 'invalid-input') return true;
  return error.kind === 'http' && error.status !== undefined && error.status >= 400 && error.status < 500 && error.status !== 408;
}

/** The items named exactly `name` (the server filters where it can; the exact match is made here, page by page, to the end). */
export async function itemsNamed(client: ApplicationClient, resource: ResourceType, name: string, signal?: AbortSignal): Promise<ResourceItem[]> {
  const view = { filter: { field: 'name', pattern: name } };
  const perPage = resource.paging.maxPerPage;
  const found: ResourceItem[] = [];
  await visitAll(
    (query, s) => client.list(resource, query, s),
    (page) => pageQuery(resource, view, page, perPage),
    { perPage, concurrency: 2, limit: resource.paging.reachable, signal },
    (fresh) => found.push(...fresh.filter((item) => resource.fieldValue(item, 'name') === name)),
  );
  return found;
}

/** What was there before a create was sent: the IDs a scan saw, and when (this machine's clock). */
export interface CreateBaseline {
  known: ReadonlySet<string>;
  startedAt: number;
}

/** How far the server's clock may be behind this machine's before a key "made before the run" is suspected. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** What a lookup after a lost create shows: the item it made, none (it was not made), or no telling. */
export type LostCreateFinding = { kind: 'made'; item: ResourceItem } | { kind: 'none' } | { kind: 'unknown' };

/**
 * Among the items that match the create (same name, same restrictions), the one it made: absent from the
 * scan before, and made after the run started. An item the scan missed but older than the run, several new
 * ones, or one without a creation date: no telling, so no item is named.
 */
export function judgeLostCreate(resource: ResourceType, matching: readonly ResourceItem[], baseline: CreateBaseline): LostCreateFinding {
  const fresh = matching.filter((item) => !baseline.known.has(item.id));
  if (fresh.length === 0) return { kind: 'none' };
  if (fresh.length > 1) return { kind: 'unknown' };
  const created = Date.parse(resource.createdAt?.(fresh[0]) ?? '');
  if (!Number.isFinite(created) || created < baseline.startedAt - CLOCK_SKEW_MS) return { kind: 'unknown' };
  return { kind: 'made', item: fresh[0] };
}
