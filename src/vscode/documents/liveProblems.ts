// Edit and create documents are checked as the user types, against the schema their save is checked against, and the
// problems are shown in App Keys' words (the same ones a refused save shows, in the same collection: one problem per
// mistake). VS Code's JSON support gets hint schemas without checks (esbuild.mjs), so it adds none of its own.
// A create document is not checked while it still holds its template: nothing is wrong before the user starts.
import * as vscode from 'vscode';
import { parseAndValidate } from '../../core/validate';
import type { AppKeys } from '../appKeys';
import type { SaveProblems } from './saveProblems';
import { EDIT_SCHEME, parseCreateUri, parseUri } from './uris';

/** How long typing must pause before the document is checked. */
const DEBOUNCE_MS = 250;

/** Create documents still holding the template they opened with (by URI). */
const templates = new Map<string, string>();

/** A create document opened with `text`: not checked until the user changes it. */
export function openedWithTemplate(uri: vscode.Uri, text: string): void {
  templates.set(uri.toString(), text);
}

export class LiveProblems implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly listeners: vscode.Disposable[];

  constructor(
    private readonly appKeys: AppKeys,
    private readonly problems: SaveProblems,
  ) {
    this.listeners = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        const key = document.uri.toString();
        clearTimeout(this.timers.get(key));
        this.timers.delete(key);
        templates.delete(key);
      }),
    ];
  }

  private schedule(document: vscode.TextDocument): void {
    if (document.uri.scheme !== EDIT_SCHEME) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.check(document);
      }, DEBOUNCE_MS),
    );
  }

  /** The schema the document's save is checked against, or undefined for a document App Keys does not know. */
  private schemaOf(uri: vscode.Uri): object | undefined {
    try {
      const group = parseCreateUri(uri);
      const target = group ?? parseUri(uri);
      const resource = this.appKeys.service.platform(target.platform).resource(target.resourceId);
      return group ? resource.postSchema : resource.patchSchema;
    } catch {
      return undefined;
    }
  }

  private check(document: vscode.TextDocument): void {
    if (document.isClosed) return;
    const text = document.getText();
    if (templates.get(document.uri.toString()) === text) {
      this.problems.clear(document.uri);
      return;
    }
    const schema = this.schemaOf(document.uri);
    if (!schema) return;
    // Text that is not JSON yet is VS Code's JSON support's to point out while typing (a save names it too).
    const problems = parseAndValidate(text, schema).problems.filter((p) => !p.syntax);
    if (problems.length > 0) this.problems.show(document.uri, text, problems);
    else this.problems.clear(document.uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const listener of this.listeners) listener.dispose();
  }
}
