// Manage Credentials…: the stored credentials (label, platform and origin, the applications using
// them), each with Replace (a new secret for every application using it), What Can It Reach? (the
// server's list of what it sees; it can be given to configured applications that have none) and
// Remove (after a modal that names the applications losing it).
import * as vscode from 'vscode';
import type { CredentialRecord } from '../../core/credentials';
import { ApiError } from '../../core/errors';
import type { AppKeys } from '../appKeys';
import type { ApplicationsTreeProvider } from '../tree/ApplicationsTreeProvider';
import { runWizard } from '../wizard';
import { applicationsUsing, askSecret, credentialDescription } from './credentialPrompts';

interface ManageState {
  record?: CredentialRecord;
  action?: 'replace' | 'reach' | 'remove';
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
              label: vscode.l10n.t('$(eye) What Can It Reach?'),
              detail: vscode.l10n.t(
                'The {0}s it can see, as the server lists them',
                appKeys.service.allPlatforms.find((p) => p.id === s.record!.platform)?.applicationNoun ?? '',
              ),
              action: 'reach' as const,
              picked: s.action === 'reach',
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
      // Counted until the action is chosen: a count that only shrinks stays the same when Back is pressed.
      skip: (s) => s.action !== undefined && s.action !== 'replace',
      run: async (s, step) => {
        s.secret = await askSecret(appKeys.ui, nounOf(s.record!), s.record!.label, { step, value: s.secret });
      },
    },
  ]);
  const record = state.record!;
  const users = applicationsUsing(appKeys, record);
  if (state.action === 'reach') {
    await showReach(appKeys, tree, record, users);
    return;
  }
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

/** What the credential can see (the platform's application list), and what uses it; it can be given to the configured applications without one. */
async function showReach(appKeys: AppKeys, tree: ApplicationsTreeProvider, record: CredentialRecord, users: string[]): Promise<void> {
  const platform = appKeys.service.platform(record.platform);
  const secret = await appKeys.credentials.secretOf(record);
  if (secret === undefined) throw new ApiError(vscode.l10n.t('The credential "{0}" could not be read.', record.label), { kind: 'invalid-input' });
  // The API URL of an application using it (a private instance may serve its API below a path), else its origin.
  const apiUrl = appKeys.applications().find((a) => appKeys.credentials.recordFor(a.credentialTarget)?.id === record.id)?.apiUrl ?? record.origin;
  let seen: string;
  let reaches: (applicationId: string) => boolean = () => true;
  try {
    const apps = await appKeys.ui.withProgress(vscode.l10n.t('Listing the {0}s "{1}" can see…', platform.applicationNoun, record.label), (signal) =>
      appKeys.service.listApplications(platform.id, apiUrl, secret, record.clientId, signal),
    );
    seen =
      apps === undefined
        ? vscode.l10n.t('{0} cannot list its {1}s: each one is added by its ID.', platform.name, platform.applicationNoun)
        : vscode.l10n.t('It can see {0} {1}s: {2}.', apps.length, platform.applicationNoun, apps.map((a) => a.name).join(', '));
    // A complete list says which applications it reaches; otherwise (no list, or a partial one) each is offered.
    if (apps && !apps.incomplete) reaches = (id) => apps.some((a) => a.id === id);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 403) throw error;
    seen = vscode.l10n.t('It may not list {0}s (a token scoped to one {0}, for instance).', platform.applicationNoun);
  }
  // Configured applications with no credential, on its platform, origin (and client ID), that it can reach.
  const without = appKeys
    .applications()
    .filter(
      (app) =>
        !appKeys.credentials.recordFor(app.credentialTarget) &&
        appKeys.credentials.candidates(app.credentialTarget).some((r) => r.id === record.id) &&
        reaches(app.applicationId),
    );
  const use = without.length ? vscode.l10n.t('Use It for {0}', without.map((a) => a.displayName).join(', ')) : undefined;
  const choice = await appKeys.ui.showMessage(
    'info',
    vscode.l10n.t('"{0}" on {1}', record.label, new URL(record.origin).host),
    {
      modal: true,
      detail: [
        seen,
        users.length ? vscode.l10n.t('Used by {0}.', users.join(', ')) : vscode.l10n.t('Used by no configured application.'),
        ...(use ? [vscode.l10n.t('Without a credential: {0}.', without.map((a) => a.displayName).join(', '))] : []),
      ].join('\n'),
    },
    ...(use ? [use] : []),
  );
  if (!use || choice !== use) return;
  for (const app of without) {
    await appKeys.credentials.use(app.credentialTarget, record.id);
    appKeys.devices.forget(app.identity);
  }
  appKeys.log.info(`The credential "${record.label}" is now used by ${without.map((a) => a.applicationId).join(', ')} as well`);
  tree.refresh();
}
