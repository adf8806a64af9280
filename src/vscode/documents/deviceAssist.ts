// Devices by name in key documents: completions in `deviceIds` (the application's devices by name,
// inserting their IDs) and in `deviceTags` (the tag keys and values the devices carry), a *Pick
// Devices…* code action, and each ID's device name shown beside it (inlay hints) in create, edit and
// fetched documents. Devices are loaded at the first need and kept for the session (deviceDirectory.ts).
// A credential that may not list devices still works: the user is told which scope would, once, and types IDs.
import * as vscode from 'vscode';
import type { ConfiguredApplication } from '../../core/application';
import { type DeviceIndex } from '../../core/deviceDirectory';
import { deviceIdsIn, deviceSlotAt } from '../../core/deviceFields';
import { ApiError, describeError } from '../../core/errors';
import type { Device, ResourceType } from '../../core/platforms/platform';
import type { AppKeys } from '../appKeys';
import { COMMANDS } from '../commandIds';
import { devicesMatching, tagText } from '../devicePicks';
import { EDIT_SCHEME, parseCreateUri, parseUri, VIEW_SCHEME } from './uris';

/** Whether items of `resource` can be restricted to devices (their post schema has `deviceIds`). */
export function restrictsDevices(resource: ResourceType): boolean {
  const properties = (resource.postSchema as { properties?: Record<string, unknown> }).properties;
  return properties !== undefined && 'deviceIds' in properties;
}

/**
 * Characters that ask for completions again. A digit starts a word VS Code takes for a number ("Truck 1…"), and on
 * such a word it neither asks again nor narrows the list it shows, which kept "Truck 01" selected for "Truck 12".
 */
const TRIGGER_CHARACTERS = ['"', ...'0123456789'];

/** Device completions offered at once; more are reached by typing (the list is marked incomplete). */
export const MAX_DEVICE_COMPLETIONS = 200;

export interface DeviceDocument {
  app: ConfiguredApplication;
  resource: ResourceType;
  /** A create document (where restrictions can be set), not an edit or fetched one. */
  creating: boolean;
}

/** The application and kind a key document belongs to, where its items can be restricted to devices. */
export function deviceDocument(appKeys: AppKeys, uri: vscode.Uri): DeviceDocument | undefined {
  if (uri.scheme !== EDIT_SCHEME && uri.scheme !== VIEW_SCHEME) return undefined;
  try {
    const created = uri.scheme === EDIT_SCHEME ? parseCreateUri(uri) : undefined;
    const target = created ?? parseUri(uri);
    const app = appKeys.findApplication(target.applicationId, target.host);
    const resource = appKeys.service.platform(app.platform).resource(target.resourceId);
    return restrictsDevices(resource) ? { app, resource, creating: created !== undefined } : undefined;
  } catch {
    return undefined;
  }
}

export class DeviceAssist implements vscode.CompletionItemProvider, vscode.CodeActionProvider, vscode.InlayHintsProvider {
  /** Applications whose credential may not list devices: said once per session, not on every keystroke. */
  private readonly toldNoScope = new Set<string>();
  /** The device ID string whose completions were asked for last (document and the string's offset). */
  private asked: { uri: string; offset: number } | undefined;

  constructor(private readonly appKeys: AppKeys) {}

  register(): vscode.Disposable {
    const selector = [{ scheme: EDIT_SCHEME }, { scheme: VIEW_SCHEME }];
    // `appKeys.deviceDocument`: the active editor is a create document whose devices can be picked (menus, palette).
    const setContext = (editor: vscode.TextEditor | undefined): void => {
      const on = editor !== undefined && deviceDocument(this.appKeys, editor.document.uri)?.creating === true;
      void vscode.commands.executeCommand('setContext', 'appKeys.deviceDocument', on);
    };
    setContext(vscode.window.activeTextEditor);
    return vscode.Disposable.from(
      vscode.window.onDidChangeActiveTextEditor(setContext),
      vscode.languages.registerCompletionItemProvider(selector, this, ...TRIGGER_CHARACTERS),
      vscode.workspace.onDidChangeTextDocument((event) => this.askAgainOnDigit(event)),
      vscode.languages.registerCodeActionsProvider({ scheme: EDIT_SCHEME }, this, { providedCodeActionKinds: [vscode.CodeActionKind.Refactor] }),
      vscode.languages.registerInlayHintsProvider(selector, this),
    );
  }

  /** The devices of the document's application, or undefined (told why, once) when they cannot be listed. */
  async devicesFor(target: DeviceDocument, token?: vscode.CancellationToken): Promise<DeviceIndex | undefined> {
    const controller = new AbortController();
    const listener = token?.onCancellationRequested(() => controller.abort());
    try {
      const client = await this.appKeys.client(target.app);
      return await this.appKeys.devices.devices(client, controller.signal);
    } catch (error) {
      if (!controller.signal.aborted && !this.toldNoScope.has(target.app.identity)) {
        this.toldNoScope.add(target.app.identity);
        const scope = error instanceof ApiError && error.status === 403;
        void this.appKeys.ui.showMessage(
          'warning',
          scope
            ? vscode.l10n.t(
                'App Keys cannot list the devices of {0}: {1}. Type device IDs instead, or use a token with a device scope.',
                target.app.displayName,
                describeError(error),
              )
            : vscode.l10n.t('App Keys could not list the devices of {0}: {1}. Type device IDs instead.', target.app.displayName, describeError(error)),
        );
      }
      return undefined;
    } finally {
      listener?.dispose();
    }
  }

