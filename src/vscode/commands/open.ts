// Fetch (read-only, the whole item) and Edit (the patchable fields, saved with PATCH/PUT).
import * as vscode from 'vscode';
import type { AppKeys } from '../appKeys';
import { editUri, viewUri } from '../documents/uris';
import { documentTarget } from './documentTargets';
import { resolveItem } from './targets';

async function show(uri: vscode.Uri, preview: boolean): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview });
}

export async function fetchItem(appKeys: AppKeys, resourceId: string, arg: unknown): Promise<vscode.Uri> {
  const target = await resolveItem(appKeys, arg, resourceId);
  const uri = viewUri(documentTarget(appKeys, target), 'full');
  await show(uri, true);
  return uri;
}

export async function editItem(appKeys: AppKeys, resourceId: string, arg: unknown): Promise<vscode.Uri> {
  const target = await resolveItem(appKeys, arg, resourceId);
  const uri = editUri(documentTarget(appKeys, target));
  await show(uri, false);
  return uri;
}
