// The views follow the one item-changed event: the tree replaces, adds or drops the item, and the
// item's open documents (clean ones) read it again, and take its new name if it was renamed.
// No command updates a view by hand.
import * as vscode from 'vscode';
import type { AppKeys } from './appKeys';
import { DocumentFileSystems, refreshOpenDocuments } from './commands/open';
import { describeError } from '../core/errors';
import { retitleOpenDocuments } from './documents/retitle';
import type { ApplicationsTreeProvider } from './tree/ApplicationsTreeProvider';

export function followItemChanges(appKeys: AppKeys, tree: ApplicationsTreeProvider, documents: DocumentFileSystems): vscode.Disposable {
  const unsubscribe = appKeys.service.changes.on((change) => {
    tree.updateItem(change.app.identity, change.resource.id, change.id, change.kind === 'deleted' ? undefined : change.item);
    if (change.kind === 'updated' || change.kind === 'statusChanged') {
      void refreshOpenDocuments(appKeys, documents, { app: change.app, resource: change.resource, itemId: change.id });
      if (change.item) {
        void retitleOpenDocuments(change.app, change.resource, change.item).catch((error: unknown) =>
          appKeys.log.warn(`Could not retitle an open document: ${describeError(error)}`),
        );
      }
    }
  });
  return new vscode.Disposable(unsubscribe);
}
