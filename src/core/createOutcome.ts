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
