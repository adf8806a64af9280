// Registers every command of the catalogue through the one wrapper.
import * as vscode from 'vscode';
import type { AppKeys } from '../appKeys';
import type { ApplicationsTreeProvider } from '../tree/ApplicationsTreeProvider';
import { LoadMoreNode, TreeNode } from '../tree/nodes';
import { addApplication, AddApplicationArgument, clearToken, removeApplication, setToken } from './applications';
import { copyId, copyKey } from './copy';
import { createItem } from './create';
import { COMMANDS } from './ids';
import { editItem, fetchItem } from './open';
import { registerCommand } from './registerCommand';
import { deleteItem } from './remove';

export { COMMANDS } from './ids';

export function registerCommands(appKeys: AppKeys, tree: ApplicationsTreeProvider): vscode.Disposable[] {
  const keys = 'keys';
  const tokens = 'tokens';
  const handlers: [string, (...args: unknown[]) => unknown][] = [
    [COMMANDS.addApplication, (arg) => addApplication(appKeys, tree, arg as AddApplicationArgument | undefined)],
    [COMMANDS.removeApplication, (arg) => removeApplication(appKeys, tree, arg)],
    [COMMANDS.setToken, (arg) => setToken(appKeys, tree, arg)],
    [COMMANDS.clearToken, (arg) => clearToken(appKeys, tree, arg)],
    [COMMANDS.refresh, (arg) => tree.refresh(arg as TreeNode | undefined)],
    [COMMANDS.loadMore, (arg) => (arg instanceof LoadMoreNode ? tree.loadMore(arg) : undefined)],
    [COMMANDS.fetchKey, (arg) => fetchItem(appKeys, keys, arg)],
    [COMMANDS.editKey, (arg) => editItem(appKeys, keys, arg)],
    [COMMANDS.createKey, (arg) => createItem(appKeys, tree, keys, arg)],
    [COMMANDS.deleteKey, (arg) => deleteItem(appKeys, tree, keys, arg)],
    [COMMANDS.copyKey, (arg) => copyKey(appKeys, keys, arg)],
    [COMMANDS.fetchToken, (arg) => fetchItem(appKeys, tokens, arg)],
    [COMMANDS.editToken, (arg) => editItem(appKeys, tokens, arg)],
    [COMMANDS.createToken, (arg) => createItem(appKeys, tree, tokens, arg)],
    [COMMANDS.deleteToken, (arg) => deleteItem(appKeys, tree, tokens, arg)],
    // Any item's ID: a tree item of either kind, { applicationId, keyId } or { applicationId, tokenId }.
    [COMMANDS.copyId, (arg) => copyId(appKeys, arg && typeof arg === 'object' && 'tokenId' in arg ? tokens : keys, arg)],
    [COMMANDS.showLog, () => appKeys.log.show()],
  ];
  return handlers.map(([id, handler]) => registerCommand(appKeys, id as (typeof COMMANDS)[keyof typeof COMMANDS], handler));
}
