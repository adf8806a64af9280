// The restricted-mode run (runIntegration --untrusted runs this folder): Workspace Trust on, and a
// workspace whose .vscode/settings.json names an application of its own.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AppKeysApi } from '../../src/extension';
import { addApplication, EXTENSION_ID, keyGroup, SANDBOX_APPS, SANDBOX_TOKENS, useHarness } from '../integration/harness';
import { parseObject } from '../support/json';

describe('Workspace Trust', () => {
  it('ignores workspace-level appKeys.applications in an untrusted workspace', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the workspace opened untrusted');
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    const settings = parseObject(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json'))));
    assert.strictEqual((settings['appKeys.applications'] as unknown[]).length, 1, 'the workspace does set the setting');
    assert.deepStrictEqual(vscode.workspace.getConfiguration('appKeys').get('applications'), [], 'but App Keys does not see it');
    const api = await vscode.extensions.getExtension<AppKeysApi>(EXTENSION_ID)!.activate();
    assert.deepStrictEqual(await api.tree.getChildren(), [], 'the tree does not show it');
  });

  describe('safety settings', () => {
    const h = useHarness();

    it('asks before deleting and keeps its time limit although the workspace turns them off', async () => {
      const folder = vscode.workspace.workspaceFolders![0];
      const settings = parseObject(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json'))));
      assert.strictEqual(settings['appKeys.confirmDelete'], false, 'the workspace does try');
      await addApplication(h, SANDBOX_APPS.demoFleet.id, SANDBOX_TOKENS.full);
      const [key] = (await keyGroup(h, SANDBOX_APPS.demoFleet.id)).items;
      assert.strictEqual(key.kind, 'item', 'requests work: the workspace time limit ("soon") is ignored');
      h.ui.answer('Delete');
      await vscode.commands.executeCommand('appKeys.deleteKey', key);
      assert.match(h.ui.messages('confirm').pop() ?? '', /^Delete application key/);
    });
  });
});