  /**
   * With `editor.suggestOnTriggerCharacters` off, a digit typed in a device ID string whose completions are open asks
   * for them again, as the trigger characters do otherwise: the list then narrows on the whole name typed.
   */
  private askAgainOnDigit(event: vscode.TextDocumentChangeEvent): void {
    const asked = this.asked;
    const [change] = event.contentChanges;
    if (!asked || asked.uri !== event.document.uri.toString() || event.contentChanges.length !== 1) return;
    if (change.rangeLength !== 0 || !/^[0-9]$/.test(change.text)) return;
    if (vscode.window.activeTextEditor?.document !== event.document) return;
    if (vscode.workspace.getConfiguration('editor', event.document).get<boolean>('suggestOnTriggerCharacters') !== false) return;
    const slot = deviceSlotAt(event.document.getText(), change.rangeOffset + 1);
    if (slot?.kind !== 'deviceId' || slot.replace?.offset !== asked.offset) return;
    // Trigger Suggest does nothing while the list shows (its precondition): closed first, it asks again.
    void (async () => {
      await vscode.commands.executeCommand('hideSuggestWidget');
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
    })();
  }

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.CompletionList | vscode.CompletionItem[]> {
    const target = deviceDocument(this.appKeys, document.uri);
    if (!target?.creating) return [];
    const text = document.getText();
    const offset = document.offsetAt(position);
    const slot = deviceSlotAt(text, offset);
    if (!slot) return [];
    const index = await this.devicesFor(target, token);
    if (!index) return [];
    const range = slot.replace && new vscode.Range(document.positionAt(slot.replace.offset), document.positionAt(slot.replace.offset + slot.replace.length));
    const item = (label: string, value: string, detail: string | undefined, order: number, kind: vscode.CompletionItemKind): vscode.CompletionItem => {
      const completion = new vscode.CompletionItem({ label, description: detail }, kind);
      completion.insertText = JSON.stringify(value);
      // Matched against what is typed, the opening quote included when the cursor is in a string.
      completion.filterText = range ? JSON.stringify(label) : label;
      completion.sortText = String(order).padStart(6, '0');
      if (range) completion.range = range;
      return completion;
    };
    if (slot.kind === 'deviceId') {
      this.asked = slot.replace && { uri: document.uri.toString(), offset: slot.replace.offset };
      // What is typed so far narrows the devices here; beyond MAX_DEVICE_COMPLETIONS the list is
      // incomplete, and VS Code asks again as the user types (10,000 items would take half a second to show).
      const typed = slot.replace ? text.slice(slot.replace.offset + 1, offset).toLowerCase() : '';
      const taken = new Set(slot.taken);
      // Beyond the devices held for the session (a large fleet), the server is asked by name as the user types.
      const matching = await this.matchingDevices(target, index, typed, taken, token);
      const items = matching.slice(0, MAX_DEVICE_COMPLETIONS).map((d, i) => {
        const completion = item(d.name || d.id, d.id, d.id, i, vscode.CompletionItemKind.Value);
        completion.detail = tagText(d);
        return completion;
      });
      return new vscode.CompletionList(items, matching.length > items.length || index.incomplete);
    }
    const tags = index.tags();
    if (slot.kind === 'tagKey')
      return [...tags.keys()].map((key, i) => item(key, key, vscode.l10n.t('{0} values', tags.get(key)!.length), i, vscode.CompletionItemKind.Property));
    const values = slot.key ? (tags.get(slot.key) ?? []) : [...new Set([...tags.values()].flat())];
    return values.map((value, i) => item(value, value, slot.key, i, vscode.CompletionItemKind.Value));
  }

  private async matchingDevices(
    target: DeviceDocument,
    index: DeviceIndex,
    typed: string,
    taken: Set<string>,
    token: vscode.CancellationToken,
  ): Promise<Device[]> {
    const controller = new AbortController();
    const listener = token.onCancellationRequested(() => controller.abort());
    try {
      const client = await this.appKeys.client(target.app);
      return await devicesMatching(client, index, typed, { limit: MAX_DEVICE_COMPLETIONS, signal: controller.signal, exclude: taken });
    } catch {
      // The server's answer is a bonus: what is held still completes.
      return index.devices.filter((d) => !taken.has(d.id) && (d.name.toLowerCase().includes(typed) || d.id.startsWith(typed)));
    } finally {
      listener.dispose();
    }
  }

  provideCodeActions(document: vscode.TextDocument): vscode.CodeAction[] {
    const target = deviceDocument(this.appKeys, document.uri);
    if (!target?.creating) return [];
    const action = new vscode.CodeAction(vscode.l10n.t('Pick Devices…'), vscode.CodeActionKind.Refactor);
    action.command = { command: COMMANDS.pickDevices, title: action.title, arguments: [document.uri] };
    return [action];
  }

  async provideInlayHints(document: vscode.TextDocument, range: vscode.Range, token: vscode.CancellationToken): Promise<vscode.InlayHint[]> {
    const target = deviceDocument(this.appKeys, document.uri);
    if (!target) return [];
    const ids = deviceIdsIn(document.getText()).filter((d) => range.contains(document.positionAt(d.end)));
    if (ids.length === 0) return [];
    const index = await this.devicesFor(target, token);
    if (!index) return [];
    return ids.flatMap(({ id, end }) => {
      const device = index.get(id);
      if (!device) return [];
      const hint = new vscode.InlayHint(document.positionAt(end), ` ${device.name}`, vscode.InlayHintKind.Type);
      hint.paddingLeft = true;
      return [hint];
    });
  }
}
