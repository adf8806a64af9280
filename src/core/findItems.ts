// Find Key…: the items whose name or value (the kind's `searchFields`) contain what is typed, for
// reaching any item of a large application. Losant filters on the server (its advanced `query`,
// `$contains` with `$ci`); other platforms' items are read once and matched here with the linear glob.
// Every answer is checked here: a server that ignores the filter shows nothing that does not match.
import { globMatch } from './glob';
import { loadEveryItem } from './listing';
import type { ResourceItem, ResourceType } from './platforms/platform';
import type { ApplicationClient } from './service';

/** Wait after a keystroke before searching: typing on does not send a request per letter. */
export const SEARCH_DEBOUNCE_MS = 120;

/** Items one search shows (one request where the server filters). */
export const FIND_RESULTS = 50;

export function searchFieldsOf(resource: ResourceType): readonly string[] {
  return resource.searchFields ?? ['name'];
}

/** Whether `item` has `text` in one of its search fields, case-insensitive (`*` matches anything). */
export function itemMatches(resource: ResourceType, item: ResourceItem, text: string): boolean {
  const pattern = `*${text.trim()}*`;
  return searchFieldsOf(resource).some((field) => globMatch(pattern, resource.fieldValue(item, field)));
}

/** A search over one application's items of one kind; `find` is called as the user types. */
export function itemFinder(client: ApplicationClient, resource: ResourceType): (text: string, signal?: AbortSignal) => Promise<ResourceItem[]> {
  let everything: Promise<ResourceItem[]> | undefined;
  return async (typed, signal) => {
    const text = typed.trim();
    const fields = searchFieldsOf(resource);
    if (resource.advancedQuery || resource.serverQuery) {
      const search = text ? { search: { fields, text } } : {};
      // Without the advanced query, the first search field as a glob (filterField/filter).
      const filter = text && !resource.advancedQuery ? { filterField: fields[0], filter: `*${text}*` } : {};
      const page = await client.list(resource, { page: 0, perPage: FIND_RESULTS, ...(resource.advancedQuery ? search : filter) }, signal);
      return page.items.filter((item) => itemMatches(resource, item, text)).slice(0, FIND_RESULTS);
    }
    // Read once per pick (as far as the API's paging reaches), then matched here as the user types.
    everything ??= loadEveryItem((query, s) => client.list(resource, query, s), resource, {}, signal).then((r) => r.items);
    everything.catch(() => (everything = undefined));
    const all = await everything;
    const found: ResourceItem[] = [];
    for (const item of all) if (itemMatches(resource, item, text) && found.push(item) >= FIND_RESULTS) break;
    return found;
  };
}
