// Create an item of any kind. From the tree: a create document, checked against the post schema
// (documents/createDocuments.ts). From the palette, a keybinding or a script: quick prompts or the
// argument object's fields, then the one-time secret with its hand-off buttons.
import * as vscode from 'vscode';
import { ApiError } from '../../core/errors';
import type { CreateResult, ResourceType } from '../../core/platforms/platform';
import { parseAndValidate } from '../../core/validate';
import type { AppKeys } from '../appKeys';
import { openCreateDocument } from '../documents/createDocuments';
import { ApplicationNode, GroupNode } from '../tree/nodes';
import { argumentObject } from './arguments';
import { askCreateFields } from './createFields';
import { showOneTimeSecrets } from './secretHandOff';
import { resolveGroup } from './targets';
import { idField } from '../../core/secretFile';

/** Fields of an argument object that the post schema knows beyond the prompted ones (deviceIds, pubTopics, …). */
function extraFields(resource: ResourceType, given: Record<string, unknown>): Record<string, unknown> {
  const known = Object.keys((resource.postSchema as { properties?: object }).properties ?? {});
  const prompted = new Set(resource.createFields.map((f) => f.name));
  return Object.fromEntries(Object.entries(given).filter(([name]) => known.includes(name) && !prompted.has(name)));
}

/** The created item (prompts, argument object), or the create document opened for it (tree). */
export async function createItem(appKeys: AppKeys, arg: unknown, preferred?: string): Promise<CreateResult | vscode.Uri> {
  const { app, resource } = await resolveGroup(appKeys, arg, preferred);
  if (arg instanceof GroupNode || arg instanceof ApplicationNode) {
    await appKeys.client(app); // no document for an application App Keys cannot reach yet: say so now
    return openCreateDocument(app, resource);
  }
  const given = argumentObject(arg) ?? {};
  const input = {
    ...extraFields(resource, given),
    ...(await askCreateFields(appKeys.ui, resource.createFields, given, vscode.l10n.t('New {0} in {1}', resource.noun, app.displayName))),
  };
  // The same check as a create document's: an argument object with a bad field sends nothing.
  const { problems } = parseAndValidate(JSON.stringify(input), resource.postSchema);
  if (problems.length > 0)
    throw new ApiError(vscode.l10n.t('Not created: {0}. Nothing was sent.', problems.map((p) => p.message).join('; ')), { kind: 'invalid-input' });
  const client = await appKeys.client(app);
  const created = await appKeys.ui.withProgress(vscode.l10n.t('Creating {0}…', resource.noun), (signal) => client.create(resource, input, signal));
  const label = resource.summarize(created.item).label;
  void showOneTimeSecrets(appKeys, vscode.l10n.t('Created {0} "{1}".', resource.noun, label), created.oneTimeSecrets, label, [
    idField(resource.id, created.item.id),
  ]);
  return created;
}
