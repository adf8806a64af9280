// One-click Activate / Deactivate of any item whose kind has a status (Losant: PATCH status), for one item or a selection.
import * as vscode from 'vscode';
import { ApiError } from '../../core/errors';
import type { AppKeys } from '../appKeys';
import type { ItemNode } from '../tree/nodes';
import { bulk, BulkSummary, selectedItems } from './bulk';
import { resolveItem } from './targets';

export async function setStatus(appKeys: AppKeys, active: boolean, arg: unknown, selection: unknown): Promise<BulkSummary | boolean> {
  const verb = active
    ? { past: vscode.l10n.t('Activated'), present: vscode.l10n.t('Activating'), button: vscode.l10n.t('Activate'), confirm: false }
    : { past: vscode.l10n.t('Deactivated'), present: vscode.l10n.t('Deactivating'), button: vscode.l10n.t('Deactivate'), confirm: true };
  const nodes = selectedItems(selection);
  if (nodes) {
    return bulk(appKeys, nodes, verb, (client, node: ItemNode, signal) => client.setStatus(node.resource, node.item.id, active, signal));
  }
  const target = await resolveItem(appKeys, arg);
  if (!target.resource.statusPatch)
    throw new ApiError(vscode.l10n.t('{0} of {1} have no status to change', target.resource.label, target.app.displayName), { kind: 'invalid-input' });
  const client = await appKeys.client(target.app);
  const item =
    target.item ??
    (await appKeys.ui.withProgress(vscode.l10n.t('Fetching {0}…', target.resource.noun), (signal) => client.get(target.resource, target.itemId, signal)));
  if (!active && client.isOwnCredential(target.resource, item)) {
    await appKeys.confirmOwnCredential(target.app, 'deactivate');
  }
  await appKeys.ui.withProgress(vscode.l10n.t('{0} {1}…', verb.present, target.resource.noun), (signal) =>
    client.setStatus(target.resource, target.itemId, active, signal),
  );
  return true;
}
