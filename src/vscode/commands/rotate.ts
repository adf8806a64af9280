// Key rotation: create a new key with the same settings, show its secret once, and only when the
// user confirms the new key is deployed, retire the old one (deactivate where keys have a status,
// delete where they do not). Nothing is retired before the new key exists; every failure says
// exactly what exists now and what is left to do.
import { ApiError, isCancellation } from '../../core/errors';
import type { CreateResult, ResourceItem } from '../../core/platforms/platform';
import type { AppKeys } from '../appKeys';
import { withCancellableProgress } from '../progress';
import type { ApplicationsTreeProvider } from '../tree/ApplicationsTreeProvider';
import { describe } from '../tree/describe';
import { showOneTimeSecrets } from './create';
import { resolveItem } from './targets';

export interface RotationResult {
  created: CreateResult;
  /** `deactivated` or `deleted` once the old key is retired; `kept` if the user stopped before. */
  old: 'deactivated' | 'deleted' | 'kept';
}

export async function rotateKey(appKeys: AppKeys, tree: ApplicationsTreeProvider, arg: unknown): Promise<RotationResult> {
  const target = await resolveItem(appKeys, arg, 'keys');
  const { resource, app } = target;
  if (!resource.copyInput) throw new ApiError(`${resource.label} of ${appKeys.displayName(app)} cannot be rotated`, { kind: 'invalid-input' });
  const client = await appKeys.client(app);
  const old: ResourceItem = await withCancellableProgress(`Fetching ${resource.noun}…`, (signal) => client.get(resource, target.itemId, signal));
  const oldName = resource.summarize(old).label;
  const given = arg && typeof arg === 'object' && typeof (arg as { name?: unknown }).name === 'string' ? (arg as { name: string }).name : undefined;
  const name =
    given ??
    (await appKeys.ui.showInputBox({
      prompt: `Name of the new key that replaces "${oldName}"`,
      value: `${oldName} (rotated ${new Date().toISOString().slice(0, 10)})`,
      validateInput: (v) => (v.trim() ? undefined : 'Required'),
    }));

  // 1. The new key. If this fails, nothing has changed.
  let created: CreateResult;
  try {
    created = await withCancellableProgress(`Creating the new ${resource.noun}…`, (signal) => client.create(resource, resource.copyInput!(old, name.trim()), signal));
  } catch (error) {
    if (isCancellation(error)) throw error;
    throw new ApiError(`Rotation stopped: the new key could not be created (${describe(error)}). Nothing changed: "${oldName}" is still in use.`, { kind: 'invalid-input', cause: error });
  }
  const applicationKey = appKeys.applicationKey(app);
  tree.updateItem(applicationKey, resource.id, created.item.id, created.item);
  const newName = resource.summarize(created.item).label;
  await showOneTimeSecrets(appKeys, `New ${resource.noun} "${newName}" created to replace "${oldName}". Deploy its secret, then come back to retire the old key.`, created.oneTimeSecrets);

  // 2. Retire the old key, once the user says the new one is deployed.
  const retire = resource.statusPatch ? 'Deactivate' : 'Delete';
  try {
    await appKeys.ui.confirm(
      `Is "${newName}" deployed everywhere "${oldName}" was used?`,
      `${retire} the old key "${oldName}" now. ${resource.statusPatch ? 'It can be activated again later.' : 'This cannot be undone.'}`,
      `${retire} Old Key`,
    );
  } catch (error) {
    if (!isCancellation(error)) throw error;
    void appKeys.ui.showMessage('info', `Rotation paused: both "${newName}" (new) and "${oldName}" (old) exist and work. ${retire} "${oldName}" once the new key is deployed.`);
    return { created, old: 'kept' };
  }
  try {
    if (resource.statusPatch) {
      const updated = await client.update(resource, old.id, resource.statusPatch(false));
      tree.updateItem(applicationKey, resource.id, old.id, updated);
    } else {
      await client.remove(resource, old.id);
      tree.updateItem(applicationKey, resource.id, old.id, undefined);
    }
  } catch (error) {
    throw new ApiError(
      `Rotation half done: "${newName}" (new) exists and works, but "${oldName}" (old) could not be ${retire === 'Delete' ? 'deleted' : 'deactivated'}: ${describe(error)}. ${retire} "${oldName}" yourself from the tree.`,
      { kind: 'invalid-input', cause: error },
    );
  }
  void appKeys.ui.showMessage('info', `Rotated: "${newName}" replaces "${oldName}", which is now ${retire === 'Delete' ? 'deleted' : 'inactive'}.`);
  return { created, old: retire === 'Delete' ? 'deleted' : 'deactivated' };
}
