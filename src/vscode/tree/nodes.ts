// The tree's node kinds. Each knows how it looks; the provider knows where children come from.
import * as vscode from 'vscode';
import { hasConsolePage } from '../../core/consoleUrl';
import type { ListView } from '../../core/listing';
import type { ResourceItem, ResourceType } from '../../core/platforms/platform';
import type { ConfiguredApplication } from '../../core/application';
import { codeSpan } from '../../core/text';
import { COMMANDS, type CredentialKind } from '../commandIds';
import { expiresSoon, expiryOf, expiryText } from '../../core/expiry';
import { itemDecorationUri, type ItemState } from './itemDecorations';
import { plainTooltip } from './tooltip';

export class ApplicationNode {
  readonly kind = 'application';
  constructor(
    readonly app: ConfiguredApplication,
    /** Its keys can be restricted to devices (Create Keys for Devices… applies). */
    readonly hasDevices = false,
    /** What its credential is: menus offer Set/Clear of that kind only. */
    readonly credentialKind: CredentialKind = 'api-token',
  ) {}

  get key(): string {
    return this.app.identity;
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.app.label || this.app.applicationId, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.key;
    item.description = `${this.app.platformName} · ${this.app.host || this.app.apiUrl || ''}`;
    item.tooltip = plainTooltip().appendMarkdown(
      vscode.l10n.t('{0} application {1} on {2}', this.app.platformName, codeSpan(this.app.applicationId), codeSpan(this.app.host)),
    );
    item.iconPath = new vscode.ThemeIcon('server-environment');
    item.accessibilityInformation = {
      label: vscode.l10n.t('{0}, {1} application on {2}', item.label as string, this.app.platformName, this.app.host || this.app.apiUrl || ''),
    };
    // application:<platform>:<credential kind>[:devices][:console]: its Set/Clear, Create Keys for Devices… where it applies,
    // and whether Open in Web Console has a page to open without a consoleUrl (the menu offers it either way).
    item.contextValue = `application:${this.app.platform}:${this.credentialKind}${this.hasDevices ? ':devices' : ''}${hasConsolePage(this.app) ? ':console' : ''}`;
    return item;
  }
}

export class GroupNode {
  readonly kind = 'group';
  constructor(
    readonly parent: ApplicationNode,
    readonly resource: ResourceType,
  ) {}

  get key(): string {
    return `${this.parent.key}/${this.resource.id}`;
  }

  toTreeItem(state: { items: readonly unknown[]; totalCount?: number; note?: string; incomplete?: boolean } | undefined, view: ListView): vscode.TreeItem {
    const item = new vscode.TreeItem(this.resource.label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.key;
    const label = (field: string) => [...this.resource.filterFields, ...this.resource.sortFields].find((f) => f.field === field)?.label.toLowerCase() ?? field;
    item.description =
      [
        state === undefined ? undefined : String(state.totalCount ?? state.items.length),
        state?.incomplete ? vscode.l10n.t('may be incomplete') : undefined,
        state?.note,
        view.filter ? `${label(view.filter.field)}: ${view.filter.pattern}` : undefined,
        view.sort ? vscode.l10n.t('by {0} {1}', label(view.sort.field), view.sort.direction === 'asc' ? '↑' : '↓') : undefined,
      ]
        .filter(Boolean)
        .join(' · ') || undefined;
    item.iconPath = new vscode.ThemeIcon(view.filter ? 'filter' : 'folder-library');
    item.accessibilityInformation = {
      label: [this.resource.label, item.description, view.filter ? vscode.l10n.t('filtered') : undefined].filter(Boolean).join(', '),
    };
    // group[:filtered][:status]: the same for every kind; menus offer clear-filter and status where they apply.
    item.contextValue = `group${view.filter ? ':filtered' : ''}${this.resource.statusPatch ? ':status' : ''}`;
    return item;
  }
}

export class ItemNode {
  readonly kind = 'item';
  /** Replaced when the item changes: the node object stays, so the tree can reveal it. */
  constructor(
    readonly group: GroupNode,
    public item: ResourceItem,
  ) {}

