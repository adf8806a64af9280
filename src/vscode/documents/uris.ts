// Document URIs: `appkeys://<platform>.<resource>.<kind>.<hex ids>/<application>/<group>/<item name>.json`.
// The path is for people (the tab title is its last segment, breadcrumbs its segments); the IDs ride
// in the authority, hex-encoded (VS Code lowercases authorities), so a document restored after a
// reload is still found. contributes.jsonValidation's fileMatch (`appkeys://losant.keys.edit.*/**/*.json`)
// binds each platform's schema by the authority's readable head, never by the (translatable) names.
import * as vscode from 'vscode';
import { ApiError } from '../../core/errors';

export const EDIT_SCHEME = 'appkeys';
export const VIEW_SCHEME = 'appkeys-view';

/** `full`: the whole item, read-only. `server`: the server's current editable fields (for Compare). */
export type ViewMode = 'full' | 'server';

export interface DocumentTarget {
  platform: string;
  host: string;
  applicationId: string;
  resourceId: string;
  itemId: string;
}

export type GroupTarget = Omit<DocumentTarget, 'itemId'>;

/** What the path shows: the application's name, the group's label, the item's name (already disambiguated). */
export interface DocumentNames {
  application: string;
  group: string;
  item: string;
}

type Kind = 'edit' | 'new' | ViewMode;

const hex = (text: string): string => Buffer.from(text, 'utf8').toString('hex');
const unhex = (text: string): string => Buffer.from(text, 'hex').toString('utf8');

/** One path segment: never a separator, a dot name, control characters or an endless name. */
export function pathSegment(name: string, fallback: string): string {
  const cleaned = name
    .replace(/\p{Cc}/gu, ' ')
    .replace(/[/\\]/g, '∕')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return cleaned === '' || /^\.+$/.test(cleaned) ? fallback : cleaned;
}

function build(scheme: string, kind: Kind, t: GroupTarget, last: string, names: Omit<DocumentNames, 'item'>, file: string): vscode.Uri {
  const authority = `${t.platform}.${t.resourceId}.${kind}.${hex([t.host, t.applicationId, last].join('\n'))}`;
  const path = `/${pathSegment(names.application, t.applicationId)}/${pathSegment(names.group, t.resourceId)}/${file}.json`;
  return vscode.Uri.from({ scheme, authority, path });
}

/** The edit document's title: the item's name and that it is the editable one (the fetched copy has the bare name). */
const editTitle = (item: string): string => vscode.l10n.t('{0} (edit)', item);

export function editUri(t: DocumentTarget, names: DocumentNames): vscode.Uri {
  return build(EDIT_SCHEME, 'edit', t, t.itemId, names, editTitle(pathSegment(names.item, t.itemId)));
}

export function viewUri(t: DocumentTarget, mode: ViewMode, names: DocumentNames): vscode.Uri {
  const item = pathSegment(names.item, t.itemId);
  return build(VIEW_SCHEME, mode, t, t.itemId, names, mode === 'server' ? vscode.l10n.t('{0} (server)', item) : item);
}

/** A new, unsaved create document; `n` tells two of them apart. */
export function createUri(t: GroupTarget, n: number, names: Omit<DocumentNames, 'item'>, title: string): vscode.Uri {
  return build(EDIT_SCHEME, 'new', t, String(n), names, `${pathSegment(title, 'new')} ${n}`);
}

function decode(uri: vscode.Uri): { kind: Kind; target: DocumentTarget } | undefined {
  const match = /^([a-z0-9-]+)\.([a-z0-9-]+)\.(edit|new|full|server)\.((?:[0-9a-f]{2})+)$/.exec(uri.authority.toLowerCase());
  if (!match || !uri.path.endsWith('.json')) return undefined;
  const [, platform, resourceId, kind, ids] = match;
  const [host, applicationId, itemId, ...rest] = unhex(ids).split('\n');
  if (!host || !applicationId || !itemId || rest.length > 0) return undefined;
  const expected = uri.scheme === EDIT_SCHEME ? kind === 'edit' || kind === 'new' : uri.scheme === VIEW_SCHEME && (kind === 'full' || kind === 'server');
  return expected ? { kind: kind as Kind, target: { platform, host, applicationId, resourceId, itemId } } : undefined;
}

/** The item an edit or view document is about; throws for any other URI (a create document included). */
export function parseUri(uri: vscode.Uri): DocumentTarget & { mode: ViewMode } {
  const decoded = decode(uri);
  if (!decoded) throw vscode.FileSystemError.FileNotFound(uri);
  if (decoded.kind === 'new') throw new ApiError(vscode.l10n.t('Not an App Keys item document: {0}', uri.toString()), { kind: 'invalid-input' });
  return { ...decoded.target, mode: decoded.kind === 'server' ? 'server' : 'full' };
}

/** The group a create document belongs to, or undefined for any other document. */
export function parseCreateUri(uri: vscode.Uri): GroupTarget | undefined {
  const decoded = decode(uri);
  if (decoded?.kind !== 'new' || uri.scheme !== EDIT_SCHEME) return undefined;
  const { itemId: _n, ...group } = decoded.target;
  return group;
}

/** Whether `uri` is an edit (`edit`) or fetched (`full`) document of the item `t`. */
export function isDocumentOf(uri: vscode.Uri, t: DocumentTarget, kind: 'edit' | 'full'): boolean {
  const decoded = decode(uri);
  if (!decoded || decoded.kind !== kind) return false;
  const d = decoded.target;
  return d.platform === t.platform && d.host === t.host && d.applicationId === t.applicationId && d.resourceId === t.resourceId && d.itemId === t.itemId;
}

/** The item's name as a document's title shows it (without `.json` and the edit document's mark). */
export function itemNameOf(uri: vscode.Uri): string {
  const title = uri.path.slice(uri.path.lastIndexOf('/') + 1).replace(/\.json$/, '');
  if (decode(uri)?.kind !== 'edit') return title;
  const [before, after = ''] = editTitle('\u0000').split('\u0000');
  return title.startsWith(before) && title.endsWith(after) && title.length >= before.length + after.length
    ? title.slice(before.length, title.length - after.length)
    : title;
}

/** The names a document's path shows (for a document derived from it, such as Compare's server side). */
export function namesOf(uri: vscode.Uri): DocumentNames {
  const [application = '', group = ''] = uri.path.split('/').slice(1);
  return { application, group, item: itemNameOf(uri) };
}
