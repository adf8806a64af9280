// The App Keys tree: configured applications → resource groups → keys, a page at a time.
import * as vscode from 'vscode';
import { ApiError } from '../../core/errors';
import { maskSecrets } from '../../core/masking';
import type { ResourceItem } from '../../core/platforms/platform';
import type { AppKeys } from '../appKeys';
import { COMMANDS } from '../commands/ids';
import { withCancellableProgress } from '../progress';
import { pageSize } from '../settings';
import { ApplicationNode, GroupNode, ItemNode, LoadMoreNode, MessageNode, TreeNode } from './nodes';

interface GroupState {
  items: ResourceItem[];
  totalCount: number;
  note?: string;
  nextPage: number;
  error?: string;
}

export class ApplicationsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly groups = new Map<string, GroupState>();
  private readonly groupNodes = new Map<string, GroupNode>();
  private readonly applicationNodes = new Map<string, ApplicationNode>();

  constructor(private readonly appKeys: AppKeys) {}

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node instanceof GroupNode) {
      const state = this.groups.get(node.key);
      return node.toTreeItem(state?.totalCount, state?.note);
    }
    return node.toTreeItem();
  }

  getParent(node: TreeNode): TreeNode | undefined {
    if (node instanceof GroupNode) return node.parent;
    if (node instanceof ItemNode || node instanceof LoadMoreNode) return node.group;
    return undefined;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) return this.applications();
    if (node instanceof ApplicationNode) return this.applicationChildren(node);
    if (node instanceof GroupNode) return this.groupChildren(node);
    return [];
  }

  /** Forgets everything loaded below `node` (or everything) and shows it again. */
  refresh(node?: TreeNode): void {
    if (!node) {
      this.groups.clear();
      this.groupNodes.clear();
      this.applicationNodes.clear();
      this.changed.fire(undefined);
      return;
    }
    const prefix = node instanceof ApplicationNode ? node.key : node instanceof GroupNode ? node.key : undefined;
    if (prefix === undefined) return this.refresh(this.getParent(node));
    for (const key of [...this.groups.keys()]) if (key === prefix || key.startsWith(`${prefix}/`)) this.groups.delete(key);
    this.changed.fire(node);
  }

  async loadMore(node: LoadMoreNode): Promise<void> {
    await this.loadPage(node.group);
    this.changed.fire(node.group);
  }

  /** Replaces one item after a write, or drops it (`undefined`) after a delete, without reloading the list. */
  updateItem(applicationKey: string, resourceId: string, itemId: string, item: ResourceItem | undefined): void {
    const groupKey = `${applicationKey}/${resourceId}`;
    const state = this.groups.get(groupKey);
    const node = this.groupNodes.get(groupKey);
    if (!state || !node) return;
    const index = state.items.findIndex((i) => i.id === itemId);
    if (item && index >= 0) state.items[index] = item;
    else if (item) {
      state.items.unshift(item);
      state.totalCount++;
    } else if (index >= 0) {
      state.items.splice(index, 1);
      state.totalCount--;
    }
    this.changed.fire(node);
  }

  /** The group node of an application's resource, if the tree has shown it. */
  groupNode(applicationKey: string, resourceId: string): GroupNode | undefined {
    return this.groupNodes.get(`${applicationKey}/${resourceId}`);
  }

  /** Read from the settings every time; node objects are kept so change events can name them. */
  private applications(): ApplicationNode[] {
    return this.appKeys.applications().map((app) => {
      let node: ApplicationNode;
      try {
        const platformName = this.appKeys.service.platform(app.platform).name;
        node = new ApplicationNode(app, this.appKeys.applicationKey(app), this.appKeys.host(app), platformName);
      } catch {
        // A bad platform or URL: the node shows it as an error item below it.
        node = new ApplicationNode(app, `${app.platform}:invalid:${app.applicationId}`, app.apiUrl ?? '', app.platform);
      }
      const known = this.applicationNodes.get(node.key);
      if (known && JSON.stringify(known.app) === JSON.stringify(app)) return known;
      this.applicationNodes.set(node.key, node);
      return node;
    });
  }

  private async applicationChildren(node: ApplicationNode): Promise<TreeNode[]> {
    try {
      if (!(await this.appKeys.hasCredential(node.app))) {
        const noun = this.appKeys.credentialNoun(node.app);
        return [new MessageNode(node.key, `Set ${noun}…`, 'key', { title: `Set ${noun}`, command: COMMANDS.setToken, arguments: [node] })];
      }
      const platform = this.appKeys.service.platform(node.app.platform);
      return platform.resources.map((resource) => {
        const key = `${node.key}/${resource.id}`;
        let group = this.groupNodes.get(key);
        if (!group) {
          group = new GroupNode(node, resource);
          this.groupNodes.set(key, group);
        }
        return group;
      });
    } catch (error) {
      return [this.errorNode(node, error)];
    }
  }

  private async groupChildren(node: GroupNode): Promise<TreeNode[]> {
    if (!this.groups.has(node.key)) await this.loadPage(node);
    const state = this.groups.get(node.key)!;
    if (state.error !== undefined && state.items.length === 0) return [this.errorNode(node, state.error)];
    const children: TreeNode[] = state.items.map((item) => new ItemNode(node, item));
    if (state.error !== undefined) children.push(this.errorNode(node, state.error));
    else if (state.items.length < state.totalCount) children.push(new LoadMoreNode(node, state.items.length, state.totalCount));
    else if (state.items.length === 0) children.push(new MessageNode(node.key, `No ${node.resource.noun}s`, 'info'));
    return children;
  }

  private async loadPage(node: GroupNode): Promise<void> {
    const state = this.groups.get(node.key) ?? { items: [], totalCount: 0, nextPage: 0 };
    this.groups.set(node.key, state);
    try {
      const client = await this.appKeys.client(node.parent.app);
      const query = { page: state.nextPage, perPage: pageSize() };
      const page = await withCancellableProgress(`Loading ${node.resource.label} of ${this.appKeys.displayName(node.parent.app)}…`, (signal) =>
        client.list(node.resource, query, signal),
      );
      const known = new Set(state.items.map((i) => i.id));
      state.items.push(...page.items.filter((i) => !known.has(i.id)));
      state.totalCount = page.totalCount;
      state.note = page.note;
      state.nextPage = page.page + 1;
      state.error = undefined;
    } catch (error) {
      state.error = describe(error);
      this.appKeys.log.error(`Listing ${node.resource.label} of ${node.parent.app.applicationId} failed: ${state.error}`);
    }
  }

  private errorNode(parent: ApplicationNode | GroupNode, error: unknown): MessageNode {
    const text = typeof error === 'string' ? error : describe(error);
    return new MessageNode(parent.key, `Error: ${text}`, 'error', { title: 'Retry', command: COMMANDS.refresh, arguments: [parent] }, text);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function describe(error: unknown): string {
  const text = error instanceof ApiError ? error.describe() : error instanceof Error ? error.message : String(error);
  return maskSecrets(text);
}
