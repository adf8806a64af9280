// Open in Web Console: the application's page in its platform's console, as configured (`consoleUrl`).
import * as vscode from 'vscode';
import { consolePage } from '../../core/consoleUrl';
import type { AppKeys } from '../appKeys';
import { resolveApplication } from './targets';

/** Opens the page; where App Keys knows none (every application's menu offers the command), says which setting to add. */
export async function openInConsole(appKeys: AppKeys, arg: unknown): Promise<vscode.Uri | undefined> {
  const app = await resolveApplication(appKeys, arg);
  const page = consolePage(app);
  if (!page) {
    const open = vscode.l10n.t('Open Settings');
    const choice = await appKeys.ui.showMessage(
      'warning',
      vscode.l10n.t('No web console address is configured for {0}: add "consoleUrl" to its entry in the appKeys.applications setting.', app.displayName),
      {},
      open,
    );
    if (choice === open) await vscode.commands.executeCommand('workbench.action.openSettings', 'appKeys.applications');
    return undefined;
  }
  const uri = vscode.Uri.parse(page.href, true);
  await appKeys.ui.openExternal(uri);
  return uri;
}
