// Key rotation: create a new key with the same settings, show its secret once, and only when the
// user confirms the new key is deployed, retire the old one (deactivate where keys have a status,
// delete where they do not). Nothing is retired before the new key exists; every failure says
// exactly what exists now and what is left to do.
import * as vscode from 'vscode';
import { ApiError, isCancellation } from '../../core/errors';
import { itemsNamed, judgeLostCreate, surelyNotCreated } from '../../core/createOutcome';
import type { CreateResult, ResourceItem, ResourceType } from '../../core/platforms/platform';
import type { ApplicationClient } from '../../core/service';
import type { ConfiguredApplication } from '../../core/application';
import type { AppKeys } from '../appKeys';
import { describeError } from '../../core/errors';
import { showOneTimeSecrets } from './secretHandOff';
import { argumentObject, stringField } from './arguments';
import { resolveItem } from './targets';
import { idField } from '../../core/secretFile';

export interface RotationResult {
  created: CreateResult;
  /** `deactivated` or `deleted` once the old key is retired; `kept` if the user stopped before. */
  old: 'deactivated' | 'deleted' | 'kept';
}

/** What the tree does with the new key once it exists (index.ts: says so when the group's filter hides it). */
export type RevealNewKey = (target: { app: ConfiguredApplication; resource: ResourceType; item: ResourceItem }) => void;

export async function rotateItem(appKeys: AppKeys, arg: unknown, preferred?: string, revealNew?: RevealNewKey): Promise<RotationResult> {
  const target = await resolveItem(appKeys, arg, preferred);
  const { resource, app } = target;
  if (!resource.copyInput) throw new ApiError(vscode.l10n.t('{0} of {1} cannot be rotated', resource.label, app.displayName), { kind: 'invalid-input' });
  const client = await appKeys.client(app);
  const old: ResourceItem = await appKeys.ui.withProgress(vscode.l10n.t('Fetching {0}…', resource.noun), (signal) =>
    client.get(resource, target.itemId, signal),
  );
  const oldName = resource.summarize(old).label;
  const given = stringField(argumentObject(arg), 'name');
  const name =
    given ??
    (await appKeys.ui.showInputBox({
      prompt: vscode.l10n.t('Name of the new key that replaces "{0}"', oldName),
      value: vscode.l10n.t('{0} (rotated {1})', oldName, new Date().toISOString().slice(0, 10)),
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Required')),
    }));

  // 1. The new key. Keys of that name that exist already are noted first, so that after a create
  // whose answer was lost, the one the server made can be told apart.
  const newKeyName = name.trim();
  const startedAt = Date.now();
  const before = await appKeys.ui.withProgress(vscode.l10n.t('Creating the new {0}…', resource.noun), (signal) =>
    itemsNamed(client, resource, newKeyName, signal),
  );
  let created: CreateResult;
  try {
    created = await appKeys.ui.withProgress(vscode.l10n.t('Creating the new {0}…', resource.noun), (signal) =>
      client.create(resource, resource.copyInput!(old, newKeyName), signal),
    );
  } catch (error) {
    if (surelyNotCreated(error)) {
      throw new ApiError(
        vscode.l10n.t('Rotation stopped: the new key could not be created ({0}). Nothing changed: "{1}" is still in use.', describeError(error), oldName),
        { kind: 'invalid-input', cause: error },
      );
    }
    throw await lostCreate(appKeys, client, resource, { newKeyName, oldName, known: new Set(before.map((i) => i.id)), startedAt, error });
  }
  const newName = resource.summarize(created.item).label;
  revealNew?.({ app, resource, item: created.item });
  await showOneTimeSecrets(
    appKeys,
    vscode.l10n.t('New {0} "{1}" created to replace "{2}". Deploy its secret, then come back to retire the old key.', resource.noun, newName, oldName),
    created.oneTimeSecrets,
    newName,
    [idField(resource.id, created.item.id)],
  );

  // 2. Retire the old key, once the user says the new one is deployed.
  const deletes = !resource.statusPatch;
  const retire = deletes ? vscode.l10n.t('Delete') : vscode.l10n.t('Deactivate');
  try {
    await appKeys.ui.confirm(
      vscode.l10n.t('Is "{0}" deployed everywhere "{1}" was used?', newName, oldName),
      vscode.l10n.t(
        '{0} the old key "{1}" now. {2}',
        retire,
        oldName,
        resource.statusPatch ? vscode.l10n.t('It can be activated again later.') : vscode.l10n.t('This cannot be undone.'),
      ),
      vscode.l10n.t('{0} Old Key', retire),
    );
  } catch (error) {
    if (!isCancellation(error)) throw error;
    void appKeys.ui.showMessage(
      'info',
      vscode.l10n.t('Rotation paused: both "{0}" (new) and "{1}" (old) exist and work. {2} "{1}" once the new key is deployed.', newName, oldName, retire),
    );
    return { created, old: 'kept' };
  }
  try {
    if (resource.statusPatch) {
      await appKeys.ui.withProgress(vscode.l10n.t('Deactivating "{0}"…', oldName), (signal) => client.setStatus(resource, old.id, false, signal));
    } else {
      await appKeys.ui.withProgress(vscode.l10n.t('Deleting "{0}"…', oldName), (signal) => client.remove(resource, old.id, signal));
    }
  } catch (error) {
    throw new ApiError(
      vscode.l10n.t(
        'Rotation half done: "{0}" (new) exists and works, but "{1}" (old) could not be {2}: {3}. {4} "{1}" yourself from the tree.',
        newName,
        oldName,
        deletes ? vscode.l10n.t('deleted') : vscode.l10n.t('deactivated'),
        describeError(error),
        retire,
      ),
      { kind: 'invalid-input', cause: error },
    );
  }
  void appKeys.ui.showMessage(
    'info',
    vscode.l10n.t('Rotated: "{0}" replaces "{1}", which is now {2}.', newName, oldName, deletes ? vscode.l10n.t('deleted') : vscode.l10n.t('inactive')),
  );
  return { created, old: deletes ? 'deleted' : 'deactivated' };
}

