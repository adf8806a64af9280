// Registers every command of the catalogue through the one wrapper, and today's per-kind ids as
// aliases of the generic item commands.
import type * as vscode from 'vscode';
import type { AppKeys } from '../appKeys';
import { ALIASES, COMMANDS, CommandId } from '../commandIds';
import type { ReportDocuments } from '../documents/ReportDocuments';
import type { ItemEditFileSystem } from '../documents/ItemEditFileSystem';
import type { ReportPanels } from '../documents/reportPanels';
import type { ApplicationsTreeProvider } from '../tree/ApplicationsTreeProvider';
import { LoadMoreNode, TreeNode } from '../tree/nodes';
import { addApplication, AddApplicationArgument, clearToken, removeApplication, setToken } from './applications';
import { addApplications } from './addApplications';
import { manageCredentials } from './manageCredentials';
import { copyId, copyValue } from './copy';
import { createKeysForDevices } from './createKeysForDevices';
import { pickDevices } from './pickDevices';
import { createFromDocument } from '../documents/createGuide';
import { createItem } from './create';
import { DocumentFileSystems, editItem, fetchItem } from './open';
import { openInConsole } from './console';
import { recreateItem } from './recreate';
import { registerCommand } from './registerCommand';
import { deleteItem } from './remove';
import { revealItem, staleKeysReport } from './report';
import { rotateItem } from './rotate';
import { filterHiding, offerClearFilter } from './hiddenByFilter';
import { setStatus } from './status';
import { clearFilter, filterGroup, loadAllGroup, sortGroup } from './view';
import { findKey } from './findKey';

/** A command's handler; `kind` is the resource type an alias runs it for (undefined: from the node or argument). */
type Handler = (kind: string | undefined, ...args: unknown[]) => unknown;

export function registerCommands(
  appKeys: AppKeys,
  tree: ApplicationsTreeProvider,
  view: vscode.TreeView<TreeNode>,
  documents: DocumentFileSystems & { reports: ReportDocuments; panels: ReportPanels; edits: ItemEditFileSystem },
): vscode.Disposable[] {
  const handlers: Record<CommandId, Handler> = {
    [COMMANDS.addApplication]: (_kind, arg) => addApplication(appKeys, tree, arg as AddApplicationArgument | undefined),
    [COMMANDS.addApplications]: (_kind, arg) => addApplications(appKeys, tree, arg as AddApplicationArgument | undefined, true),
    [COMMANDS.manageCredentials]: () => manageCredentials(appKeys, tree),
    [COMMANDS.removeApplication]: (_kind, arg) => removeApplication(appKeys, tree, arg),
    [COMMANDS.setToken]: (_kind, arg) => setToken(appKeys, tree, arg),
    [COMMANDS.clearToken]: (_kind, arg) => clearToken(appKeys, tree, arg),
    [COMMANDS.setApiToken]: (_kind, arg) => setToken(appKeys, tree, arg, 'api-token'),
    [COMMANDS.clearApiToken]: (_kind, arg) => clearToken(appKeys, tree, arg, 'api-token'),
    [COMMANDS.setClientSecret]: (_kind, arg) => setToken(appKeys, tree, arg, 'client-secret'),
    [COMMANDS.clearClientSecret]: (_kind, arg) => clearToken(appKeys, tree, arg, 'client-secret'),
    [COMMANDS.refresh]: (_kind, arg) => tree.refresh(arg as TreeNode | undefined),
    [COMMANDS.loadMore]: (_kind, arg) => (arg instanceof LoadMoreNode ? tree.loadMore(arg) : undefined),
    [COMMANDS.fetch]: (kind, arg) => fetchItem(appKeys, documents, arg, kind),
    [COMMANDS.edit]: (kind, arg) => editItem(appKeys, documents, arg, kind),
    [COMMANDS.create]: (kind, arg) => createItem(appKeys, arg, kind),
    [COMMANDS.delete]: (kind, arg, selection) => deleteItem(appKeys, arg, selection, kind),
    [COMMANDS.copy]: (kind, arg) => copyValue(appKeys, arg, kind),
    [COMMANDS.copyId]: (_kind, arg, selection) => copyId(appKeys, arg, selection),
    [COMMANDS.rotate]: (kind, arg) =>
      rotateItem(appKeys, arg, kind, (target) => {
        // A new key the group's filter hides is named, with Clear Filter (which reveals it).
        const filter = filterHiding(tree, target.app, target.resource, target.item);
        if (filter)
          void offerClearFilter(appKeys, tree, view, target, filter).catch((error: unknown) => appKeys.log.warn(`Reveal after rotation: ${String(error)}`));
      }),
    [COMMANDS.activate]: (_kind, arg, selection) => setStatus(appKeys, true, arg, selection),
    [COMMANDS.deactivate]: (_kind, arg, selection) => setStatus(appKeys, false, arg, selection),
    [COMMANDS.showLog]: () => appKeys.log.show(),
    [COMMANDS.loadAll]: (_kind, arg) => loadAllGroup(appKeys, tree, arg),
    [COMMANDS.filter]: (_kind, arg) => filterGroup(appKeys, tree, arg),
    [COMMANDS.clearFilter]: (_kind, arg) => clearFilter(appKeys, tree, arg),
    [COMMANDS.sort]: (_kind, arg) => sortGroup(appKeys, tree, arg),
    [COMMANDS.reveal]: (_kind, arg) => revealItem(appKeys, tree, view, documents.reports, arg),
    [COMMANDS.staleReport]: (_kind, arg) => staleKeysReport(appKeys, documents.reports, documents.panels, arg),
    [COMMANDS.recreate]: (_kind, uri, value) => recreateItem(appKeys, uri, value),
    [COMMANDS.pickDevices]: (_kind, arg) => pickDevices(appKeys, arg),
    [COMMANDS.openInConsole]: (_kind, arg) => openInConsole(appKeys, arg),
    [COMMANDS.createFromDocument]: (_kind, arg) => createFromDocument(documents.edits, arg),
    [COMMANDS.createKeysForDevices]: (_kind, arg) => createKeysForDevices(appKeys, documents.reports, documents.panels, arg),
    [COMMANDS.findKey]: (_kind, arg) => findKey(appKeys, tree, view, arg),
  };
  return [
    ...Object.entries(handlers).map(([id, handler]) => registerCommand(appKeys, id, id as CommandId, (...args) => handler(undefined, ...args))),
    ...Object.entries(ALIASES).map(([alias, { command, resource }]) =>
      registerCommand(appKeys, alias, command, (...args) => handlers[command](resource, ...args)),
    ),
  ];
}
