// Delete an item (or a selection), after a modal confirmation that names it (unless appKeys.confirmDelete
// is false; the credential App Keys itself uses is always asked about).
import * as vscode from 'vscode';
import { statusMessage } from '../maskedUserInput';
import type { AppKeys } from '../appKeys';
import { confirmDelete } from '../settings';
import { bulk, BulkSummary, selectedItems } from './bulk';
import { resolveItem } from './targets';

export async function deleteItem(appKeys: AppKeys, arg: unknown, selection?: unknown, preferred?: string): Promise<boolean | BulkSummary> {
  const nodes = selectedItems(selection);
  if (nodes) {
    return bulk(
      appKeys,
      nodes,
      { past: vscode.l10n.t('Deleted'), present: vscode.l10n.t('Deleting'), button: vscode.l10n.t('Delete'), confirm: true },
      (client, node, signal) => client.remove(node.resource, node.item.id, signal),
    );
  }
  const target = await resolveItem(appKeys, arg, preferred);
  const client = await appKeys.client(target.app);
  const item =
    target.item ??
    (await appKeys.ui.withProgress(vscode.l10n.t('Fetching {0}…', target.resource.noun), (signal) => client.get(target.resource, target.itemId, signal)));
  const summary = target.resource.summarize(item);
  const name = summary.label === summary.copyValue || !summary.copyValue ? `"${summary.label}"` : `"${summary.label}" (${summary.copyValue})`;
  if (client.isOwnCredential(target.resource, item)) {
    await appKeys.confirmOwnCredential(target.app, 'delete', name);
  } else if (confirmDelete()) {
    await appKeys.ui.confirm(
      vscode.l10n.t('Delete {0} {1} from {2}?', target.resource.noun, name, target.app.displayName),
      vscode.l10n.t('Anything using it can no longer connect. This cannot be undone.'),
      vscode.l10n.t('Delete'),
    );
  }
  await appKeys.ui.withProgress(vscode.l10n.t('Deleting {0} {1}…', target.resource.noun, name), (signal) =>
    client.remove(target.resource, target.itemId, signal),
  );
  statusMessage(vscode.l10n.t('App Keys: deleted {0} {1}', target.resource.noun, name), 4000);
  appKeys.log.info(`Deleted ${target.resource.noun} ${target.itemId} of ${target.app.applicationId}`);
  return true;
}
