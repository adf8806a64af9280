// The questions and texts about stored credentials that several commands share.
import * as vscode from 'vscode';
import { CredentialRecord, linkKey } from '../../core/credentials';
import type { AppKeys } from '../appKeys';
import { capitalize } from '../text';
import type { InputOptions, UserInput } from '../userInput';

/** A password box for a secret; it goes to the secret storage only. */
export async function askSecret(ui: UserInput, noun: string, where: string, options: InputOptions = {}): Promise<string> {
  const secret = await ui.showInputBox({
    ...options,
    prompt: vscode.l10n.t("{0} for {1} (stored in VS Code's secret storage only)", capitalize(noun), where),
    password: true,
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter the {0}', noun)),
  });
  return secret.trim();
}

/** The configured applications that use a credential. */
export function applicationsUsing(appKeys: AppKeys, record: CredentialRecord): string[] {
  const users = new Set(appKeys.credentials.usersOf(record.id));
  return appKeys
    .applications()
    .filter((app) => users.has(linkKey(app.credentialTarget)))
    .map((app) => app.displayName);
}

/** Where a credential is bound and what uses it: `127.0.0.1:7070 · client ID … · used by Demo Fleet, Warehouse Sensors`. */
export function credentialDescription(appKeys: AppKeys, record: CredentialRecord): string {
  const users = applicationsUsing(appKeys, record);
  return [
    new URL(record.origin).host,
    ...(record.clientId ? [vscode.l10n.t('client ID {0}', record.clientId)] : []),
    users.length ? vscode.l10n.t('used by {0}', users.join(', ')) : vscode.l10n.t('used by no application'),
  ].join(' · ');
}

/**
 * A new credential's name: its kind and host ("API token for api.losant.com"), not the first application that
 * used it (others join it later); a second one on the same host is numbered ("… (2)").
 */
export function newCredentialLabel(appKeys: AppKeys, noun: string, origin: string): string {
  const base = vscode.l10n.t('{0} for {1}', capitalize(noun), new URL(origin).host);
  const taken = new Set(appKeys.credentials.records().map((r) => r.label));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const label = vscode.l10n.t('{0} ({1})', base, n);
    if (!taken.has(label)) return label;
  }
}
