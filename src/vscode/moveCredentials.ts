// Activation's move of earlier versions' per-application secrets (core/credentialMove.ts) over the
// configured applications of every scope; a failure is logged and the next activation tries again.
import * as vscode from 'vscode';
import { moveLegacyCredentials } from '../core/credentialMove';
import type { CredentialStore } from '../core/credentials';
import type { AppKeys } from './appKeys';
import { capitalize } from './text';

/** `rethrow`: for the tests, which want to see an interruption. */
export async function moveCredentials(appKeys: AppKeys, store: CredentialStore, rethrow = false): Promise<void> {
  const targets = appKeys
    .applications()
    .filter((app) => app.problem === undefined)
    .map((app) => ({ ...app.credentialTarget, label: vscode.l10n.t('{0} for {1}', capitalize(app.credentialNoun), app.displayName) }));
  try {
    const report = await moveLegacyCredentials(store, targets);
    if (report.created + report.joined > 0)
      appKeys.log.info(`Moved the stored secrets of ${report.created + report.joined} applications to ${report.created} shared credentials`);
  } catch (error) {
    appKeys.log.warn(`The move of stored secrets to shared credentials stopped (it is finished at the next start): ${String(error)}`);
    if (rethrow) throw error;
  }
}
