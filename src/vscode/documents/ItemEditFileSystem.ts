// Edit documents: the item's patchable fields as JSON. Saving validates the text against the
// resource's patch schema, checks the server's version, and sends only the changed fields.
// Whatever goes wrong, the save throws: VS Code then keeps the user's text and the dirty state.
import * as vscode from 'vscode';
import { statusMessage } from '../maskedUserInput';
import { ApiError, isCancellation } from '../../core/errors';
import type { ResourceItem, ResourceType } from '../../core/platforms/platform';
import type { ApplicationClient } from '../../core/service';
import { editChanges } from '../../core/editChanges';
import { fieldProblem, parseAndValidate } from '../../core/validate';
import type { AppKeys } from '../appKeys';
import { describeError } from '../../core/errors';
import { COMMANDS } from '../commandIds';
import { ApiFileSystem } from './ApiFileSystem';
import { readItem, renderJson, resolveDocument } from './documentTarget';
import type { ItemViewFileSystem } from './ItemViewFileSystem';
import type { SaveProblems } from './saveProblems';
import { saveCreateDocument } from './createDocuments';
import { EDIT_SCHEME, itemNameOf, namesOf, parseCreateUri, parseUri, viewUri } from './uris';

export class SaveError extends Error {}
class DeletedOnServer extends SaveError {}

export class ItemEditFileSystem extends ApiFileSystem {
  /** The server's version of each open document, as last read or written. */
  private readonly versions = new Map<string, string | undefined>();

  constructor(
    private readonly appKeys: AppKeys,
    private readonly problems: SaveProblems,
    private readonly views: ItemViewFileSystem,
  ) {
    super();
  }

  /** Why each document is being saved (onWillSaveTextDocument), read by the write that follows. */
  private readonly saveReasons = new Map<string, vscode.TextDocumentSaveReason>();
  /** Create documents' text as auto save last wrote it: kept for the session, created only on an explicit save. */
  private readonly drafts = new Map<string, string>();
  private readonly saveListener = vscode.workspace.onWillSaveTextDocument((e) => {
    if (e.document.uri.scheme === EDIT_SCHEME) this.saveReasons.set(e.document.uri.toString(), e.reason);
  });

  protected async read(uri: vscode.Uri): Promise<string> {
    // A create document starts empty (openCreateDocument types the template in), or as auto save left it.
    if (parseCreateUri(uri)) return this.drafts.get(uri.toString()) ?? '';
    const key = uri.toString();
    const doc = await resolveDocument(this.appKeys, uri);
    const item = await readItem(this.appKeys, uri, doc);
    this.versions.set(key, item.version);
    return renderJson(doc.resource.editableFields(item));
  }

  protected async write(uri: vscode.Uri, text: string): Promise<void> {
    const reason = this.saveReasons.get(uri.toString()) ?? vscode.TextDocumentSaveReason.Manual;
    this.saveReasons.delete(uri.toString());
    const group = parseCreateUri(uri);
    // Auto save (after a delay, on focus change; VS Code for the Web does it by default) never creates an item: the
    // draft is kept, and creating takes Ctrl+S, the CodeLens or the Create button (createNow).
    if (group && reason !== vscode.TextDocumentSaveReason.Manual) {
      this.drafts.set(uri.toString(), text);
      return;
    }
    if (group) return this.create(uri, group, text);
    const key = uri.toString();
    const { target, app, client, resource } = await resolveDocument(this.appKeys, uri);
    // Named as the user knows it (the title's name), never by ID.
    const name = vscode.l10n.t('{0} "{1}"', resource.noun, itemNameOf(uri));

    const { value, problems } = parseAndValidate(text, resource.patchSchema);
    if (!value) {
      this.problems.show(uri, text, problems);
      const first = problems[0]?.message ?? vscode.l10n.t('invalid document');
      throw new SaveError(
        problems.length === 1
          ? vscode.l10n.t('Not saved: {0} problem in the document ({1}). Nothing was sent.', problems.length, first)
          : vscode.l10n.t('Not saved: {0} problems in the document ({1}). Nothing was sent.', problems.length, first),
      );
    }
    this.problems.clear(uri);

    const current = await this.appKeys.ui
      .withProgress(vscode.l10n.t('Checking {0} on the server…', name), (signal) => this.currentOrExplain(client, resource, target.itemId, name, signal))
      .catch((error) => {
        if (error instanceof DeletedOnServer) this.offerRecreate(uri, value);
        throw error;
      });
    if (this.versions.has(key) && current.version !== this.versions.get(key)) {
      await this.resolveConflict(uri, name, current.version);
    }
    const { changes, problems: removed } = editChanges(text, resource.patchSchema, resource.editableFields(current), value);
    if (removed.length > 0) {
      this.problems.show(uri, text, removed);
      throw new SaveError(vscode.l10n.t('Not saved: {0}. Nothing was sent.', removed.map((p) => p.message).join('; ')));
    }
    if (resource.deactivates(changes) && client.isOwnCredential(resource, current)) {
      await this.appKeys.confirmOwnCredential(app, 'deactivate').catch(() => {
        throw new SaveError(vscode.l10n.t('Not saved: the {0} was not deactivated. Your text is kept.', name));
      });
    }
    let saved: ResourceItem = current;
    if (Object.keys(changes).length > 0) {
      try {
        saved = await this.appKeys.ui.withProgress(vscode.l10n.t('Saving {0}…', name), (signal) => client.update(resource, target.itemId, changes, signal));
      } catch (error) {
        if (isCancellation(error))
          throw new SaveError(
            vscode.l10n.t('Not saved: cancelled (the server may have received the change before the cancel; fetch the item to check). Your text is kept.'),
          );
        const reason = describeError(error);
        // The server's refusal, shown on the document at the (first) field it was about.
        this.problems.show(uri, text, [fieldProblem(text, Object.keys(changes)[0], reason)]);
        throw new SaveError(vscode.l10n.t('Not saved: {0}. Your text is kept; save again to retry.', reason));
      }
      this.appKeys.log.info(`Saved ${name}: ${Object.keys(changes).join(', ')}`);
    }
    this.versions.set(key, saved.version);
    const shown = renderJson(resource.editableFields(saved));
    // Show the server's answer (normalised fields, server-side defaults): the editor reads it again.
    if (shown !== text) setTimeout(() => this.changed(uri), 0);
    // Success is reported only for what was sent.
    statusMessage(
      Object.keys(changes).length > 0 ? vscode.l10n.t('App Keys: saved {0}', name) : vscode.l10n.t('App Keys: {0} unchanged, nothing sent', name),
      4000,
    );
  }

