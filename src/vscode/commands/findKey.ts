// Find Key…: a pick that searches as the user types (on the server where it can: name and key value),
// for reaching any key of an application too large for the tree; the chosen one is revealed in the
// tree (added to its group when beyond what the group shows). Argument: { applicationId, resource? }.
import * as vscode from 'vscode';
import { itemFinder } from '../../core/findItems';
import type { ResourceItem } from '../../core/platforms/platform';
import type { AppKeys } from '../appKeys';
import type { ApplicationsTreeProvider } from '../tree/ApplicationsTreeProvider';
import type { TreeNode } from '../tree/nodes';
import { resolveGroup } from './targets';

export async function findKey(appKeys: AppKeys, tree: ApplicationsTreeProvider, view: vscode.TreeView<TreeNode>, arg: unknown): Promise<string> {
  const { app, resource } = await resolveGroup(appKeys, arg, 'keys');
  const client = await appKeys.client(app);
  const find = itemFinder(client, resource);
  const [picked] = await appKeys.ui.searchPick(
    async (text, signal) =>
      (await find(text, signal)).map((item: ResourceItem) => {
        const summary = resource.summarize(item);
        return { label: summary.label, description: summary.description, detail: item.id, item };
      }),
    { placeHolder: vscode.l10n.t('Find a {0} of {1}: type part of its name or value', resource.noun, app.displayName) },
  );
  const node = await tree.findItem(app.identity, resource.id, picked.item.id);
  if (node) {
    // A key added to its group just now: the view may still hold the group's children from before.
    await view.reveal(node, { select: true, focus: true, expand: true }).then(undefined, async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await view.reveal(node, { select: true, focus: true, expand: true });
    });
  }
  return picked.item.id;
}
