import * as vscode from 'vscode';
import type { DocumentTarget } from '../documents/uris';
import type { ItemTarget } from './targets';

export function documentTarget(target: ItemTarget): DocumentTarget {
  // Checked here so that a bad ID is refused before it becomes part of a URI.
  if (!target.resource.idPattern.test(target.itemId)) {
    throw new Error(vscode.l10n.t('Invalid {0} ID: {1}', target.resource.noun, JSON.stringify(target.itemId).slice(0, 80)));
  }
  return {
    platform: target.app.platform,
    host: target.app.host,
    applicationId: target.app.applicationId,
    resourceId: target.resource.id,
    itemId: target.itemId,
  };
}
