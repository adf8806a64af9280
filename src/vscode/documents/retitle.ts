// A renamed item's open documents take its new name: the document under the new title opens where
// the old one was, and the old one closes only when that loses nothing. A dirty document (a save in
// progress, or unsaved text) is retitled after its next save; unsaved text is never discarded.
import * as vscode from 'vscode';
import type { ConfiguredApplication } from '../../core/application';
import type { ResourceItem, ResourceType } from '../../core/platforms/platform';
import { documentNames, hasCurrentName, openDocumentUri } from './documentNames';
import { editUri, viewUri, type DocumentTarget } from './uris';

/** Documents waiting for their save before they are retitled. */
const afterSave = new Map<string, vscode.Disposable>();

export async function retitleOpenDocuments(app: ConfiguredApplication, resource: ResourceType, item: ResourceItem): Promise<void> {
  const t: DocumentTarget = { platform: app.platform, host: app.host, applicationId: app.applicationId, resourceId: resource.id, itemId: item.id };
  for (const kind of ['edit', 'full'] as const) {
    const old = openDocumentUri(t, kind);
    if (!old || hasCurrentName(old, resource, item)) continue;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === old.toString());
    if (document?.isDirty) {
      waitForSave(document, () => retitleOpenDocuments(app, resource, item));
      continue;
    }
    const names = documentNames(app, resource, t, item);
    await moveTabs(old, kind === 'edit' ? editUri(t, names) : viewUri(t, 'full', names));
  }
}

function waitForSave(document: vscode.TextDocument, then: () => Promise<void>): void {
  const key = document.uri.toString();
  if (afterSave.has(key)) return;
  const done = (): void => {
    afterSave.get(key)?.dispose();
    afterSave.delete(key);
  };
  const listeners = [
    vscode.workspace.onDidSaveTextDocument((saved) => {
      if (saved.uri.toString() !== key) return;
      done();
      void then();
    }),
    vscode.workspace.onDidCloseTextDocument((closed) => {
      if (closed.uri.toString() === key) done();
    }),
  ];
  afterSave.set(key, vscode.Disposable.from(...listeners));
}

/** Opens `to` in each view column that shows `from`, then closes `from`'s tabs if its document is clean. */
async function moveTabs(from: vscode.Uri, to: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === from.toString());
  const opened = await vscode.workspace.openTextDocument(to);
  for (const tab of tabs) {
    await vscode.window.showTextDocument(opened, {
      viewColumn: tab.group.viewColumn,
      preview: tab.isPreview,
      preserveFocus: !(tab.isActive && tab.group.isActive),
    });
  }
  const old = vscode.workspace.textDocuments.find((d) => d.uri.toString() === from.toString());
  if (old?.isDirty) return;
  // Tab objects go stale as tabs open: close what shows `from` now.
  const current = vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === from.toString());
  if (current.length > 0) await vscode.window.tabGroups.close(current);
}
