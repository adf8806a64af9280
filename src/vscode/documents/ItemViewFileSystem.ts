// Read-only documents: the whole item as the server returns it (Fetch), or the server's current
// editable fields (the left side of Compare).
import * as vscode from 'vscode';
import type { AppKeys } from '../appKeys';
import { ApiFileSystem } from './ApiFileSystem';
import { readItem, renderJson, resolveDocument } from './documentTarget';

export class ItemViewFileSystem extends ApiFileSystem {
  protected override readonly readonly = true;

  constructor(private readonly appKeys: AppKeys) {
    super();
  }

  protected async read(uri: vscode.Uri): Promise<string> {
    const doc = await resolveDocument(this.appKeys, uri);
    const { target, resource } = doc;
    const item = await readItem(this.appKeys, uri, doc);
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