  get app(): ConfiguredApplication {
    return this.group.parent.app;
  }
  get resource(): ResourceType {
    return this.group.resource;
  }

  /** `warningDays`: appKeys.expiryWarningDays (a token expiring within them gets a warning). */
  toTreeItem(warningDays: number): vscode.TreeItem {
    const summary = this.resource.summarize(this.item);
    const expiry = expiryOf(this.resource, this.item, Date.now());
    const item = new vscode.TreeItem(summary.label, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.group.key}/${this.item.id}`;
    item.description = summary.description;
    // Read aloud: name, kind, status and expiry (the description holds them too; icons and colours only repeat them).
    const status = expiry?.expired ? undefined : summary.active ? vscode.l10n.t('active') : vscode.l10n.t('inactive');
    item.accessibilityInformation = { label: [summary.label, this.resource.noun, status, expiry && expiryText(expiry)].filter(Boolean).join(', ') };
    // The tooltip is built on hover (resolveTreeItem): 10,000 Markdown tooltips up front cost memory.
    item.iconPath = summary.active
      ? new vscode.ThemeIcon('key', new vscode.ThemeColor('charts.green'))
      : new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
    // item:<active|inactive>[:status][:rotate][:copy]: what the item's kind allows, whatever the kind.
    const can = [this.resource.statusPatch && 'status', this.resource.copyInput && 'rotate', this.resource.copyLabel && 'copy'].filter(Boolean);
    item.contextValue = ['item', summary.active ? 'active' : 'inactive', ...can].join(':');
    // Lets the decoration provider fade inactive items and flag expiring ones (see itemDecorations.ts).
    const state: ItemState = expiry?.expired
      ? { kind: 'expired' }
      : !summary.active
        ? { kind: 'inactive' }
        : expiresSoon(expiry, warningDays)
          ? { kind: 'expiring', daysLeft: expiry!.daysLeft }
          : { kind: 'active' };
    item.resourceUri = itemDecorationUri(item.id, state);
    item.command = { title: vscode.l10n.t('Fetch'), command: COMMANDS.fetch, arguments: [this] };
    return item;
  }
}

export class LoadMoreNode {
  readonly kind = 'loadMore';
  /** `total` is undefined where the server gave none that makes sense. */
  constructor(
    readonly group: GroupNode,
    readonly loaded: number,
    readonly total: number | undefined,
    readonly all: boolean,
  ) {}

  toTreeItem(): vscode.TreeItem {
    const label =
      this.total === undefined
        ? this.all
          ? vscode.l10n.t('Load all')
          : vscode.l10n.t('Load more… ({0} so far)', this.loaded)
        : this.all
          ? vscode.l10n.t('Load all ({0})', this.total)
          : vscode.l10n.t('Load more… ({0} of {1})', this.loaded, this.total);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.group.key}/#${this.all ? 'all' : 'more'}`;
    item.iconPath = new vscode.ThemeIcon(this.all ? 'fold-down' : 'ellipsis');
    item.contextValue = 'loadMore';
    item.command = { title: label, command: COMMANDS.loadMore, arguments: [this] };
    return item;
  }
}

/** An item that says something instead of crashing or staying empty: no credential, an error. */
export class MessageNode {
  readonly kind = 'message';
  constructor(
    readonly parentKey: string,
    readonly label: string,
    readonly icon: 'key' | 'error' | 'info',
    readonly command?: vscode.Command,
    readonly detail?: string,
  ) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.parentKey}/#message`;
    item.iconPath = new vscode.ThemeIcon(this.icon, this.icon === 'error' ? new vscode.ThemeColor('errorForeground') : undefined);
    // An error is said in words, not only by its red icon.
    item.accessibilityInformation = { label: this.icon === 'error' ? vscode.l10n.t('Error: {0}', this.label) : this.label };
    item.tooltip = this.detail ? plainTooltip().appendMarkdown(codeSpan(this.detail)) : undefined;
    item.command = this.command;
    item.contextValue = `message:${this.icon}`;
    return item;
  }
}

export type TreeNode = ApplicationNode | GroupNode | ItemNode | LoadMoreNode | MessageNode;
