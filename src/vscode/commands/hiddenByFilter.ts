// An item the tree's filter hides (a report link, a rotation's new key): the user is told so, with
// Clear Filter, which clears that group's filter and reveals the item.
import * as vscode from 'vscode';
import type { ConfiguredApplication } from '../../core/application';
import { applyViewLocally } from '../../core/listing';
import type { ResourceItem, ResourceType } from '../../core/platforms/platform';
import type { AppKeys } from '../appKeys';
import type { ApplicationsTreeProvider } from '../tree/ApplicationsTreeProvider';
import type { TreeNode } from '../tree/nodes';

/** The filter of the item's group, when it hides the item. */
export function filterHiding(
  tree: ApplicationsTreeProvider,
  app: ConfiguredApplication,
  resource: ResourceType,
  item: ResourceItem,
): { field: string; pattern: string } | undefined {
  const { filter } = tree.lists.view(`${app.identity}/${resource.id}`);
  return filter && applyViewLocally(resource, { filter }, [item]).length === 0 ? filter : undefined;
}

/**
 * Says that the filter hides the item and offers Clear Filter, which clears it and reveals the item; resolves
 * to whether it was revealed. The message is shown before the first await, so it comes before any later question.
 */
export async function offerClearFilter(
  appKeys: AppKeys,
  tree: ApplicationsTreeProvider,
  view: vscode.TreeView<TreeNode>,
  target: { app: ConfiguredApplication; resource: ResourceType; item: ResourceItem },
  filter: { field: string; pattern: string },
): Promise<boolean> {
  const { app, resource, item } = target;
  const field = resource.filterFields.find((f) => f.field === filter.field)?.label.toLowerCase() ?? filter.field;
  const clear = vscode.l10n.t('Clear Filter');
  const choice = await appKeys.ui.showMessage(
    'info',
    vscode.l10n.t(
      '"{0}" is hidden by the filter on {1} of {2} ({3}: {4}).',
      resource.summarize(item).label,
      resource.label,
      app.displayName,
      field,
      filter.pattern,
    ),
    {},
    clear,
  );
  if (choice !== clear) return false;
  const group = await tree.ensureGroup(app.identity, resource.id);
  if (!group) return false;
  tree.setView(group, { sort: tree.lists.view(group.key).sort });
  const node = await tree.findItem(app.identity, resource.id, item.id);
  if (!node) return false;
  await view.reveal(node, { select: true, focus: true, expand: true });
  return true;
}
