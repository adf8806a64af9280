// The restricted-mode run (runIntegration --untrusted runs this folder): Workspace Trust on, and a
// workspace whose .vscode/settings.json names an application of its own.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AppKeysApi } from '../../src/extension';
import { EXTENSION_ID } from '../integration/harness';

describe('Workspace Trust', () => {
  it('ignores workspace-level appKeys.applications in an untrusted workspace', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the workspace opened untrusted');
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    const settings = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json'))));
    assert.strictEqual(settings['appKeys.applications'].length, 1, 'the workspace does set the setting');
    assert.deepStrictEqual(vscode.workspace.getConfiguration('appKeys').get('applications'), [], 'but App Keys does not see it');
    const api = await vscode.extensions.getExtension<AppKeysApi>(EXTENSION_ID)!.activate();
    assert.deepStrictEqual(await api.tree.getChildren(), [], 'the tree does not show it');
  });
});
