// Open in Web Console: the application's page in its platform's console, as configured (`consoleUrl`).
import * as vscode from 'vscode';
import { consolePage } from '../../core/consoleUrl';
import { ApiError } from '../../core/errors';
import type { AppKeys } from '../appKeys';
import { resolveApplication } from './targets';

export async function openInConsole(appKeys: AppKeys, arg: unknown): Promise<vscode.Uri> {
  const app = await resolveApplication(appKeys, arg);
  const page = consolePage(app);
  if (!page) {
    throw new ApiError(
      vscode.l10n.t('No web console address is configured for {0}: add "consoleUrl" to its entry in the appKeys.applications setting.', app.displayName),
      { kind: 'invalid-input' },
    );
  }
  const uri = vscode.Uri.parse(page.href, true);
  await appKeys.ui.openExternal(uri);
  return uri;
}
