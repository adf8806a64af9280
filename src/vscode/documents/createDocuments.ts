// Create documents: a new, unsaved item document on the appkeys: scheme (`…/<group>/New <noun> <n>.json`),
// checked against the platform's post schema as the user types (contributes.jsonValidation) and on
// save, which creates the item with one POST. Then the document gives way to the new item's edit
// document, and the one-time secret is shown. An invalid document sends nothing and keeps its text.
import * as vscode from 'vscode';
import type { ConfiguredApplication } from '../../core/application';
import { describeError, isCancellation } from '../../core/errors';
import type { ResourceType } from '../../core/platforms/platform';
import { fieldProblem, jsonc, parseAndValidate } from '../../core/validate';
import type { AppKeys } from '../appKeys';
import { showOneTimeSecrets } from '../commands/secretHandOff';
import { renderJson } from './documentTarget';
import type { SaveProblems } from './saveProblems';
import { documentUri } from './documentNames';
import { openedWithTemplate } from './liveProblems';
import { createUri, type GroupTarget } from './uris';
import { idField } from '../../core/secretFile';

let opened = 0;

/** Opens a new create document for `resource` of `app`, unsaved, holding the kind's template. */
export async function openCreateDocument(app: ConfiguredApplication, resource: ResourceType): Promise<vscode.Uri> {
  const group = { platform: app.platform, host: app.host, applicationId: app.applicationId, resourceId: resource.id };
  const uri = createUri(group, ++opened, { application: app.displayName, group: resource.label }, vscode.l10n.t('New {0}', resource.noun));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  // Typed in, not read from the file system: the document is new and unsaved until the user saves it.
  const template = renderJson(resource.createTemplate(Date.now()));
  await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), template));
  openedWithTemplate(editor.document.uri, editor.document.getText());
  // The cursor starts where the user starts: in the name's value.
  const name = nameValueRange(template);
  if (name) {
    editor.selection = new vscode.Selection(editor.document.positionAt(name.offset), editor.document.positionAt(name.offset + name.length));
    editor.revealRange(editor.selection);
  }
  return uri;
}

/** The text inside the quotes of the template's `name` (empty in a fresh template), or undefined without one. */
function nameValueRange(template: string): { offset: number; length: number } | undefined {
  const root = jsonc().parseTree(template);
  const node = root && jsonc().findNodeAtLocation(root, ['name']);
  return node?.type === 'string' ? { offset: node.offset + 1, length: node.length - 2 } : undefined;
}

export class SaveRefused extends Error {}

/** Saves a create document: validate, one POST, then the new item's edit document and its secret. */
export async function saveCreateDocument(appKeys: AppKeys, problems: SaveProblems, uri: vscode.Uri, group: GroupTarget, text: string): Promise<void> {
  const app = appKeys.findApplication(group.applicationId, group.host);
  const client = await appKeys.client(app);
  const resource = client.resource(group.resourceId);
  const { value, problems: found } = parseAndValidate(text, resource.postSchema);
  if (!value) {
    problems.show(uri, text, found);
    throw new SaveRefused(vscode.l10n.t('Not created: {0} (and {1} more). Nothing was sent.', found[0]?.message ?? '', Math.max(0, found.length - 1)));
  }
  problems.clear(uri);
  let created;
  try {
    created = await appKeys.ui.withProgress(vscode.l10n.t('Creating {0}…', resource.noun), (signal) => client.create(resource, { ...value }, signal));
  } catch (error) {
    if (isCancellation(error))
      throw new SaveRefused(vscode.l10n.t('Not created: cancelled (the server may have received it; look in the tree). Your text is kept.'));
    const reason = describeError(error);
    problems.show(uri, text, [fieldProblem(text, undefined, reason)]);
    throw new SaveRefused(vscode.l10n.t('Not created: {0}. Your text is kept; save again to retry.', reason));
  }
  const name = resource.summarize(created.item).label;
  // After the save has finished: the create document gives way to the item's edit document.
  setTimeout(() => {
    void (async () => {
      const tab = vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
      if (tab) await vscode.window.tabGroups.close(tab);
      const edit = documentUri(app, resource, { ...group, itemId: created.item.id }, created.item, 'edit');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(edit), { preview: false });
      await showOneTimeSecrets(appKeys, vscode.l10n.t('Created {0} "{1}".', resource.noun, name), created.oneTimeSecrets, name, [
        idField(resource.id, created.item.id),
      ]);
    })().catch((error: unknown) => appKeys.log.warn(`After creating ${resource.noun} ${created.item.id}: ${describeError(error)}`));
  }, 0);
}
