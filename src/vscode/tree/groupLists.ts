// What each group of the tree holds: the items loaded so far, the view (filter, sort) the user chose,
// and how to load the next page or all of them. Views survive refreshes; loaded items do not.
import * as vscode from 'vscode';
import { ApiError } from '../../core/errors';
import type { ListView } from '../../core/listing';
import { applyViewLocally, loadEveryItem, pageQuery } from '../../core/listing';
import { IdSet, mayBeIncomplete, takePage, TREE_MAX_ITEMS } from '../../core/paging';
import type { ResourceItem, ResourceType } from '../../core/platforms/platform';
import type { AppKeys } from '../appKeys';
import { pageSize } from '../settings';
import type { GroupNode } from './nodes';
import { describeError } from '../../core/errors';

export interface GroupState {
  items: ResourceItem[];
  /** The server's total; undefined where it gave none that makes sense. */
  totalCount?: number;
  note?: string;
  /** Counted here from 0: the server's echo of the page number is not trusted. */
  nextPage: number;
  /** Whether to offer Load more: the last page brought new items and the end is not reached. */
  more: boolean;
  /** Paging stopped short of the total, or of a last page: the tree says so. */
  incomplete: boolean;
  /** Load all stopped at TREE_MAX_ITEMS: the tree says how many it left out. */
  limited?: boolean;
  error?: string;
  /** The error was a refused credential (401). */
  credentialRefused?: boolean;
}

export class GroupLists {
  private readonly states = new Map<string, GroupState>();
  private readonly views = new Map<string, ListView>();

  constructor(private readonly appKeys: AppKeys) {}

  state(key: string): GroupState | undefined {
    return this.states.get(key);
  }

  view(key: string): ListView {
    return this.views.get(key) ?? {};
  }

  /** A new filter or sort: the group loads again from its first page. */
  setView(key: string, view: ListView): void {
    if (view.filter || view.sort) this.views.set(key, view);
    else this.views.delete(key);
    this.states.delete(key);
  }

  /** Forgets the items loaded under `prefix` (the views stay). */
  forget(prefix?: string): void {
    for (const key of [...this.states.keys()]) if (prefix === undefined || key === prefix || key.startsWith(`${prefix}/`)) this.states.delete(key);
  }

  async loadNext(node: GroupNode): Promise<void> {
    await this.load(node, false);
  }

  async loadAll(node: GroupNode): Promise<void> {
    await this.load(node, true);
  }

  /** Puts one item found by other means (Find Key…, a report link) at the top of a loaded group. */
  show(key: string, item: ResourceItem): void {
    const state = this.states.get(key);
    if (state && !state.items.some((i) => i.id === item.id)) state.items.unshift(item);
  }

  /** Replaces one item after a write, adds a new one, or drops a deleted one (`undefined`). */
  update(key: string, itemId: string, item: ResourceItem | undefined, resource?: ResourceType): boolean {
    const state = this.states.get(key);
    if (!state) return false;
    const index = state.items.findIndex((i) => i.id === itemId);
    const view = this.view(key);
    // A new item joins a filtered list only if it matches the filter.
    if (item && index < 0 && resource && view.filter && applyViewLocally(resource, { filter: view.filter }, [item]).length === 0) return true;
    if (item && index >= 0) state.items[index] = item;
    else if (item) {
      state.items.unshift(item);
      if (state.totalCount !== undefined) state.totalCount++;
    } else if (index >= 0) {
      state.items.splice(index, 1);
      if (state.totalCount !== undefined) state.totalCount--;
    }
    return true;
  }

  private async load(node: GroupNode, all: boolean): Promise<void> {
    const state: GroupState = this.states.get(node.key) ?? { items: [], nextPage: 0, more: false, incomplete: false };
    this.states.set(node.key, state);
    const resource = node.resource;
    const view = this.view(node.key);
    // Where the API cannot filter or sort, the whole list is loaded and the view applied here.
    const local = !resource.serverQuery && (view.filter !== undefined || view.sort !== undefined);
    // No larger than the API serves: a page shorter than asked is the last.
    const perPage = Math.min(pageSize(), resource.paging.maxPerPage);
    const title = vscode.l10n.t('Loading {0} of {1}…', resource.label, node.parent.app.displayName);
    try {
      const client = await this.appKeys.client(node.parent.app);
      const fetchPage = client.list.bind(client, resource);
      if (all || local) {
        // Everything, from the first page, in the largest pages the API serves, as many in flight as its kind allows.
        // Filtered here, the whole list is needed (Elastic Path: at most what its paging reaches); shown, at most TREE_MAX_ITEMS.
        const result = await this.appKeys.ui.withProgress(title, (signal) =>
          loadEveryItem(fetchPage, resource, view, signal, local ? undefined : TREE_MAX_ITEMS),
        );
        const items = local ? applyViewLocally(resource, view, result.items) : result.items;
        const totalCount = local ? items.length : result.totalCount;
        const limited = result.stop === 'limit' && totalCount !== undefined && totalCount > items.length;
        Object.assign(state, {
          items,
          totalCount,
          note: result.note,
          more: false,
          incomplete: result.incomplete && !limited,
          limited,
          error: undefined,
          credentialRefused: false,
        });
      } else {
        const requested = state.nextPage;
        const page = await this.appKeys.ui.withProgress(title, (signal) => fetchPage(pageQuery(resource, view, requested, perPage), signal));
        // Each click is one request, so no page cap; a page with nothing new ends the offer of more.
        const tally = { seen: new IdSet(state.items.map((i) => i.id)), pages: 0, perPage, limit: resource.paging.reachable };
        const { fresh, stop } = takePage(tally, page);
        state.items.push(...fresh);
        const incomplete = stop !== undefined && mayBeIncomplete(page.totalCount, state.items.length, stop);
        Object.assign(state, {
          totalCount: page.totalCount,
          note: page.note,
          nextPage: requested + 1,
          more: stop === undefined,
          incomplete,
          error: undefined,
          credentialRefused: false,
        });
      }
    } catch (error) {
      state.error = describeError(error);
      state.credentialRefused = error instanceof ApiError && error.credentialRefused;
      this.appKeys.log.error(`Listing ${resource.label} of ${node.parent.app.applicationId} failed: ${state.error}`);
    }
  }
}
