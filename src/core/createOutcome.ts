// After a create whose answer never came (a time-out, a reset connection, an unreadable answer), the
// server may or may not have created the item. These find out, instead of guessing "nothing changed".
import { ApiError } from './errors';
import { loadAll, pageQuery } from './listing';
import type { ResourceItem, ResourceType } from './platforms/platform';
import type { ApplicationClient } from './service';

/** Whether the server surely did not create it: it answered with a refusal (4xx, not 408), or nothing was sent. */
export function surelyNotCreated(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.kind === 'invalid-input') return true;
  return error.kind === 'http' && error.status !== undefined && error.status >= 400 && error.status < 500 && error.status !== 408;
}

/** The items named exactly `name` (the server filters where it can; the exact match is made here). */
export async function itemsNamed(client: ApplicationClient, resource: ResourceType, name: string, signal?: AbortSignal): Promise<ResourceItem[]> {
  const view = { filter: { field: 'name', pattern: name } };
  const { items } = await loadAll(
    (query, s) => client.list(resource, query, s),
    (page) => pageQuery(resource, view, page, 1000),
    { perPage: 1000, concurrency: 2, maxItems: 10_000, signal },
  );
  return items.filter((item) => resource.fieldValue(item, 'name') === name);
}
