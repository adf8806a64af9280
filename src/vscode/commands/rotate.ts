// Key rotation: create a new key with the same settings, show its secret once, and only when the
// user confirms the new key is deployed, retire the old one (deactivate where keys have a status,
// delete where they do not). Nothing is retired before the new key exists; every failure says
// exactly what exists now and what is left to do.
import * as vscode from 'vscode';
import { ApiError, isCancellation } from '../../core/errors';
import type { CreateResult, ResourceItem } from '../../core/platforms/platform';
import type { AppKeys } from '../appKeys';
import { withCancellableProgress } from '../progress';
import type { ApplicationsTreeProvider } from '../tree/ApplicationsTreeProvider';
import { describe } from '../tree/describe';
import { showOneTimeSecrets } from './create';
import { DocumentFileSystems, refreshOpenDocuments } from './open';
import { resolveItem } from './targets';

export interface RotationResult {
  created: CreateResult;
  /** `deactivated` or `deleted` once the old key is retired; `kept` if the user stopped before. */
  old: 'deactivated' | 'deleted' | 'kept';
}

export async function rotateKey(appKeys: AppKeys, tree: ApplicationsTreeProvider, documents: DocumentFileSystems, arg: unknown): Promise<RotationResult> {
  const target = await resolveItem(appKeys, arg, 'keys');
  const { resource, app } = target;
  if (!resource.copyInput) throw new ApiError(vscode.l10n.t('{0} of {1} cannot be rotated', resource.label, appKeys.displayName(app)), { kind: 'invalid-input' });
  const client = await appKeys.client(app);
  const old: ResourceItem = await withCancellableProgress(vscode.l10n.t('Fetching {0}…', resource.noun), (signal) => client.get(resource, target.itemId, signal));
  const oldName = resource.summarize(old).label;
  const given = arg && typeof arg === 'object' && typeof (arg as { name?: unknown }).name === 'string' ? (arg as { name: string }).name : undefined;
  const name =
    given ??
    (await appKeys.ui.showInputBox({
      prompt: vscode.l10n.t('Name of the new key that replaces "{0}"', oldName),
      value: vscode.l10n.t('{0} (rotated {1})', oldName, new Date().toISOString().slice(0, 10)),
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Required')),
    }));

  // 1. The new key. If this fails, nothing has changed.
  let created: CreateResult;
  try {
    created = await withCancellableProgress(vscode.l10n.t('Creating the new {0}…', resource.noun), (signal) => client.create(resource, resource.copyInput!(old, name.trim()), signal));
  } catch (error) {
    if (isCancellation(error)) throw error;
    throw new ApiError(vscode.l10n.t('Rotation stopped: the new key could not be created ({0}). Nothing changed: "{1}" is still in use.', describe(error), oldName), { kind: 'invalid-input', cause: error });
  }
  const applicationKey = appKeys.applicationKey(app);
  tree.updateItem(applicationKey, resource.id, created.item.id, created.item);
  const newName = resource.summarize(created.item).label;
  await showOneTimeSecrets(appKeys, vscode.l10n.t('New {0} "{1}" created to replace "{2}". Deploy its secret, then come back to retire the old key.', resource.noun, newName, oldName), created.oneTimeSecrets);

  // 2. Retire the old key, once the user says the new one is deployed.
  const deletes = !resource.statusPatch;
  const retire = deletes ? vscode.l10n.t('Delete') : vscode.l10n.t('Deactivate');
  try {
    await appKeys.ui.confirm(
      vscode.l10n.t('Is "{0}" deployed everywhere "{1}" was used?', newName, oldName),
      vscode.l10n.t('{0} the old key "{1}" now. {2}', retire, oldName, resource.statusPatch ? vscode.l10n.t('It can be activated again later.') : vscode.l10n.t('This cannot be undone.')),
      vscode.l10n.t('{0} Old Key', retire),
    );
  } catch (error) {
    if (!isCancellation(error)) throw error;
    void appKeys.ui.showMessage('info', vscode.l10n.t('Rotation paused: both "{0}" (new) and "{1}" (old) exist and work. {2} "{1}" once the new key is deployed.', newName, oldName, retire));
    return { created, old: 'kept' };
  }
  try {
    if (resource.statusPatch) {
      const updated = await client.update(resource, old.id, resource.statusPatch(false));
      tree.updateItem(applicationKey, resource.id, old.id, updated);
      await refreshOpenDocuments(appKeys, documents, { app, resource, itemId: old.id });
    } else {
      await client.remove(resource, old.id);
      tree.updateItem(applicationKey, resource.id, old.id, undefined);
    }
  } catch (error) {
    throw new ApiError(
      vscode.l10n.t(
        'Rotation half done: "{0}" (new) exists and works, but "{1}" (old) could not be {2}: {3}. {4} "{1}" yourself from the tree.',
        newName,
        oldName,
        deletes ? vscode.l10n.t('deleted') : vscode.l10n.t('deactivated'),
        describe(error),
        retire,
      ),
      { kind: 'invalid-input', cause: error },
    );
  }
  void appKeys.ui.showMessage('info', vscode.l10n.t('Rotated: "{0}" replaces "{1}", which is now {2}.', newName, oldName, deletes ? vscode.l10n.t('deleted') : vscode.l10n.t('inactive')));
  return { created, old: deletes ? 'deleted' : 'deactivated' };
}
