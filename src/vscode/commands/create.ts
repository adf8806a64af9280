// Create an item of any kind: ask for its fields, create it, then show its one-time secret with Copy buttons.
import * as vscode from 'vscode';
import type { CreateResult } from '../../core/platforms/platform';
import type { AppKeys } from '../appKeys';
import { argumentObject } from './arguments';
import { askCreateFields } from './createFields';
import { showOneTimeSecrets } from './secretHandOff';
import { resolveGroup } from './targets';

export async function createItem(appKeys: AppKeys, arg: unknown, preferred?: string): Promise<CreateResult> {
  const { app, resource } = await resolveGroup(appKeys, arg, preferred);
  const input = await askCreateFields(appKeys.ui, resource.createFields, argumentObject(arg) ?? {});
  const client = await appKeys.client(app);
  const created = await appKeys.ui.withProgress(vscode.l10n.t('Creating {0}…', resource.noun), (signal) => client.create(resource, input, signal));
  const label = resource.summarize(created.item).label;
  void showOneTimeSecrets(appKeys, vscode.l10n.t('Created {0} "{1}".', resource.noun, label), created.oneTimeSecrets, label);
  return created;
}
