// The restricted-mode run (runIntegration --untrusted runs this folder): Workspace Trust on, and a
// workspace whose .vscode/settings.json names an application of its own.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AppKeysApi } from '../../src/extension';
import { addApplication, EXTENSION_ID, keyGroup, SANDBOX_APPS, SANDBOX_TOKENS, useHarness, waitFor } from '../integration/harness';
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

    it('runs no program the untrusted repository configures when a one-time secret is saved into it (a planted core.fsmonitor: 0 runs)', async () => {
      const repo = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'planted-repo');
      fs.mkdirSync(repo, { recursive: true });
      try {
        execFileSync('git', ['init', '-q', repo]);
        fs.writeFileSync(path.join(repo, 'README'), 'x');
        execFileSync('git', ['-C', repo, 'add', 'README']);
        const ran = path.join(repo, 'planted-command-ran');
        fs.appendFileSync(path.join(repo, '.git', 'config'), `[core]\n\tfsmonitor = "touch '${ran}'; false"\n`);
        await addApplication(h, SANDBOX_APPS.demoFleet.id, SANDBOX_TOKENS.full);
        const file = path.join(repo, '.env');
        h.ui.answer('Save to File…', file, 'Add to .gitignore and Save', 'Close');
        await vscode.commands.executeCommand('appKeys.createKey', { applicationId: SANDBOX_APPS.demoFleet.id, name: 'Untrusted save', description: '' });
        await waitFor('the modal to close', () => h.ui.pending === 0);
        assert.ok(!fs.existsSync(ran), 'the planted command did not run');
        assert.ok(fs.existsSync(file), 'saved');
        assert.strictEqual(fs.readFileSync(path.join(repo, '.gitignore'), 'utf8'), '/.env\n');
        execFileSync('git', ['-C', repo, 'status', '--porcelain']);
        assert.ok(fs.existsSync(ran), 'git itself runs the planted command');
      } finally {
        fs.rmSync(repo, { recursive: true, force: true });
      }
    });
  });
});