  /** Creates the item of a create document that auto save left clean (its draft), as an explicit save would. */
  async createNow(uri: vscode.Uri): Promise<void> {
    const group = parseCreateUri(uri);
    const text = this.drafts.get(uri.toString()) ?? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.getText();
    if (!group || text === undefined) throw new Error(vscode.l10n.t('Open a new item document first (New… on a group).'));
    await this.create(uri, group, text);
  }

  override dispose(): void {
    this.saveListener.dispose();
    super.dispose();
  }

  /** A create document is saved once: a second save after the item exists would create another. */
  private readonly createdFrom = new Set<string>();

  private async create(uri: vscode.Uri, group: NonNullable<ReturnType<typeof parseCreateUri>>, text: string): Promise<void> {
    if (this.createdFrom.has(uri.toString())) throw new SaveError(vscode.l10n.t('Already created from this document: edit the new item instead.'));
    try {
      await saveCreateDocument(this.appKeys, this.problems, uri, group, text);
    } catch (error) {
      throw new SaveError(error instanceof Error ? error.message : String(error));
    }
    this.createdFrom.add(uri.toString());
  }

  private async currentOrExplain(client: ApplicationClient, resource: ResourceType, id: string, name: string, signal: AbortSignal): Promise<ResourceItem> {
    try {
      return await client.get(resource, id, signal);
    } catch (error) {
      if (isCancellation(error)) throw new SaveError(vscode.l10n.t('Not saved: cancelled. Your text is kept.'));
      if (error instanceof ApiError && error.status === 404) {
        throw new DeletedOnServer(vscode.l10n.t('Not saved: the {0} was deleted on the server. Your text is kept.', name));
      }
      throw new SaveError(vscode.l10n.t('Not saved: {0}. Your text is kept; save again to retry.', describeError(error)));
    }
  }

  /** After a save found its item deleted: offer to create a new one from the user's text. */
  private offerRecreate(uri: vscode.Uri, value: Record<string, unknown>): void {
    const action = vscode.l10n.t('Re-create with These Settings');
    void this.appKeys.ui
      .showMessage('warning', vscode.l10n.t('The item was deleted on the server. Your text is kept in the editor.'), {}, action)
      .then(async (choice) => {
        if (choice === action) await vscode.commands.executeCommand(COMMANDS.recreate, uri, value);
      });
  }

  private async resolveConflict(uri: vscode.Uri, name: string, serverVersion: string | undefined): Promise<void> {
    const overwrite = vscode.l10n.t('Overwrite');
    const compare = vscode.l10n.t('Compare');
    const choice = await this.appKeys.ui
      .confirm(
        vscode.l10n.t('The {0} changed on the server since you opened it.', name),
        vscode.l10n.t('Overwrite the server version with yours, or compare them first.'),
        overwrite,
        compare,
      )
      .catch(() => 'Cancel');
    if (choice === overwrite) return;
    if (choice === compare) {
      // The user has now seen the server's version: the next save overwrites it.
      this.versions.set(uri.toString(), serverVersion);
      const server = viewUri(parseUri(uri), 'server', namesOf(uri));
      this.views.reload(server);
      void vscode.commands.executeCommand('vscode.diff', server, uri, vscode.l10n.t('{0}: server ↔ yours', name));
      throw new SaveError(vscode.l10n.t('Not saved: the {0} changed on the server. Compare opened; save again to overwrite.', name));
    }
    throw new SaveError(vscode.l10n.t('Not saved: the {0} changed on the server. Your text is kept.', name));
  }
}
