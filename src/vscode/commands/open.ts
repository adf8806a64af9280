// Fetch (read-only, the whole item) and Edit (the patchable fields, saved with PATCH/PUT).
import * as vscode from 'vscode';
import type { AppKeys } from '../appKeys';
import { describeError } from '../../core/errors';
import type { ApiFileSystem } from '../documents/ApiFileSystem';
import { documentUri, openDocumentUri } from '../documents/documentNames';
import { withPrimedItem } from '../documents/documentTarget';
import type { ResourceItem } from '../../core/platforms/platform';
import { documentTarget } from './documentTargets';
import { ItemTarget, resolveItem } from './targets';

async function show(uri: vscode.Uri, preview: boolean): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview });
}

/** The file systems behind the documents, to refresh a document VS Code still holds. */
export interface DocumentFileSystems {
  edits: ApiFileSystem;
  views: ApiFileSystem;
}

export async function fetchItem(appKeys: AppKeys, documents: DocumentFileSystems, arg: unknown, preferred?: string): Promise<vscode.Uri> {
  return openItem(appKeys, documents.views, await resolveItem(appKeys, arg, preferred), 'full');
}

export async function editItem(appKeys: AppKeys, documents: DocumentFileSystems, arg: unknown, preferred?: string): Promise<vscode.Uri> {
  return openItem(appKeys, documents.edits, await resolveItem(appKeys, arg, preferred), 'edit');
}

/** Shows the item's document (the open one, or one titled by the item's name, fetched first when only its ID is known). */
async function openItem(appKeys: AppKeys, files: ApiFileSystem, target: ItemTarget, kind: 'edit' | 'full'): Promise<vscode.Uri> {
  const where = documentTarget(target);
  let uri = openDocumentUri(where, kind);
  let fetched: ResourceItem | undefined;
  if (!uri) {
    const client = await appKeys.client(target.app);
    fetched =
      target.item ??
      (await appKeys.ui.withProgress(vscode.l10n.t('Fetching {0}…', target.resource.noun), (signal) => client.get(target.resource, target.itemId, signal)));
    uri = documentUri(target.app, target.resource, where, fetched, kind);
  }
  const shown = uri;
  // Fetched from the server just now (not a list's copy): the document's first read need not ask again.
  await withPrimedItem(shown, target.item ? undefined : fetched, async () => {
    await files.refreshIfOpen(shown);
    await show(shown, kind === 'full');
  });
  return shown;
}

/** After a change to an item (any command's, through the one change event): its open documents show it too. */
export async function refreshOpenDocuments(appKeys: AppKeys, documents: DocumentFileSystems, target: ItemTarget): Promise<void> {
  const where = documentTarget(target);
  const refresh = (files: ApiFileSystem, uri: vscode.Uri | undefined) => (uri ? files.refreshIfOpen(uri) : Promise.resolve());
  await Promise.all([refresh(documents.views, openDocumentUri(where, 'full')), refresh(documents.edits, openDocumentUri(where, 'edit'))]).catch(
    (error: unknown) => {
      appKeys.log.warn(`Could not refresh an open document: ${describeError(error)}`);
    },
  );
}
