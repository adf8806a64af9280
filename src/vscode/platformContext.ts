// Context keys saying which platforms have a configured application (`appKeys.hasLosant`, `appKeys.hasElasticPath`),
// so the command palette offers a command only where it can act (package.json `menus.commandPalette`, declared in
// commandIds.ts PALETTE). Recomputed whenever `appKeys.applications` changes or the workspace becomes trusted.
import * as vscode from 'vscode';
import { PLATFORM_CONTEXT_KEYS } from './commandIds';
import { readApplications, SECTION } from './settings';

/** The values last given to VS Code, by key (the integration tests read them through the test hooks). */
const values: Record<string, boolean> = {};

function update(): void {
  const platforms = new Set(
    readApplications((app) => ({ identity: JSON.stringify([app.platform, app.apiUrl, app.applicationId]), platform: app.platform })).map((a) => a.platform),
  );
  for (const [platform, key] of Object.entries(PLATFORM_CONTEXT_KEYS)) {
    values[key] = platforms.has(platform);
    void vscode.commands.executeCommand('setContext', key, values[key]);
  }
}

export function platformContextValues(): Readonly<Record<string, boolean>> {
  return { ...values };
}

export function followPlatformContext(): vscode.Disposable {
  update();
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.applications`)) update();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(update),
  );
}
