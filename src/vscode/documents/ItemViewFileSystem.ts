// Read-only documents: the whole item as the server returns it (Fetch), or the server's current
// editable fields (the left side of Compare).
import * as vscode from 'vscode';
import type { AppKeys } from '../appKeys';
import { ApiFileSystem } from './ApiFileSystem';
import { renderJson, resolveDocument } from './documentTarget';

export class ItemViewFileSystem extends ApiFileSystem {
  protected override readonly readonly = true;

  constructor(private readonly appKeys: AppKeys) {
    super();
  }

  protected async read(uri: vscode.Uri): Promise<string> {
    const { target, client, resource } = await resolveDocument(this.appKeys, uri);
    const item = await this.appKeys.ui.withProgress(vscode.l10n.t('Fetching {0}…', resource.noun), (signal) => client.get(resource, target.itemId, signal));
    return renderJson(target.mode === 'server' ? resource.editableFields(item) : item.data);
  }

  protected write(): Promise<void> {
    return Promise.reject(new Error(vscode.l10n.t('This document is read-only')));
  }

  /** Reads the document again from the server next time it is shown. */
  reload(uri: vscode.Uri): void {
    this.changed(uri);
  }
}
