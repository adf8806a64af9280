// Turns what a command was given (a tree node, a plain `{ applicationId, keyId }` object, or
// nothing) into an application and an item, asking the user only for what is missing.
import * as vscode from 'vscode';
import type { ResourceItem, ResourceType } from '../../core/platforms/platform';
import type { ApplicationRef } from '../../core/service';
import { ApiError } from '../../core/errors';
import type { AppKeys } from '../appKeys';
import { ApplicationNode, GroupNode, ItemNode, LoadMoreNode, MessageNode } from '../tree/nodes';

export interface ItemTarget {
  app: ApplicationRef;
  resource: ResourceType;
  itemId: string;
  item?: ResourceItem;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

export async function resolveApplication(appKeys: AppKeys, arg: unknown): Promise<ApplicationRef> {
  if (arg instanceof ApplicationNode) return arg.app;
  if (arg instanceof GroupNode) return arg.parent.app;
  if (arg instanceof ItemNode) return arg.app;
  if (arg instanceof LoadMoreNode) return arg.group.parent.app;
  if (isObject(arg) && typeof arg.applicationId === 'string') {
    return appKeys.findApplication(arg.applicationId, typeof arg.host === 'string' ? arg.host : undefined);
  }
  if (arg instanceof MessageNode || arg === undefined || isObject(arg)) return pickApplication(appKeys);
  throw new ApiError(vscode.l10n.t('Expected an application: a tree item or {0}', '{ applicationId }'), { kind: 'invalid-input' });
}

async function pickApplication(appKeys: AppKeys): Promise<ApplicationRef> {
  const apps = appKeys.applications();
  if (apps.length === 0)
    throw new ApiError(vscode.l10n.t('No applications are configured. Run "App Keys: Add Application…" first.'), { kind: 'invalid-input' });
  if (apps.length === 1) return apps[0];
  const picked = await appKeys.ui.showQuickPick(
    apps.map((app) => ({
      label: appKeys.displayName(app),
      description: `${app.platform} · ${appKeys.tryHost(app) ?? app.apiUrl ?? ''}`,
      detail: app.applicationId,
      app,
    })),
    { placeHolder: vscode.l10n.t('Choose an application') },
  );
  return picked.app;
}

/** The group a command acts on: from a group node, or the application's resource `resourceId`. */
export async function resolveGroup(appKeys: AppKeys, arg: unknown, resourceId: string): Promise<{ app: ApplicationRef; resource: ResourceType }> {
  if (arg instanceof GroupNode) return { app: arg.parent.app, resource: arg.resource };
  const app = await resolveApplication(appKeys, arg);
  return { app, resource: appKeys.service.platform(app.platform).resource(resourceId) };
}

export async function resolveItem(appKeys: AppKeys, arg: unknown, resourceId: string): Promise<ItemTarget> {
  if (arg instanceof ItemNode) return { app: arg.app, resource: arg.resource, itemId: arg.item.id, item: arg.item };
  const { app, resource } = await resolveGroup(appKeys, arg, resourceId);
  const given = isObject(arg) ? arg[resource.argName] : undefined;
  if (typeof given === 'string') return { app, resource, itemId: given };
  if (given !== undefined) throw new ApiError(vscode.l10n.t('"{0}" must be a string', resource.argName), { kind: 'invalid-input' });
  return pickItem(appKeys, app, resource);
}

async function pickItem(appKeys: AppKeys, app: ApplicationRef, resource: ResourceType): Promise<ItemTarget> {
  const client = await appKeys.client(app);
  const page = await appKeys.ui.withProgress(vscode.l10n.t('Listing {0} of {1}…', resource.label, appKeys.displayName(app)), (signal) =>
    client.list(resource, { page: 0, perPage: 1000 }, signal),
  );
  if (page.items.length === 0) throw new ApiError(vscode.l10n.t('{0} has no {1}s', appKeys.displayName(app), resource.noun), { kind: 'invalid-input' });
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
