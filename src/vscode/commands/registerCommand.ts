// The one wrapper every command runs through (after vscode-azuretools' registerCommand): a
// cancelled prompt ends the command quietly; any other error is masked, logged and shown once,
// with the action that fixes it where there is one.
import * as vscode from 'vscode';
import { isCancellation } from '../../core/errors';
import { maskSecrets } from '../../core/masking';
import { MissingCredentialError, AppKeys } from '../appKeys';
import { describe } from '../tree/describe';
import { COMMANDS, CommandId } from './ids';

export type CommandHandler = (...args: unknown[]) => Promise<unknown> | unknown;

export function registerCommand(appKeys: AppKeys, id: CommandId, handler: CommandHandler): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (isCancellation(error)) return undefined;
      const message = maskSecrets(describe(error));
      appKeys.log.error(`${id}: ${message}`);
      if (error instanceof MissingCredentialError) {
        const noun = appKeys.credentialNoun(error.app);
        const action = `Set ${noun}…`;
        const choice = await appKeys.ui.showMessage('error', message, {}, action);
        if (choice === action) await vscode.commands.executeCommand(COMMANDS.setToken, error.app);
      } else {
        void appKeys.ui.showMessage('error', message);
      }
      return undefined;
    }
  });
}
