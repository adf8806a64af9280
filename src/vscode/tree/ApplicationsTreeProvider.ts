// The App Keys tree: configured applications → resource groups → items, a page at a time.
import * as vscode from 'vscode';
import { applyViewLocally, type ListView } from '../../core/listing';
import type { ResourceItem } from '../../core/platforms/platform';
import type { AppKeys } from '../appKeys';
import type { DeviceIndex } from '../../core/deviceDirectory';
import { deviceIdsOf } from '../../core/deviceKeys';
import { COMMANDS, credentialKindOf } from '../commandIds';
import { describeError } from '../../core/errors';
import { GroupLists } from './groupLists';
import { expiryWarningDays } from '../settings';
import { itemTooltip } from './tooltip';
import { maskMarkdown, maskTreeItem } from './maskTreeItem';
import { ApplicationNode, GroupNode, ItemNode, LoadMoreNode, MessageNode, TreeNode } from './nodes';

export class ApplicationsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly lists: GroupLists;
  private readonly groupNodes = new Map<string, GroupNode>();
  private readonly applicationNodes = new Map<string, ApplicationNode>();
  private readonly itemNodes = new Map<string, ItemNode>();

  constructor(private readonly appKeys: AppKeys) {
    this.lists = new GroupLists(appKeys);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item =
      node instanceof GroupNode
        ? node.toTreeItem(this.lists.state(node.key), this.lists.view(node.key))
        : node instanceof ItemNode
          ? node.toTreeItem(expiryWarningDays())
          : node.toTreeItem();
    return maskTreeItem(item);
  }

  /** Tooltips of items, built when the user hovers one; a restricted key's devices by name (listed once per session). */
  async resolveTreeItem(item: vscode.TreeItem, node: TreeNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    if (!(node instanceof ItemNode) || item.tooltip) return item;
    const ids = deviceIdsOf(node.item);
    let names: string[] | undefined;
    if (ids.length > 0) {
      const abort = new AbortController();
      const listener = token.onCancellationRequested(() => abort.abort());
      // Without a device scope (or offline) the tooltip just has the IDs: hovering never raises an error.
      let index: DeviceIndex | undefined;
      try {
        index = await this.appKeys.devices.devices(await this.appKeys.client(node.app), abort.signal);
      } catch {
        index = undefined;
      } finally {
        listener.dispose();
      }
      names = index && ids.map((id) => index.get(id)?.name ?? id);
    }
    item.tooltip = maskMarkdown(itemTooltip(node.resource, node.item, names));
    return item;
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

  /** Forgets everything loaded below `node` (or everything) and shows it again; views stay. */
  refresh(node?: TreeNode): void {
    if (!node) {
      this.lists.forget();
      this.itemNodes.clear();
      this.groupNodes.clear();
      this.applicationNodes.clear();
      this.changed.fire(undefined);
      return;
    }
    if (!(node instanceof ApplicationNode || node instanceof GroupNode)) return this.refresh(this.getParent(node));
    this.lists.forget(node.key);
    this.changed.fire(node);
  }

  /** Draws every shown item again (a setting that changes how they look), without loading anything. */
  redraw(): void {
    this.changed.fire(undefined);
  }

  async loadMore(node: LoadMoreNode): Promise<void> {
    await (node.all ? this.lists.loadAll(node.group) : this.lists.loadNext(node.group));
    this.changed.fire(node.group);
  }

  async loadAll(group: GroupNode): Promise<void> {
    await this.lists.loadAll(group);
    this.changed.fire(group);
  }

  setView(group: GroupNode, view: ListView): void {
    this.lists.setView(group.key, view);
    this.changed.fire(group);
  }

  /** Replaces one item after a write, or drops it (`undefined`) after a delete, without reloading the list. */
  updateItem(identity: string, resourceId: string, itemId: string, item: ResourceItem | undefined): void {
    const key = `${identity}/${resourceId}`;
    const node = this.groupNodes.get(key);
    if (!node || !this.lists.update(key, itemId, item, node.resource)) return;
    // A figure about the whole list (Elastic Path's reserved total) is the server's to tell again.
    if (this.lists.state(key)?.note !== undefined) this.refresh(node);
    else this.changed.fire(node);
  }

  /** The group node of an application's resource, if the tree has shown it. */
  groupNode(identity: string, resourceId: string): GroupNode | undefined {
    return this.groupNodes.get(`${identity}/${resourceId}`);
  }

  /** The group node of an application's resource, made as the tree would if not shown yet. */
  async ensureGroup(identity: string, resourceId: string): Promise<GroupNode | undefined> {
    const app = this.applications().find((a) => a.key === identity);
    if (app) await this.applicationChildren(app);
    return this.groupNode(identity, resourceId);
  }

  /** The configured applications; node objects are kept so change events can name them. */
  private applications(): ApplicationNode[] {
    return this.appKeys.applications().map((app) => {
      const known = this.applicationNodes.get(app.identity);
      if (known?.app === app) return known;
      const platform = app.problem === undefined ? this.appKeys.service.platform(app.platform) : undefined;
      const node = new ApplicationNode(app, platform?.listDevices !== undefined, credentialKindOf(platform));
      this.applicationNodes.set(node.key, node);
      return node;
    });
  }

  private async applicationChildren(node: ApplicationNode): Promise<TreeNode[]> {
    // A bad platform or URL: shown as an error item, and nothing is sent.
    if (node.app.problem !== undefined) return [this.errorNode(node, node.app.problem)];
    try {
      if (!(await this.appKeys.hasCredential(node.app))) {
        const noun = node.app.credentialNoun;
        return [
          new MessageNode(node.key, vscode.l10n.t('Set {0}…', noun), 'key', {
            title: vscode.l10n.t('Set {0}', noun),
            command: COMMANDS.setToken,
            arguments: [node],
          }),
        ];
      }
      const platform = this.appKeys.service.platform(node.app.platform);
      return platform.resources.map((resource) => {
        const key = `${node.key}/${resource.id}`;
        let group = this.groupNodes.get(key);
        if (!group || group.parent !== node) {
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
    if (!this.lists.state(node.key)) {
      await this.lists.loadNext(node);
      // VS Code asked for the group's label before its first page came: show the count now.
      this.changed.fire(node);
    }
    const state = this.lists.state(node.key)!;
    if (state.error !== undefined && state.items.length === 0) return this.errorNodes(node, state.error, state.credentialRefused);
    const children: TreeNode[] = state.items.map((item) => this.itemNode(node, item));
    if (state.error !== undefined) children.push(...this.errorNodes(node, state.error, state.credentialRefused));
    else if (state.more) {
      children.push(new LoadMoreNode(node, state.items.length, state.totalCount, false), new LoadMoreNode(node, state.items.length, state.totalCount, true));
    } else if (state.limited) {
      // Load all stopped at what a tree can show: said plainly, with the way to the others.
      const left = (state.totalCount ?? state.items.length) - state.items.length;
      children.push(
        new MessageNode(node.key, vscode.l10n.t('{0} more {1}s not shown: use Find Key… or a filter to reach them', left, node.resource.noun), 'info', {
          title: vscode.l10n.t('Find Key…'),
          command: COMMANDS.findKey,
          arguments: [node],
        }),
      );
    } else if (state.items.length === 0) {
      const filtered = this.lists.view(node.key).filter !== undefined;
      children.push(
        new MessageNode(
          node.key,
          filtered ? vscode.l10n.t('No {0}s match the filter', node.resource.noun) : vscode.l10n.t('No {0}s', node.resource.noun),
          'info',
        ),
      );
    }
    return children;
  }

  private itemNode(group: GroupNode, item: ResourceItem): ItemNode {
    const key = `${group.key}/${item.id}`;
    let node = this.itemNodes.get(key);
    if (!node || node.group !== group) {
      node = new ItemNode(group, item);
      this.itemNodes.set(key, node);
    }
    node.item = item;
    return node;
  }

  /** The tree node of an item, loading its whole group if needed (to reveal it). */
  async findItem(identity: string, resourceId: string, itemId: string): Promise<ItemNode | undefined> {
    const group = await this.ensureGroup(identity, resourceId);
    if (!group) return undefined;
    if (!this.lists.state(group.key)?.items.some((i) => i.id === itemId)) await this.loadAll(group);
    // Beyond what the tree shows (a large application): the item alone, asked for by its ID and added.
    if (this.lists.state(group.key) && !this.lists.state(group.key)!.items.some((i) => i.id === itemId)) {
      const client = await this.appKeys.client(group.parent.app);
      const fetched = await client.get(group.resource, itemId).catch(() => undefined);
      // Never into a group whose filter hides it: the caller says so and offers Clear Filter instead.
      const { filter } = this.lists.view(group.key);
      if (fetched && (!filter || applyViewLocally(group.resource, { filter }, [fetched]).length > 0)) {
        this.lists.show(group.key, fetched);
        this.changed.fire(group);
      }
    }
    const item = this.lists.state(group.key)?.items.find((i) => i.id === itemId);
    return item ? this.itemNode(group, item) : undefined;
  }

  /** An error, and where the credential was refused, the item that replaces it. */
  private errorNodes(parent: GroupNode, error: string, credentialRefused?: boolean): MessageNode[] {
    const nodes = [this.errorNode(parent, error)];
    if (credentialRefused) {
      const noun = parent.parent.app.credentialNoun;
      nodes.push(
        new MessageNode(`${parent.key}/#fix`, vscode.l10n.t('Update {0}…', noun), 'key', {
          title: vscode.l10n.t('Update {0}', noun),
          command: COMMANDS.setToken,
          arguments: [parent.parent],
        }),
      );
    }
    return nodes;
  }

  private errorNode(parent: ApplicationNode | GroupNode, error: unknown): MessageNode {
    const text = typeof error === 'string' ? error : describeError(error);
    return new MessageNode(
      parent.key,
      vscode.l10n.t('Error: {0}', text),
      'error',
      { title: vscode.l10n.t('Retry'), command: COMMANDS.refresh, arguments: [parent] },
      text,
    );
  }

  dispose(): void {
    this.changed.dispose();
  }
}
