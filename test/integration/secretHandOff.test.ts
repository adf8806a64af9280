// A new key's one-time secret handed off from its modal: saved to a file (mode 0600, a warning and
// .gitignore inside a git work tree), copied and cleared from the clipboard, inserted at the cursor.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { addApplication, SANDBOX_APPS, SANDBOX_TOKENS, setting, useHarness, waitFor } from './harness';
import { DISMISS } from './scriptedUserInput';

const fleet = SANDBOX_APPS.demoFleet;

describe('One-time secrets handed off', () => {
  const h = useHarness(async () => addApplication(h, fleet.id, SANDBOX_TOKENS.full));
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appkeys-handoff-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const created = (name: string) => waitFor(`key "${name}" on the server`, () => [...h.sandbox.state.losant.keys.values()].find((k) => k.name === name));
  const create = (name: string) => vscode.commands.executeCommand('appKeys.createKey', { applicationId: fleet.id, name, description: '' });

  it('saves the secret to a .env file readable by its owner only', async () => {
    const file = path.join(dir, '.env');
    h.ui.answer('Save to File…', file, DISMISS);
    await create('Saved to a file');
    const key = await created('Saved to a file');
    await waitFor('the file', () => fs.existsSync(file));
    assert.strictEqual(fs.readFileSync(file, 'utf8'), `# Saved to a file\nSECRET=${key.secret}\n`);
    if (process.platform !== 'win32') assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
    await waitFor('the modal to close', () => h.ui.pending === 0);
  });

  it('warns before saving into a git work tree where the file is not ignored, and adds it to .gitignore', async () => {
    execFileSync('git', ['init', '-q', dir]);
    const file = path.join(dir, 'secrets.json');
    h.ui.answer('Save to File…', file, 'Add to .gitignore and Save', DISMISS);
    await create('Saved in a repository');
    const key = await created('Saved in a repository');
    await waitFor('the file', () => fs.existsSync(file));
    const warning = await waitFor('the warning', () => h.ui.shown.find((m) => m.level === 'confirm' && /not ignored: it could be committed/.test(m.message)));
    assert.deepStrictEqual(warning.items, ['Add to .gitignore and Save', 'Save Anyway']);
    assert.strictEqual(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8'), '/secrets.json\n');
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(file, 'utf8')), { name: 'Saved in a repository', secret: key.secret });
    await waitFor('the modal to close', () => h.ui.pending === 0);
  });

  it('clears a copied secret from the clipboard after appKeys.clipboardClearSeconds, unless something else was copied', async () => {
    await setting('clipboardClearSeconds', 1);
    h.ui.answer('Copy secret', DISMISS);
    await create('Copied and cleared');
    const key = await created('Copied and cleared');
    await waitFor('the secret on the clipboard', async () => (await vscode.env.clipboard.readText()) === key.secret);
    await waitFor('the clipboard cleared', async () => (await vscode.env.clipboard.readText()) === '', 5000);

    h.ui.answer('Copy secret', DISMISS);
    await create('Copied then replaced');
    const other = await created('Copied then replaced');
    await waitFor('the second secret on the clipboard', async () => (await vscode.env.clipboard.readText()) === other.secret);
    await vscode.env.clipboard.writeText('something the user copied');
    await new Promise((r) => setTimeout(r, 1500));
    assert.strictEqual(await vscode.env.clipboard.readText(), 'something the user copied', 'what the user copied since is left alone');
  });

  it('inserts the secret at the cursor of the active editor', async () => {
    const document = await vscode.workspace.openTextDocument({ content: 'KEY_SECRET=\n', language: 'properties' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 11, 0, 11);
    h.ui.answer('Insert at Cursor', DISMISS);
    await create('Inserted');
    const key = await created('Inserted');
    await waitFor('the secret in the editor', () => document.getText() === `KEY_SECRET=${key.secret}\n`);
  });
});
