// GET /applications/{applicationId}/devices, as losant/devices.md describes it: paging, sortField /
// sortDirection, filterField=name with a glob filter, and tagFilter in the bracket form Losant's
// official client sends (tagFilter[0][key]=floor&tagFilter[0][value]=3; key and value optional).
import { validationError } from './errors';
import { applyListQuery, parseListQuery, recordsOf, type ListSpec } from './list-query';
import { renderDevice, type LosantDeviceRecord } from './model';
import { fieldText, findApplication, type LosantContext, type LosantResult } from './route';

export const DEVICES_LIST: ListSpec = {
  sortFields: ['name', 'id', 'creationDate', 'lastUpdated', 'connectionStatus'],
  defaultSortField: 'name',
  defaultSortDirection: 'asc',
  filterFields: ['name'],
};

const TAG_KEY = /^[0-9a-zA-Z_-]{1,255}$/;

/** tagFilter[i][key|value] query parameters → filters, in index order. */
export function parseTagFilter(query: URLSearchParams): { key?: string; value?: string }[] {
  const filters = new Map<number, { key?: string; value?: string }>();
  for (const [name, value] of query) {
    const match = /^tagFilter\[(\d+)\]\[(key|value)\]$/.exec(name);
    if (!match) {
      if (name.startsWith('tagFilter')) throw validationError(`${name} is not a tag filter: use tagFilter[<n>][key] and tagFilter[<n>][value]`);
      continue;
    }
    const index = Number(match[1]);
    if (index >= 100) throw validationError('tagFilter holds at most 100 tags');
    const part = match[2] as 'key' | 'value';
    if (part === 'key' && !TAG_KEY.test(value)) throw validationError(`${name} must match ${TAG_KEY.source}`);
    if (part === 'value' && (value.length < 1 || value.length > 255)) throw validationError(`${name} must be 1 to 255 characters`);
    filters.set(index, { ...filters.get(index), [part]: value });
  }
  return [...filters.entries()].sort(([a], [b]) => a - b).map(([, f]) => f);
}

function matchesTags(device: LosantDeviceRecord, filters: { key?: string; value?: string }[]): boolean {
  return filters.every((f) => device.tags.some((t) => (f.key === undefined || t.key === f.key) && (f.value === undefined || t.value === f.value)));
}

export function listDevices({ state, params, query }: LosantContext): LosantResult {
  if (query.has('query')) throw validationError('The sandbox does not support the "query" parameter; use filterField, filter and tagFilter');
  const q = parseListQuery(DEVICES_LIST, query);
  const app = findApplication(state, params.applicationId);
  const tagFilter = parseTagFilter(query);
  const all = recordsOf(state.devices, app.id);
  const devices = tagFilter.length ? all.filter((d) => matchesTags(d, tagFilter)) : all;
  const page = applyListQuery(devices, q, (device, field) => (field === 'connectionStatus' ? 'disconnected' : fieldText(device, field)), {
    cacheKey: tagFilter.length ? undefined : `devices:${app.id}`,
  });
  return {
    status: 200,
    body: { ...page, items: page.items.map(renderDevice), applicationId: app.id, ...(tagFilter.length ? { tagFilter } : {}) },
  };
}
