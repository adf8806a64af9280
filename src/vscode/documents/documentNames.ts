// Documents are titled by name: the application's, the group's and the item's. Two open items of a
// group with the same name are told apart by a short ID suffix (the same for an item every time);
// an item's open document is found by the IDs in its URI, whatever its title says.
import * as vscode from 'vscode';
import type { ConfiguredApplication } from '../../core/application';
import type { ResourceItem, ResourceType } from '../../core/platforms/platform';
import { DocumentNames, DocumentTarget, EDIT_SCHEME, editUri, isDocumentOf, itemNameOf, parseUri, pathSegment, VIEW_SCHEME, viewUri } from './uris';

/** Every document URI VS Code has open: in tabs (also not yet loaded ones, after a reload) and as documents. */
export function openUris(): vscode.Uri[] {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).flatMap((t) => (t.input instanceof vscode.TabInputText ? [t.input.uri] : []));
  const seen = new Map<string, vscode.Uri>();
  for (const uri of [...tabs, ...vscode.workspace.textDocuments.map((d) => d.uri)]) seen.set(uri.toString(), uri);
  return [...seen.values()].filter((uri) => uri.scheme === EDIT_SCHEME || uri.scheme === VIEW_SCHEME);
}

/** The URI of the item's document of this kind that is open already, if one is. */
export function openDocumentUri(t: DocumentTarget, kind: 'edit' | 'full'): vscode.Uri | undefined {
  return openUris().find((uri) => isDocumentOf(uri, t, kind));
}

/** Names for an item's documents; ` (<end of its ID>)` when another open item of its group has the same name. */
export function documentNames(app: ConfiguredApplication, resource: ResourceType, t: DocumentTarget, item: ResourceItem | undefined): DocumentNames {
  const name = pathSegment(item ? resource.summarize(item).label : '', t.itemId);
  const clash = openUris().some((uri) => {
    let other: DocumentTarget;
    try {
      other = parseUri(uri);
    } catch {
      return false;
    }
    return (
      other.itemId !== t.itemId &&
      other.applicationId === t.applicationId &&
      other.host === t.host &&
      other.resourceId === t.resourceId &&
      itemNameOf(uri) === name
    );
  });
  return { application: app.displayName, group: resource.label, item: clash ? `${name} (${t.itemId.slice(-6)})` : name };
}

/** The URI to show the item's document at: the open one, or a new one titled by the item's name. */
export function documentUri(
  app: ConfiguredApplication,
  resource: ResourceType,
  t: DocumentTarget,
  item: ResourceItem | undefined,
  kind: 'edit' | 'full',
): vscode.Uri {
  const open = openDocumentUri(t, kind);
  if (open) return open;
  const names = documentNames(app, resource, t, item);
  return kind === 'edit' ? editUri(t, names) : viewUri(t, 'full', names);
}

/** Whether a document's title still says the item's name (a rename gives it a new one). */
export function hasCurrentName(uri: vscode.Uri, resource: ResourceType, item: ResourceItem): boolean {
  const title = itemNameOf(uri);
  const name = pathSegment(resource.summarize(item).label, item.id);
  return title === name || title === `${name} (${item.id.slice(-6)})`;
}
