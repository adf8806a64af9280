import * as vscode from 'vscode';
import { maskSecrets } from '../../core/masking';
import type { ResourceType } from '../../core/platforms/platform';
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
