// Fetch (read-only, the whole item) and Edit (the patchable fields, saved with PATCH/PUT).
import * as vscode from 'vscode';
import type { AppKeys } from '../appKeys';
import { describeError } from '../../core/errors';
import type { ApiFileSystem } from '../documents/ApiFileSystem';
import { editUri, viewUri } from '../documents/uris';
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
  const target = await resolveItem(appKeys, arg, preferred);
  const uri = viewUri(documentTarget(target), 'full');
  await documents.views.refreshIfOpen(uri);
  await show(uri, true);
  return uri;
}

export async function editItem(appKeys: AppKeys, documents: DocumentFileSystems, arg: unknown, preferred?: string): Promise<vscode.Uri> {
  const target = await resolveItem(appKeys, arg, preferred);
  const uri = editUri(documentTarget(target));
  await documents.edits.refreshIfOpen(uri);
  await show(uri, false);
  return uri;
}

/** After a change to an item (any command's, through the one change event): its open documents show it too. */
export async function refreshOpenDocuments(appKeys: AppKeys, documents: DocumentFileSystems, target: ItemTarget): Promise<void> {
  const where = documentTarget(target);
  await Promise.all([documents.views.refreshIfOpen(viewUri(where, 'full')), documents.edits.refreshIfOpen(editUri(where))]).catch((error: unknown) => {
    appKeys.log.warn(`Could not refresh an open document: ${describeError(error)}`);
  });
}
