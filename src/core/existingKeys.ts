// Which devices already have a key of their own, for "skip existing" when creating one key per
// device. Where the API filters on a key's devices (Losant's advanced `query`), the keys of the
// chosen devices are asked for in batches; every answer is checked here, and an answer holding a key
// of no device in its batch means the server ignored the filter: the whole list is then read once,
// page by page, keeping only the chosen devices' keys. Either way a read that stops before its end
// is an error, never a guess: a missed key would be a duplicate.
import * as l10n from '@vscode/l10n';
import { ApiError } from './errors';
import { type LoadAllOptions, type ReadSummary, readOptions, visitAll } from './listing';
import type { ListQuery, ResourceItem, ResourceType } from './platforms/platform';
import type { ApplicationClient } from './service';

export interface ExistingKeys {
  /** Keys restricted to exactly one of the chosen devices, by that device. */
  byDevice: Map<string, ResourceItem[]>;
  /** List requests made. */
  requests: number;
  /** The server answered a filtered read with keys the filter excludes; the whole list was read instead. */
  filterIgnored: boolean;
}

/** The devices a key is restricted to (its `deviceIds`; none when it has none). */
function deviceIdsOf(item: ResourceItem): string[] {
  const ids = item.data.deviceIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

class FilterIgnored extends Error {}

/** The keys of `resource` restricted to exactly one of `deviceIds`, read to the end of every list. */
export async function keysOfDevices(
  client: ApplicationClient,
  resource: ResourceType,
  deviceIds: readonly string[],
  options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<ExistingKeys> {
  const wanted = new Set(deviceIds);
  const byDevice = new Map<string, ResourceItem[]>();
  let requests = 0;
  const fetchPage = (query: ListQuery, s?: AbortSignal) => {
    requests++;
    return client.list(resource, query, s);
  };
  const keep = (item: ResourceItem, among: ReadonlySet<string>): boolean => {
    const ids = deviceIdsOf(item);
    if (ids.length !== 1 || !among.has(ids[0])) return false;
    const list = byDevice.get(ids[0]) ?? [];
    if (!list.some((k) => k.id === item.id)) list.push(item);
    byDevice.set(ids[0], list);
    return true;
  };
  const complete = (summary: ReadSummary): void => {
    if (summary.incomplete)
      throw new ApiError(l10n.t('The list of {0}s could not be read to its end ({1} read); no key was created.', resource.noun, summary.count), {
        kind: 'http',
      });
  };
  const perPage = resource.paging.maxPerPage;
  const batchSize = resource.advancedQuery?.maxValues;
  if (batchSize) {
    const batches: string[][] = [];
    for (let i = 0; i < deviceIds.length; i += batchSize) batches.push(deviceIds.slice(i, i + batchSize));
    const controller = new AbortController();
    const abort = () => controller.abort();
    options.signal?.addEventListener('abort', abort);
    let done = 0;
    try {
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < batches.length && !controller.signal.aborted) {
          const batch = batches[next++];
          const among = new Set(batch);
          const anyOf = { field: 'deviceIds', values: batch };
          const batchOptions: LoadAllOptions = { perPage, concurrency: 1, signal: controller.signal };
          const summary = await visitAll(
            fetchPage,
            (page) => ({ page, perPage, anyOf }),
            batchOptions,
            (fresh) => {
              for (const item of fresh) {
                // A key of none of the batch's devices: the server did not filter.
                if (!keep(item, among) && !deviceIdsOf(item).some((id) => among.has(id))) {
                  controller.abort();
                  throw new FilterIgnored();
                }
              }
            },
          );
          complete(summary);
          options.onProgress?.((done += batch.length), deviceIds.length);
        }
      };
      await Promise.all(Array.from({ length: Math.min(resource.paging.concurrency, batches.length) }, worker));
      return { byDevice, requests, filterIgnored: false };
    } catch (error) {
      if (!(error instanceof FilterIgnored)) throw error;
      controller.abort();
      byDevice.clear();
    } finally {
      options.signal?.removeEventListener('abort', abort);
    }
  }
  const summary = await visitAll(
    fetchPage,
    (page) => ({ page, perPage }),
    readOptions(resource, options.signal, { onProgress: (read, total) => options.onProgress?.(read, total ?? read) }),
    (fresh) => fresh.forEach((item) => keep(item, wanted)),
  );
  complete(summary);
  return { byDevice, requests, filterIgnored: batchSize !== undefined };
}
