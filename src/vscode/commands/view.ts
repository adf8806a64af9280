// Filter, sort and load a whole group. The view shows in the group's description and survives refreshes.
import * as vscode from 'vscode';
import type { ListView } from '../../core/listing';
import type { AppKeys } from '../appKeys';
import type { ApplicationsTreeProvider } from '../tree/ApplicationsTreeProvider';
import { GroupNode } from '../tree/nodes';
import { argumentObject, oneOfField, stringField } from './arguments';
import { resolveGroup } from './targets';

interface ViewArgument {
  field?: string;
  pattern?: string;
  direction?: 'asc' | 'desc';
}

async function group(
  appKeys: AppKeys,
  tree: ApplicationsTreeProvider,
  arg: unknown,
): Promise<{ key: string; node?: GroupNode; given: ViewArgument } & Awaited<ReturnType<typeof resolveGroup>>> {
  const object = argumentObject(arg);
  const given: ViewArgument = {
    field: stringField(object, 'field'),
    pattern: stringField(object, 'pattern'),
    direction: oneOfField(object, 'direction', ['asc', 'desc'] as const),
  };
  const resolved = await resolveGroup(appKeys, arg);
  const identity = resolved.app.identity;
  return { ...resolved, key: `${identity}/${resolved.resource.id}`, node: await tree.ensureGroup(identity, resolved.resource.id), given };
}

function apply(tree: ApplicationsTreeProvider, key: string, node: GroupNode | undefined, view: ListView): ListView {
  if (node) tree.setView(node, view);
  else tree.lists.setView(key, view);
  return view;
}

export async function filterGroup(appKeys: AppKeys, tree: ApplicationsTreeProvider, arg: unknown): Promise<ListView> {
  const { resource, key, node, given } = await group(appKeys, tree, arg);
  const current = tree.lists.view(key);
  const field =
    resource.filterFields.find((f) => f.field === given.field) ??
    (await appKeys.ui.showQuickPick(
      resource.filterFields.map((f) => ({
        ...f,
        label: f.label,
        description: f.values ? f.values.join(' / ') : vscode.l10n.t('glob, e.g. {0}', f.example ?? 'gate*'),
      })),
      {
        placeHolder: vscode.l10n.t('Filter {0} by', resource.label),
      },
    ));
  let pattern = given.pattern;
  if (pattern === undefined && field.values) {
    pattern = (
      await appKeys.ui.showQuickPick(
        field.values.map((v) => ({ label: v })),
        { placeHolder: vscode.l10n.t('Show {0} whose {1} is', resource.label, field.label.toLowerCase()) },
      )
    ).label;
  } else if (pattern === undefined) {
    pattern = await appKeys.ui.showInputBox({
      prompt: vscode.l10n.t('Show {0} whose {1} matches (* matches anything; case does not matter)', resource.label, field.label.toLowerCase()),
      value: current.filter?.field === field.field ? current.filter.pattern : '',
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter a pattern, e.g. {0}', field.example ?? 'gate*')),
    });
  }
  return apply(tree, key, node, { ...current, filter: { field: field.field, pattern: pattern.trim() } });
}

export async function clearFilter(appKeys: AppKeys, tree: ApplicationsTreeProvider, arg: unknown): Promise<ListView> {
  const { key, node } = await group(appKeys, tree, arg);
  const { sort } = tree.lists.view(key);
  return apply(tree, key, node, { sort });
}

export async function sortGroup(appKeys: AppKeys, tree: ApplicationsTreeProvider, arg: unknown): Promise<ListView> {
  const { resource, key, node, given } = await group(appKeys, tree, arg);
  const current = tree.lists.view(key);
  let sort: ListView['sort'];
  const known = resource.sortFields.find((f) => f.field === given.field);
  if (known) {
    sort = { field: known.field, direction: given.direction ?? 'asc' };
  } else {
    const choices = resource.sortFields.flatMap((f) => [
      { label: `${f.label} ↑`, description: vscode.l10n.t('ascending'), sort: { field: f.field, direction: 'asc' as const } },
      { label: `${f.label} ↓`, description: vscode.l10n.t('descending'), sort: { field: f.field, direction: 'desc' as const } },
    ]);
    sort = (await appKeys.ui.showQuickPick(choices, { placeHolder: vscode.l10n.t('Sort {0} by', resource.label) })).sort;
  }
  return apply(tree, key, node, { ...current, sort });
}

export async function loadAllGroup(appKeys: AppKeys, tree: ApplicationsTreeProvider, arg: unknown): Promise<number> {
  const { key, node } = await group(appKeys, tree, arg);
  if (!node) throw new Error(vscode.l10n.t('That group is not in the App Keys tree'));
  await tree.loadAll(node);
  return tree.lists.state(key)?.items.length ?? 0;
}
