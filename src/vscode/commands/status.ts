// One-click Activate / Deactivate (Losant keys and tokens: PATCH status), for one item or a selection.
import { ApiError } from '../../core/errors';
import type { AppKeys } from '../appKeys';
import { withCancellableProgress } from '../progress';
import type { ApplicationsTreeProvider } from '../tree/ApplicationsTreeProvider';
import type { ItemNode } from '../tree/nodes';
import { bulk, BulkSummary, selectedItems } from './bulk';
import { resolveItem } from './targets';

export async function setStatus(appKeys: AppKeys, tree: ApplicationsTreeProvider, active: boolean, arg: unknown, selection: unknown): Promise<BulkSummary | boolean> {
  const verb = active
    ? { past: 'Activated', present: 'Activating', button: 'Activate', confirm: false }
    : { past: 'Deactivated', present: 'Deactivating', button: 'Deactivate', confirm: true };
  const nodes = selectedItems(arg, selection);
  if (nodes) {
    return bulk(appKeys, nodes, verb, async (client, node: ItemNode, signal) => {
      const patch = node.resource.statusPatch?.(active);
      if (!patch) throw new ApiError(`${node.resource.label} have no status`, { kind: 'invalid-input' });
      const updated = await client.update(node.resource, node.item.id, patch, signal);
      tree.updateItem(appKeys.applicationKey(node.app), node.resource.id, node.item.id, updated);
    });
  }
  const resourceId = arg && typeof arg === 'object' && 'tokenId' in arg ? 'tokens' : 'keys';
  const target = await resolveItem(appKeys, arg, resourceId);
  const patch = target.resource.statusPatch?.(active);
  if (!patch) throw new ApiError(`${target.resource.label} of ${appKeys.displayName(target.app)} have no status to change`, { kind: 'invalid-input' });
  const client = await appKeys.client(target.app);
  const item = target.item ?? (await client.get(target.resource, target.itemId));
  if (!active && client.isOwnCredential(target.resource, item)) {
    await appKeys.ui.confirm(
      `This is the ${appKeys.credentialNoun(target.app)} App Keys itself uses for ${appKeys.displayName(target.app)}.`,
      `Deactivating it cuts App Keys off from ${appKeys.displayName(target.app)} until you set another ${appKeys.credentialNoun(target.app)}.`,
      'Deactivate Anyway',
    );
  }
  const updated = await withCancellableProgress(`${verb.present} ${target.resource.noun}…`, (signal) => client.update(target.resource, target.itemId, patch, signal));
  tree.updateItem(appKeys.applicationKey(target.app), target.resource.id, target.itemId, updated);
  return true;
}
