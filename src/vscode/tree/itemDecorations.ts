// Inactive items look inactive: faded, with a badge, through a FileDecoration on the item's URI.
import * as vscode from 'vscode';

const SCHEME = 'appkeys-item';

export function itemDecorationUri(id: string, active: boolean): vscode.Uri {
  return vscode.Uri.from({ scheme: SCHEME, path: `/${encodeURIComponent(id)}`, query: active ? 'active' : 'inactive' });
}

export class ItemDecorations implements vscode.FileDecorationProvider {
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== SCHEME || uri.query !== 'inactive') return undefined;
    return new vscode.FileDecoration('⊘', vscode.l10n.t('Inactive'), new vscode.ThemeColor('disabledForeground'));
  }
}
