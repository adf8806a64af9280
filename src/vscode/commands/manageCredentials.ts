// Manage Credentials…: the stored credentials (label, platform and origin, the applications using
// them), each with Replace (a new secret for every application using it) and Remove (after a modal
// that names the applications losing their credential).
import * as vscode from 'vscode';
import type { CredentialRecord } from '../../core/credentials';
import type { AppKeys } from '../appKeys';
import type { ApplicationsTreeProvider } from '../tree/ApplicationsTreeProvider';
import { runWizard } from '../wizard';
import { applicationsUsing, askSecret, credentialDescription } from './credentialPrompts';

interface ManageState {
  record?: CredentialRecord;
  action?: 'replace' | 'remove';
  secret?: string;
}

export async function manageCredentials(appKeys: AppKeys, tree: ApplicationsTreeProvider): Promise<void> {
  const records = appKeys.credentials.records();
  if (records.length === 0) {
    await appKeys.ui.showMessage('info', vscode.l10n.t('No credentials are stored. Add an application to store one.'));
    return;
  }
  const nounOf = (record: CredentialRecord): string => appKeys.service.allPlatforms.find((p) => p.id === record.platform)?.credentialName ?? record.platform;
  const state = await runWizard<ManageState>(vscode.l10n.t('Manage Credentials'), {}, [
    {
      run: async (s, step) => {
        const picked = await appKeys.ui.showQuickPick(
          records.map((record) => ({
            label: record.label,
            description: credentialDescription(appKeys, record),
            detail: appKeys.service.allPlatforms.find((p) => p.id === record.platform)?.name,
            record,
            picked: record.id === s.record?.id,
          })),
          { placeHolder: vscode.l10n.t('Which credential?'), matchOnDescription: true, step },
        );
        s.record = picked.record;
      },
    },
    {
      run: async (s, step) => {
        const noun = nounOf(s.record!);
        const picked = await appKeys.ui.showQuickPick(
          [
            {
              label: vscode.l10n.t('$(key) Replace…'),
              detail: vscode.l10n.t('Enter a new {0}: every application using this one uses the new one', noun),
              action: 'replace' as const,
              picked: s.action === 'replace',
            },
            {
              label: vscode.l10n.t('$(trash) Remove…'),
              detail: vscode.l10n.t('Delete it from the secret storage; the applications using it need another'),
              action: 'remove' as const,
              picked: s.action === 'remove',
            },
          ],
          { placeHolder: vscode.l10n.t('What to do with "{0}"?', s.record!.label), step },
        );
        s.action = picked.action;
      },
    },
    {
      skip: (s) => s.action !== 'replace',
      run: async (s, step) => {
        s.secret = await askSecret(appKeys.ui, nounOf(s.record!), s.record!.label, { step, value: s.secret });
      },
    },
  ]);
  const record = state.record!;
  const users = applicationsUsing(appKeys, record);
  if (state.action === 'replace') {
    await appKeys.credentials.replace(record.id, state.secret!);
    appKeys.log.info(`Replaced the credential "${record.label}" (used by ${users.length} applications)`);
  } else {
    await appKeys.ui.confirm(
      vscode.l10n.t('Remove "{0}"?', record.label),
      users.length
        ? vscode.l10n.t('These applications lose their credential: {0}. They stay in the tree, and nothing changes on the server.', users.join(', '))
        : vscode.l10n.t('No configured application uses it. Nothing changes on the server.'),
      vscode.l10n.t('Remove'),
    );
    await appKeys.credentials.remove(record.id);
    appKeys.log.info(`Removed the credential "${record.label}"`);
  }
  for (const app of appKeys.applications()) appKeys.devices.forget(app.identity);
  tree.refresh();
}
