// The one wrapper every command runs through (after vscode-azuretools' registerCommand): a
// cancelled prompt ends the command quietly; any other error is masked, logged and shown once,
// with the action that fixes it where there is one. A refused credential can be replaced in place,
// and the command retried with one click.
import * as vscode from 'vscode';
import { ApiError, isCancellation } from '../../core/errors';
import type { ConfiguredApplication } from '../../core/application';
import { AppKeys, MissingCredentialError } from '../appKeys';
import { capitalize } from '../text';
import { describeError } from '../../core/errors';
import { COMMANDS, CommandId } from '../commandIds';

export type CommandHandler = (...args: unknown[]) => unknown;

/** `id` is what VS Code runs (a catalogue id or an alias); `countsAs` the catalogue command it is. */
export function registerCommand(appKeys: AppKeys, id: string, countsAs: CommandId, handler: CommandHandler): vscode.Disposable {
  const run = async (...args: unknown[]): Promise<unknown> => {
    try {
      const result = await handler(...args);
      // For the walkthrough: a step is done once its command has succeeded, however it was run
      // (tree clicks reach commands under internal ids, so onCommand events would miss them).
      void vscode.commands.executeCommand('setContext', `appKeys.did.${countsAs.slice('appKeys.'.length)}`, true);
      return result;
    } catch (error) {
      if (isCancellation(error)) return undefined;
      const message = describeError(error);
      appKeys.log.error(`${id}: ${message}`);
      const app = credentialToFix(error);
      if (!app) {
        void appKeys.ui.showMessage('error', message);
        return undefined;
      }
      // The credential is missing or was refused: offer to set it, then to run the command again.
      const fix = error instanceof MissingCredentialError ? vscode.l10n.t('Set {0}…', app.credentialNoun) : vscode.l10n.t('Update {0}…', app.credentialNoun);
      if ((await appKeys.ui.showMessage('error', message, {}, fix)) !== fix) return undefined;
      if (!(await vscode.commands.executeCommand<boolean>(COMMANDS.setToken, { applicationId: app.applicationId, host: app.host || undefined })))
        return undefined;
      const retry = vscode.l10n.t('Retry');
      if ((await appKeys.ui.showMessage('info', vscode.l10n.t('{0} updated for {1}.', capitalize(app.credentialNoun), app.displayName), {}, retry)) !== retry)
        return undefined;
      return run(...args);
    }
  };
  return vscode.commands.registerCommand(id, run);
}

function credentialToFix(error: unknown): ConfiguredApplication | undefined {
  if (error instanceof MissingCredentialError) return error.app;
  if (error instanceof ApiError && error.credentialRefused && error.application) return error.application;
  return undefined;
}
