// The tree's node kinds. Each knows how it looks; the provider knows where children come from.
import * as vscode from 'vscode';
import type { ResourceItem, ResourceType } from '../../core/platforms/platform';
import type { ApplicationRef } from '../../core/service';
import { COMMANDS, RESOURCE_COMMANDS } from '../commands/ids';
import { itemTooltip } from './tooltip';

export class ApplicationNode {
  readonly kind = 'application';
  constructor(readonly app: ApplicationRef, readonly key: string, readonly host: string, readonly platformName: string) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.app.label || this.app.applicationId, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.key;
    item.description = `${this.platformName} · ${this.host}`;
    item.tooltip = new vscode.MarkdownString().appendText(`${this.platformName} application ${this.app.applicationId} on ${this.host}`);
    item.iconPath = new vscode.ThemeIcon('server-environment');
    item.contextValue = `application:${this.app.platform}`;
    return item;
  }
}

export class GroupNode {
  readonly kind = 'group';
  constructor(readonly parent: ApplicationNode, readonly resource: ResourceType) {}

  get key(): string {
    return `${this.parent.key}/${this.resource.id}`;
  }

  toTreeItem(totalCount?: number, note?: string): vscode.TreeItem {
    const item = new vscode.TreeItem(this.resource.label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.key;
    item.description = [totalCount === undefined ? undefined : String(totalCount), note].filter(Boolean).join(' · ') || undefined;
    item.iconPath = new vscode.ThemeIcon('folder-library');
    item.contextValue = `group:${this.resource.id}`;
    return item;
  }
}

export class ItemNode {
  readonly kind = 'item';
  constructor(readonly group: GroupNode, readonly item: ResourceItem) {}

  get app(): ApplicationRef {
    return this.group.parent.app;
  }
  get resource(): ResourceType {
    return this.group.resource;
  }

  toTreeItem(): vscode.TreeItem {
    const summary = this.resource.summarize(this.item);
    const item = new vscode.TreeItem(summary.label, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.group.key}/${this.item.id}`;
    item.description = summary.description;
    item.tooltip = itemTooltip(this.resource, this.item);
    item.iconPath = summary.active
      ? new vscode.ThemeIcon('key', new vscode.ThemeColor('charts.green'))
      : new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
    item.contextValue = `item:${this.resource.id}:${summary.active ? 'active' : 'inactive'}`;
    item.command = { title: 'Fetch', command: RESOURCE_COMMANDS[this.resource.id]?.fetch ?? COMMANDS.fetchKey, arguments: [this] };
    return item;
  }
}

export class LoadMoreNode {
  readonly kind = 'loadMore';
  constructor(readonly group: GroupNode, readonly loaded: number, readonly total: number) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(`Load more… (${this.loaded} of ${this.total})`, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.group.key}/#more`;
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.contextValue = 'loadMore';
    item.command = { title: 'Load more', command: COMMANDS.loadMore, arguments: [this] };
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
    item.tooltip = this.detail ? new vscode.MarkdownString().appendText(this.detail) : undefined;
    item.command = this.command;
    item.contextValue = `message:${this.icon}`;
    return item;
  }
}

export type TreeNode = ApplicationNode | GroupNode | ItemNode | LoadMoreNode | MessageNode;