/** The create's answer was lost: look the new key up and say exactly what exists. */
async function lostCreate(
  appKeys: AppKeys,
  client: ApplicationClient,
  resource: ResourceType,
  facts: { newKeyName: string; oldName: string; known: Set<string>; startedAt: number; error: unknown },
): Promise<Error> {
  const reason = isCancellation(facts.error) ? vscode.l10n.t('cancelled after it was sent') : describeError(facts.error);
  let finding: ReturnType<typeof judgeLostCreate>;
  try {
    // Its own time limit, not the (perhaps cancelled) command's: this is what tells the user the truth.
    const matching = await appKeys.ui.withProgress(vscode.l10n.t('Checking whether the new {0} exists…', resource.noun), (signal) =>
      itemsNamed(client, resource, facts.newKeyName, signal),
    );
    // Only a key absent before the create and made after it started is the new one (createOutcome.ts).
    finding = judgeLostCreate(resource, matching, { known: facts.known, startedAt: facts.startedAt });
  } catch (lookup) {
    return new ApiError(
      vscode.l10n.t(
        'Rotation stopped: creating the new key failed ({0}), and App Keys could not check whether the server created it ({1}). Look for "{2}" in the tree: if it exists, its secret was not received: delete it or rotate again. "{3}" is still in use.',
        reason,
        describeError(lookup),
        facts.newKeyName,
        facts.oldName,
      ),
      { kind: 'invalid-input', cause: facts.error },
    );
  }
  if (finding.kind === 'unknown') {
    return new ApiError(
      vscode.l10n.t(
        'Rotation stopped: creating the new key failed ({0}), and App Keys cannot tell whether the server created it. Look for "{1}" in the tree: if a new one exists, its secret was not received: delete it or rotate again. "{2}" is still in use.',
        reason,
        facts.newKeyName,
        facts.oldName,
      ),
      { kind: 'invalid-input', cause: facts.error },
    );
  }
  if (finding.kind === 'none') {
    return new ApiError(
      vscode.l10n.t(
        'Rotation stopped: the new key could not be created ({0}); the server has no key named "{1}". Nothing changed: "{2}" is still in use.',
        reason,
        facts.newKeyName,
        facts.oldName,
      ),
      { kind: 'invalid-input', cause: facts.error },
    );
  }
  // The server made it though its answer was lost: the views learn of it as of any create.
  const item = finding.item;
  appKeys.service.changes.emit({ kind: 'created', app: client.app, resource, id: item.id, item });
  const ids = item.id;
  return new ApiError(
    vscode.l10n.t(
      'Rotation stopped: the new key "{0}" ({1}) exists, but its secret was not received ({2}): delete it or rotate again. "{3}" is still in use.',
      facts.newKeyName,
      ids,
      reason,
      facts.oldName,
    ),
    { kind: 'invalid-input', cause: facts.error },
  );
}
