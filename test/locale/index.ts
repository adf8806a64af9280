// The German suite's entry for the extension host (runIntegration --locale de). code-server was started with
// --locale de, but German is a display language only once a language pack for it is installed, and VS Code takes
// a new display language at a restart. So, as a person would: the first start installs the German language pack
// stub (test/host/languagePackStub.ts) through VS Code's extension management and reloads the window; after the
// reload VS Code runs in German and the suite runs. A marker file stops a second reload.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { runSuite } from '../integration/index';

export async function run(): Promise<void> {
  const runDir = process.env.APPKEYS_TEST_RUN_DIR ?? '';
  const pack = process.env.APPKEYS_LANGUAGE_PACK_VSIX;
  const marker = path.join(runDir, 'language-pack-installed');
  if (pack && vscode.env.language !== 'de' && !fs.existsSync(marker)) {
    fs.writeFileSync(marker, `${new Date().toISOString()}\n`);
    // A file on the server: the remote extension host turns it into the workbench's vscode-remote: URI.
    await vscode.commands.executeCommand('workbench.extensions.installExtension', vscode.Uri.file(pack));
    await vscode.commands.executeCommand('workbench.action.reloadWindow');
    // The reload ends this extension host; the next one runs the suite.
    return new Promise<void>(() => undefined);
  }
  return runSuite(__dirname);
}
