// Item states beside their names, through a FileDecoration on the item's URI: inactive and expired
// items faded with a ⊘ badge, tokens about to expire with a warning badge. Each state is also in
// the item's description and accessibility label: never told by colour or badge alone.
import * as vscode from 'vscode';

const SCHEME = 'appkeys-item';

export type ItemState = { kind: 'active' | 'inactive' | 'expired' } | { kind: 'expiring'; daysLeft: number };

export function itemDecorationUri(id: string, state: ItemState): vscode.Uri {
  const query = state.kind === 'expiring' ? `expiring-${state.daysLeft}` : state.kind;
  return vscode.Uri.from({ scheme: SCHEME, path: `/${encodeURIComponent(id)}`, query });
}

export class ItemDecorations implements vscode.FileDecorationProvider {
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== SCHEME) return undefined;
    if (uri.query === 'inactive') return new vscode.FileDecoration('⊘', vscode.l10n.t('Inactive'), new vscode.ThemeColor('disabledForeground'));
    if (uri.query === 'expired') return new vscode.FileDecoration('⊘', vscode.l10n.t('Expired'), new vscode.ThemeColor('disabledForeground'));
    const expiring = /^expiring-(\d+)$/.exec(uri.query);
    if (!expiring) return undefined;
    const days = Number(expiring[1]);
    const tooltip = days === 1 ? vscode.l10n.t('Expires in 1 day') : vscode.l10n.t('Expires in {0} days', days);
    return new vscode.FileDecoration('!', tooltip, new vscode.ThemeColor('list.warningForeground'));
  }
}
