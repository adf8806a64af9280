import * as vscode from 'vscode';
import { maskSecrets } from '../../core/masking';
import type { ResourceItem, ResourceType } from '../../core/platforms/platform';
import type { ConfiguredApplication } from '../../core/application';
import type { ApplicationClient } from '../../core/service';
import type { AppKeys } from '../appKeys';
import { DocumentTarget, parseUri, ViewMode } from './uris';

export interface ResolvedDocument {
  target: DocumentTarget & { mode: ViewMode };
  app: ConfiguredApplication;
  client: ApplicationClient;
  resource: ResourceType;
}

/** From a document URI to the configured application, its client and the resource type. */
export async function resolveDocument(appKeys: AppKeys, uri: vscode.Uri): Promise<ResolvedDocument> {
  const target = parseUri(uri);
  const app = appKeys.findApplication(target.applicationId, target.host);
  const client = await appKeys.client(app);
  const resource = client.resource(target.resourceId);
  return { target, app, client, resource };
}

/** A document's text: pretty JSON, masked like everything shown. */
export function renderJson(value: unknown): string {
  return maskSecrets(`${JSON.stringify(value, null, 2)}\n`);
}

/** Items just fetched to name their document: its first read uses them instead of asking the server again. */
const primed = new Map<string, ResourceItem>();

export async function withPrimedItem<T>(uri: vscode.Uri, item: ResourceItem | undefined, show: () => Promise<T>): Promise<T> {
  if (item) primed.set(uri.toString(), item);
  try {
    return await show();
  } finally {
    primed.delete(uri.toString());
  }
}

/** The item primed for this document's read (once), else a GET. */
export async function readItem(appKeys: AppKeys, uri: vscode.Uri, doc: ResolvedDocument): Promise<ResourceItem> {
  const item = primed.get(uri.toString());
  primed.delete(uri.toString());
  if (item) return item;
  return appKeys.ui.withProgress(vscode.l10n.t('Fetching {0}…', doc.resource.noun), (signal) => doc.client.get(doc.resource, doc.target.itemId, signal));
}
