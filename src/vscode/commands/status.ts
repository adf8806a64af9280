// One-click Activate / Deactivate (Losant keys and tokens: PATCH status), for one item or a selection.
import * as vscode from 'vscode';
import { ApiError } from '../../core/errors';
import type { AppKeys } from '../appKeys';
import type { ApplicationsTreeProvider } from '../tree/ApplicationsTreeProvider';
import type { ItemNode } from '../tree/nodes';
import { bulk, BulkSummary, selectedItems } from './bulk';
import { DocumentFileSystems, refreshOpenDocuments } from './open';
import { resolveItem } from './targets';

export async function setStatus(
  appKeys: AppKeys,
  tree: ApplicationsTreeProvider,
  documents: DocumentFileSystems,
  active: boolean,
  arg: unknown,
  selection: unknown,
): Promise<BulkSummary | boolean> {
  const verb = active
    ? { past: vscode.l10n.t('Activated'), present: vscode.l10n.t('Activating'), button: vscode.l10n.t('Activate'), confirm: false }
    : { past: vscode.l10n.t('Deactivated'), present: vscode.l10n.t('Deactivating'), button: vscode.l10n.t('Deactivate'), confirm: true };
  const nodes = selectedItems(selection);
  if (nodes) {
    return bulk(appKeys, nodes, verb, async (client, node: ItemNode, signal) => {
      const patch = node.resource.statusPatch?.(active);
      if (!patch) throw new ApiError(vscode.l10n.t('{0} have no status', node.resource.label), { kind: 'invalid-input' });
      const updated = await client.update(node.resource, node.item.id, patch, signal);
      tree.updateItem(appKeys.applicationKey(node.app), node.resource.id, node.item.id, updated);
      await refreshOpenDocuments(appKeys, documents, { app: node.app, resource: node.resource, itemId: node.item.id });
    });
  }
  const resourceId = arg && typeof arg === 'object' && 'tokenId' in arg ? 'tokens' : 'keys';
  const target = await resolveItem(appKeys, arg, resourceId);
  const patch = target.resource.statusPatch?.(active);
  if (!patch)
    throw new ApiError(vscode.l10n.t('{0} of {1} have no status to change', target.resource.label, appKeys.displayName(target.app)), { kind: 'invalid-input' });
  const client = await appKeys.client(target.app);
  const item =
    target.item ??
    (await appKeys.ui.withProgress(vscode.l10n.t('Fetching {0}…', target.resource.noun), (signal) => client.get(target.resource, target.itemId, signal)));
  if (!active && client.isOwnCredential(target.resource, item)) {
    await appKeys.confirmDeactivatingOwnCredential(target.app);
  }
  const updated = await appKeys.ui.withProgress(vscode.l10n.t('{0} {1}…', verb.present, target.resource.noun), (signal) =>
    client.update(target.resource, target.itemId, patch, signal),
  );
  tree.updateItem(appKeys.applicationKey(target.app), target.resource.id, target.itemId, updated);
  await refreshOpenDocuments(appKeys, documents, target);
  return true;
}
