// Re-create an item that was deleted on the server while the user edited it, from the user's text.
import * as vscode from 'vscode';
import { ApiError } from '../../core/errors';
import type { CreateResult } from '../../core/platforms/platform';
import type { AppKeys } from '../appKeys';
import { resolveDocument } from '../documents/documentTarget';
import { documentUri } from '../documents/documentNames';
import { showOneTimeSecrets } from './secretHandOff';
import { idField } from '../../core/secretFile';

export async function recreateItem(appKeys: AppKeys, uri: unknown, value: unknown): Promise<CreateResult> {
  if (!(uri instanceof vscode.Uri) || !value || typeof value !== 'object')
    throw new ApiError(vscode.l10n.t('Re-create needs the edit document and its settings'), { kind: 'invalid-input' });
  const { target, app, client, resource } = await resolveDocument(appKeys, uri);
  if (!resource.copyInput) throw new ApiError(vscode.l10n.t('{0} cannot be re-created here', resource.label), { kind: 'invalid-input' });
  const settings = value as Record<string, unknown>;
  const name = typeof settings.name === 'string' && settings.name ? settings.name : vscode.l10n.t('Re-created {0}', resource.noun);
  const input = resource.copyInput({ id: target.itemId, data: settings }, name);
  const created = await appKeys.ui.withProgress(vscode.l10n.t('Re-creating {0} "{1}"…', resource.noun, name), (signal) =>
    client.create(resource, input, signal),
  );
  await showOneTimeSecrets(appKeys, vscode.l10n.t('Re-created {0} "{1}" (a new ID: the old one is gone).', resource.noun, name), created.oneTimeSecrets, name, [
    idField(resource.id, created.item.id),
  ]);
  const document = await vscode.workspace.openTextDocument(documentUri(app, resource, { ...target, itemId: created.item.id }, created.item, 'edit'));
  await vscode.window.showTextDocument(document, { preview: false });
  return created;
}
