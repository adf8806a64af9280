// Pick Devices…: the application's devices by name in a multi-select, written into the create
// document's `deviceIds` (IDs typed there that no listed device has are kept).
import * as vscode from 'vscode';
import { deviceIdsEdits, typedDeviceIds } from '../../core/deviceFields';
import { ApiError } from '../../core/errors';
import type { AppKeys } from '../appKeys';
import { deviceDocument } from '../documents/deviceAssist';
import { pickManyDevices, sessionDevices } from '../devicePicks';

export async function pickDevices(appKeys: AppKeys, arg: unknown): Promise<string[]> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  const target = uri && deviceDocument(appKeys, uri);
  if (!uri || !target?.creating) {
    throw new ApiError(vscode.l10n.t("Pick Devices works in a new key's document (New Key…): a key's devices can only be set when it is created."), {
      kind: 'invalid-input',
    });
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const index = await sessionDevices(appKeys, await appKeys.client(target.app));
  if (index.devices.length === 0) throw new ApiError(vscode.l10n.t('{0} has no devices', target.app.displayName), { kind: 'invalid-input' });
  const typed = typedDeviceIds(document.getText());
  const current = new Set(typed);
  const client = await appKeys.client(target.app);
  const picked = await pickManyDevices(appKeys, client, index, {
    placeHolder: vscode.l10n.t('The devices this key is restricted to (type to filter by name or ID)'),
    picked: current,
  });
  const chosen = new Set(picked.map((d) => d.id));
  // IDs typed that the pick did not show stay; beyond the devices held, those shown and left unpicked go.
  const ids = [...chosen, ...typed.filter((id) => !chosen.has(id) && !index.get(id))];
  const text = document.getText();
  const edit = new vscode.WorkspaceEdit();
  for (const e of deviceIdsEdits(text, ids)) {
    edit.replace(uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.content);
  }
  if (!(await vscode.workspace.applyEdit(edit))) throw new ApiError(vscode.l10n.t('The document could not be changed'), { kind: 'invalid-input' });
  return ids;
}
