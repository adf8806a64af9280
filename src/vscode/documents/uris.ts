// Document URIs. IDs live in the path (not the query) so contributes.jsonValidation's fileMatch
// `appkeys:/<platform>/**/<resource>/*.json` binds the right schema to each edit document.
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

export function editUri(t: DocumentTarget): vscode.Uri {
  return vscode.Uri.from({ scheme: EDIT_SCHEME, path: `/${t.platform}/${t.host}/${t.applicationId}/${t.resourceId}/${t.itemId}.json` });
}

export function viewUri(t: DocumentTarget, mode: ViewMode): vscode.Uri {
  const suffix = mode === 'server' ? '.server.json' : '.json';
  return vscode.Uri.from({ scheme: VIEW_SCHEME, path: `/${t.platform}/${t.host}/${t.applicationId}/${t.resourceId}/${t.itemId}${suffix}` });
}

export function parseUri(uri: vscode.Uri): DocumentTarget & { mode: ViewMode } {
  const parts = uri.path.split('/');
  const match = /^([^./]+)(\.server)?\.json$/.exec(parts[5] ?? '');
  if (parts.length !== 6 || parts[0] !== '' || !match) {
    throw vscode.FileSystemError.FileNotFound(uri);
  }
  const [, platform, host, applicationId, resourceId] = parts;
  if (!platform || !host || !applicationId || !resourceId) {
    throw new ApiError(vscode.l10n.t('Not an App Keys document: {0}', uri.toString()), { kind: 'invalid-input' });
  }
  return { platform, host, applicationId, resourceId, itemId: match[1], mode: match[2] ? 'server' : 'full' };
}
