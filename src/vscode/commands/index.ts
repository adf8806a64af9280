// Registers every command of the catalogue through the one wrapper.
import * as vscode from 'vscode';
import type { AppKeys } from '../appKeys';
import type { ApplicationsTreeProvider } from '../tree/ApplicationsTreeProvider';
import { LoadMoreNode, TreeNode } from '../tree/nodes';
import { addApplication, AddApplicationArgument, clearToken, removeApplication, setToken } from './applications';
import { copyId, copyKey } from './copy';
import { createItem } from './create';
import { COMMANDS } from './ids';
import { DocumentFileSystems, editItem, fetchItem } from './open';
import { registerCommand } from './registerCommand';
import { deleteItem } from './remove';
import type { ReportDocuments } from '../documents/ReportDocuments';
import { recreateItem } from './recreate';
import { revealItem, staleKeysReport } from './report';
import { rotateKey } from './rotate';
import { setStatus } from './status';
import { clearFilter, filterGroup, loadAllGroup, sortGroup } from './view';

export { COMMANDS } from './ids';

export function registerCommands(
  appKeys: AppKeys,
  tree: ApplicationsTreeProvider,
  view: vscode.TreeView<TreeNode>,
  documents: DocumentFileSystems & { reports: ReportDocuments },
): vscode.Disposable[] {
  const keys = 'keys';
  const tokens = 'tokens';
  const handlers: [string, (...args: unknown[]) => unknown][] = [
    [COMMANDS.addApplication, (arg) => addApplication(appKeys, tree, arg as AddApplicationArgument | undefined)],
    [COMMANDS.removeApplication, (arg) => removeApplication(appKeys, tree, arg)],
    [COMMANDS.setToken, (arg) => setToken(appKeys, tree, arg)],
    [COMMANDS.clearToken, (arg) => clearToken(appKeys, tree, arg)],
    [COMMANDS.refresh, (arg) => tree.refresh(arg as TreeNode | undefined)],
    [COMMANDS.loadMore, (arg) => (arg instanceof LoadMoreNode ? tree.loadMore(arg) : undefined)],
    [COMMANDS.fetchKey, (arg) => fetchItem(appKeys, documents, keys, arg)],
    [COMMANDS.editKey, (arg) => editItem(appKeys, documents, keys, arg)],
    [COMMANDS.createKey, (arg) => createItem(appKeys, tree, keys, arg)],
    [COMMANDS.deleteKey, (arg, selection) => deleteItem(appKeys, tree, keys, arg, selection)],
    [COMMANDS.copyKey, (arg) => copyKey(appKeys, keys, arg)],
    [COMMANDS.fetchToken, (arg) => fetchItem(appKeys, documents, tokens, arg)],
    [COMMANDS.editToken, (arg) => editItem(appKeys, documents, tokens, arg)],
    [COMMANDS.createToken, (arg) => createItem(appKeys, tree, tokens, arg)],
    [COMMANDS.deleteToken, (arg, selection) => deleteItem(appKeys, tree, tokens, arg, selection)],
    // Any item's ID: a tree item of either kind, { applicationId, keyId } or { applicationId, tokenId }.
    [COMMANDS.copyId, (arg, selection) => copyId(appKeys, arg && typeof arg === 'object' && 'tokenId' in arg ? tokens : keys, arg, selection)],
    [COMMANDS.loadAll, (arg) => loadAllGroup(appKeys, tree, arg)],
    [COMMANDS.filter, (arg) => filterGroup(appKeys, tree, arg)],
    [COMMANDS.clearFilter, (arg) => clearFilter(appKeys, tree, arg)],
    [COMMANDS.sort, (arg) => sortGroup(appKeys, tree, arg)],
    [COMMANDS.rotateKey, (arg) => rotateKey(appKeys, tree, documents, arg)],
    [COMMANDS.recreate, (uri, value) => recreateItem(appKeys, tree, uri, value)],
    [COMMANDS.staleReport, (arg) => staleKeysReport(appKeys, documents.reports, arg)],
    [COMMANDS.reveal, (arg) => revealItem(appKeys, tree, view, documents.reports, arg)],
    [COMMANDS.activate, (arg, selection) => setStatus(appKeys, tree, documents, true, arg, selection)],
    [COMMANDS.deactivate, (arg, selection) => setStatus(appKeys, tree, documents, false, arg, selection)],
    [COMMANDS.showLog, () => appKeys.log.show()],
  ];
  return handlers.map(([id, handler]) => registerCommand(appKeys, id as (typeof COMMANDS)[keyof typeof COMMANDS], handler));
}
