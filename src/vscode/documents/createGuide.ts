// A create document says how it becomes an item: a CodeLens "Create (Ctrl+S)" above its first line, and a Create
// button in the editor's title bar (package.json menus: editor/title), both running the save that creates it.
import * as vscode from 'vscode';
import type { AppKeys } from '../appKeys';
import { COMMANDS } from '../commandIds';
import type { ItemEditFileSystem } from './ItemEditFileSystem';
import { EDIT_SCHEME, parseCreateUri } from './uris';

/** The save keys as the user's platform writes them. */
const SAVE_KEYS = process.platform === 'darwin' ? '⌘S' : 'Ctrl+S';

export class CreateGuide implements vscode.CodeLensProvider {
  constructor(private readonly appKeys: AppKeys) {}

  register(): vscode.Disposable {
    return vscode.languages.registerCodeLensProvider({ scheme: EDIT_SCHEME }, this);
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const group = parseCreateUri(document.uri);
    if (!group) return [];
    let noun: string;
    try {
      noun = this.appKeys.service.platform(group.platform).resource(group.resourceId).noun;
    } catch {
      return [];
    }
    return [
      new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
        title: vscode.l10n.t('$(add) Create this {0} ({1})', noun, SAVE_KEYS),
        tooltip: vscode.l10n.t('Saving this document creates the {0} on the server.', noun),
        command: COMMANDS.createFromDocument,
        arguments: [document.uri],
      }),
    ];
  }
}

/**
 * Creates the item of a create document (the editor title's or the CodeLens' URI, else the active editor's; also
 * Ctrl+S there): a save when it has unsaved text, else its draft as auto save left it.
 */
export async function createFromDocument(edits: ItemEditFileSystem, arg: unknown): Promise<void> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  const document = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!document || !parseCreateUri(document.uri)) throw new Error(vscode.l10n.t('Open a new item document first (New… on a group).'));
  // A refused save has said why already (VS Code shows the save error, the problems are on the document).
  if (document.isDirty) await document.save();
  else await edits.createNow(document.uri);
}
