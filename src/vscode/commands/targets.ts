// Turns what a command was given (a tree node, a plain `{ applicationId, keyId }` object, or
// nothing) into an application, a resource type and an item, asking the user only for what is
// missing. The resource type comes from the node, from the argument (the kind whose ID field it
// names, or `resource`), from the alias that ran the command, or the platform's first kind.
import * as vscode from 'vscode';
import type { ConfiguredApplication } from '../../core/application';
import { ApiError } from '../../core/errors';
import type { ResourceItem, ResourceType } from '../../core/platforms/platform';
import type { AppKeys } from '../appKeys';
import { ApplicationNode, GroupNode, ItemNode, LoadMoreNode } from '../tree/nodes';
import { parseUri } from '../documents/uris';
import { argumentObject, stringField } from './arguments';

export interface ItemTarget {
  app: ConfiguredApplication;
  resource: ResourceType;
  itemId: string;
  item?: ResourceItem;
}

/** `accepts`: which applications the picker offers (the palette's Set API Token… offers those with a token). */
export async function resolveApplication(appKeys: AppKeys, arg: unknown, accepts?: (app: ConfiguredApplication) => boolean): Promise<ConfiguredApplication> {
  if (arg instanceof ApplicationNode) return arg.app;
  if (arg instanceof GroupNode) return arg.parent.app;
  if (arg instanceof ItemNode) return arg.app;
  if (arg instanceof LoadMoreNode) return arg.group.parent.app;
  const given = argumentObject(arg);
  const applicationId = stringField(given, 'applicationId');
  if (applicationId !== undefined) return appKeys.findApplication(applicationId, stringField(given, 'host'));
  return pickApplication(appKeys, accepts);
}

async function pickApplication(appKeys: AppKeys, accepts: (app: ConfiguredApplication) => boolean = () => true): Promise<ConfiguredApplication> {
  const apps = appKeys.applications().filter(accepts);
  if (apps.length === 0)
    throw new ApiError(vscode.l10n.t('No applications are configured. Run "App Keys: Add Application…" first.'), { kind: 'invalid-input' });
  if (apps.length === 1) return apps[0];
  const picked = await appKeys.ui.showQuickPick(
    apps.map((app) => ({ label: app.displayName, description: `${app.platformName} · ${app.host || app.apiUrl || ''}`, detail: app.applicationId, app })),
    { placeHolder: vscode.l10n.t('Choose an application') },
  );
  return picked.app;
}

/**
 * The kind of item a command acts on in `app`: the one the argument names (`resource`, or the kind
 * whose ID field it has), else the alias's (fetchToken: tokens), else the platform's first (keys).
 */
export function resolveResource(appKeys: AppKeys, app: ConfiguredApplication, arg: unknown, preferred?: string): ResourceType {
  const platform = appKeys.service.platform(app.platform);
  const given = argumentObject(arg);
  const named = stringField(given, 'resource');
  if (named !== undefined) return platform.resource(named);
  const byIdField = platform.resources.find((resource) => given?.[resource.argName] !== undefined);
  if (byIdField) return byIdField;
  return preferred !== undefined ? platform.resource(preferred) : platform.resources[0];
}

/** The group a command acts on: from a group node, or an application and a resource type. */
export async function resolveGroup(appKeys: AppKeys, arg: unknown, preferred?: string): Promise<{ app: ConfiguredApplication; resource: ResourceType }> {
  if (arg instanceof GroupNode) return { app: arg.parent.app, resource: arg.resource };
  if (arg instanceof LoadMoreNode) return { app: arg.group.parent.app, resource: arg.group.resource };
  if (arg instanceof ItemNode) return { app: arg.app, resource: arg.resource };
  const app = await resolveApplication(appKeys, arg);
  return { app, resource: resolveResource(appKeys, app, arg, preferred) };
}

export async function resolveItem(appKeys: AppKeys, arg: unknown, preferred?: string): Promise<ItemTarget> {
  if (arg instanceof ItemNode) return { app: arg.app, resource: arg.resource, itemId: arg.item.id, item: arg.item };
  // An item's document (the editor title bar passes its URI).
  if (arg instanceof vscode.Uri) {
    const t = parseUri(arg);
    const app = appKeys.findApplication(t.applicationId, t.host);
    return { app, resource: appKeys.service.platform(app.platform).resource(t.resourceId), itemId: t.itemId };
  }
  const { app, resource } = await resolveGroup(appKeys, arg, preferred);
  const itemId = stringField(argumentObject(arg), resource.argName);
  if (itemId !== undefined) return { app, resource, itemId };
  return pickItem(appKeys, app, resource);
}

async function pickItem(appKeys: AppKeys, app: ConfiguredApplication, resource: ResourceType): Promise<ItemTarget> {
  const client = await appKeys.client(app);
  const page = await appKeys.ui.withProgress(vscode.l10n.t('Listing {0} of {1}…', resource.label, app.displayName), (signal) =>
    client.list(resource, { page: 0, perPage: resource.paging.maxPerPage }, signal),
  );
  if (page.items.length === 0) throw new ApiError(vscode.l10n.t('{0} has no {1}s', app.displayName, resource.noun), { kind: 'invalid-input' });
  const picks: (vscode.QuickPickItem & { item: ResourceItem })[] = page.items.map((item) => {
    const summary = resource.summarize(item);
    return { label: summary.label, description: summary.description, detail: item.id, item };
  });
  const picked = await appKeys.ui.showQuickPick(picks, {
    placeHolder: vscode.l10n.t('Choose a {0}', resource.noun),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return { app, resource, itemId: picked.item.id, item: picked.item };
}
