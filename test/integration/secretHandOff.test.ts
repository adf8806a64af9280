// A new key's one-time secret handed off from its modal: saved to a file (mode 0600, a warning and
// .gitignore inside a git work tree, decided without running git), copied and cleared from the clipboard,
// inserted at the cursor. Every way out of the modal either hands the secret off or is an explicit Close.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { addApplication, discardEditors, SANDBOX_APPS, SANDBOX_TOKENS, setting, useHarness, waitFor } from './harness';
import { after, DISMISS } from './scriptedUserInput';

const fleet = SANDBOX_APPS.demoFleet;

describe('One-time secrets handed off', () => {
  const h = useHarness(async () => addApplication(h, fleet.id, SANDBOX_TOKENS.full));
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appkeys-handoff-'));
  });
  afterEach(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await discardEditors();
  });

  const created = (name: string) => waitFor(`key "${name}" on the server`, () => [...h.sandbox.state.losant.keys.values()].find((k) => k.name === name));
  const create = (name: string) => vscode.commands.executeCommand('appKeys.createKey', { applicationId: fleet.id, name, description: '' });

  const modals = () => h.ui.shown.filter((m) => m.level === 'info' && m.close === 'Close');

  it('saves the whole credential (key ID, key and secret) to a .env file readable by its owner only, and says when it replaced one', async () => {
    const file = path.join(dir, '.env');
    h.ui.answer('Save to File…', file, 'Save to File…', file, DISMISS);
    await create('Saved to a file');
    const key = await created('Saved to a file');
    await waitFor('the modal to close', () => h.ui.pending === 0);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), `# Saved to a file\nKEY_ID=${key.id}\nKEY=${key.key}\nSECRET=${key.secret}\n`);
    if (process.platform !== 'win32') assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
    const said = modals().map((m) => m.message);
    assert.match(said[1], /Saved to .*\.env\.$/);
    assert.match(said[2], /Saved to .*\.env, replacing the file that was there\./);
  });

  it('runs no program a repository configures when it checks where the file goes (a planted core.fsmonitor: 0 runs)', async () => {
    execFileSync('git', ['init', '-q', dir]);
    fs.writeFileSync(path.join(dir, 'README'), 'x');
    execFileSync('git', ['-C', dir, 'add', 'README']); // an index: git commands reading it run the monitor
    const ran = path.join(dir, 'planted-command-ran');
    fs.appendFileSync(path.join(dir, '.git', 'config'), `[core]\n\tfsmonitor = "touch '${ran}'; false"\n`);
    const file = path.join(dir, 'prod.env');
    h.ui.answer('Save to File…', file, 'Save Anyway', DISMISS);
    await create('Planted monitor');
    await waitFor('the modal to close', () => h.ui.pending === 0);
    assert.ok(fs.existsSync(file), 'saved');
    assert.ok(
      h.ui.shown.some((m) => m.level === 'confirm' && /prod\.env is inside the git work tree .* not ignored/.test(m.message)),
      'warned all the same',
    );
    assert.ok(!fs.existsSync(ran), 'the planted command did not run');
    execFileSync('git', ['-C', dir, 'status', '--porcelain']); // the plant is live: git itself runs it
    assert.ok(fs.existsSync(ran), 'git runs the planted command');
  });

  it('asks before closing the modal while no secret was handed off: Cancel, a dismissed save and a failed save all come back to it', async () => {
    h.ui.answer(
      DISMISS, // Close
      DISMISS, // "will be lost": Cancel, back to the modal
      'Save to File…',
      DISMISS, // the save dialog dismissed: back
      'Save to File…',
      path.join(dir, 'no such folder', '.env'), // fails: said in the modal
      'Copy key', // not the secret: still nothing handed off
      'Close',
      'Close Anyway',
    );
    await create('Closed explicitly');
    await waitFor('the modal to close', () => h.ui.pending === 0);
    const said = modals().map((m) => m.message);
    assert.strictEqual(said.length, 5, said.join('\n'));
    assert.match(said[3], /Save to File failed: .*no such folder/);
    assert.match(said[4], /Copied key\./);
    const asked = h.ui.shown.filter((m) => m.level === 'confirm');
    assert.deepStrictEqual(
      asked.map((m) => [m.message, m.items]),
      [
        ['The secret of "Closed explicitly" will be lost: it is shown only now.', ['Close Anyway']],
        ['The secret of "Closed explicitly" will be lost: it is shown only now.', ['Close Anyway']],
      ],
    );
  });

  it('closes without asking once the secret was handed off; Escape on "Which one to insert?" returns to the modal', async () => {
    const document = await vscode.workspace.openTextDocument({ content: '', language: 'properties' });
    await vscode.window.showTextDocument(document);
    h.ui.answer('Insert at Cursor', DISMISS, 'Copy secret', DISMISS);
    await create('Escaped pick');
    const key = await created('Escaped pick');
    await waitFor('the modal to close', () => h.ui.pending === 0);
    assert.strictEqual(modals().length, 3, 'the modal came back after the pick was dismissed, and after the copy');
    assert.strictEqual(await vscode.env.clipboard.readText(), key.secret);
    assert.strictEqual(document.getText(), '', 'nothing inserted');
    assert.ok(!h.ui.shown.some((m) => m.level === 'confirm'), 'no question once the secret was copied');
  });

  it('keeps the modal open and says so when Insert at Cursor fails (the document was closed meanwhile)', async () => {
    const document = await vscode.workspace.openTextDocument({ content: 'X=\n', language: 'properties' });
    await vscode.window.showTextDocument(document);
    const closeIt = () => vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    h.ui.answer('Insert at Cursor', after(closeIt, 'secret'), DISMISS, 'Close Anyway');
    await create('Insert failed');
    await waitFor('the modal to close', () => h.ui.pending === 0);
    const said = modals().map((m) => m.message);
    assert.strictEqual(said.length, 2, said.join('\n'));
    assert.match(said[1], /Not inserted: .* was closed or changed\. Nothing was lost/);
    assert.strictEqual(h.ui.shown.filter((m) => m.level === 'confirm').length, 1, 'not handed off: Close asks');
  });

  it("offers Insert at Cursor only in file and untitled documents, not in a collaborator's (collab:) document", async () => {
    // A remote collaboration's document (another person's session provides it; Live Share's vsls: is taken in the host).
    const provider = vscode.workspace.registerTextDocumentContentProvider('collab', { provideTextDocumentContent: () => 'SHARED=\n' });
    try {
      const shared = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.parse('collab:/shared/.env')));
      assert.strictEqual(vscode.window.activeTextEditor, shared);
      h.ui.answer(DISMISS, 'Close Anyway');
      await create('Not into a shared document');
      await waitFor('the modal to close', () => h.ui.pending === 0);
      assert.ok(!modals()[0].items.includes('Insert at Cursor'), modals()[0].items.join(', '));
    } finally {
      provider.dispose();
    }

    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: '' }));
    h.ui.answer(DISMISS, 'Close Anyway');
    await create('Into an untitled document');
    await waitFor('the modal to close', () => h.ui.pending === 0);
    assert.ok(modals()[1].items.includes('Insert at Cursor'));
  });

  it('asks before the secrets of Create Keys for Devices are dropped: "3 secrets will be lost; the keys stay active."', async () => {
    const trucks = [...h.sandbox.state.losant.devices.values()].filter((d) => d.applicationId === fleet.id && /^Truck 0[1-3]$/.test(d.name ?? ''));
    assert.strictEqual(trucks.length, 3);
    h.ui.answer('Create 3 Keys', DISMISS, DISMISS, DISMISS, 'Close Anyway');
    await vscode.commands.executeCommand('appKeys.createKeysForDevices', { applicationId: fleet.id, deviceIds: trucks.map((d) => d.id), skipExisting: false });
    await waitFor('the modal to close', () => h.ui.pending === 0);
    const modal = modals()[0];
    for (const t of trucks) {
      const key = [...h.sandbox.state.losant.keys.values()].find((k) => k.deviceIds?.length === 1 && k.deviceIds[0] === t.id && k.name === t.name)!;
      assert.ok(modal.detail?.includes(`${t.name} key: ${key.key}\n${t.name} secret: ${key.secret}`), `the modal shows ${t.name}'s key and secret`);
    }
    assert.deepStrictEqual(
      h.ui.shown.filter((m) => m.level === 'confirm' && /lost/.test(m.message)).map((m) => m.message),
      ['3 secrets will be lost; the keys stay active.', '3 secrets will be lost; the keys stay active.'],
    );
  });

  it('warns before saving into a git work tree where the file is not ignored, and adds it to .gitignore escaped, so that git ignores it', async () => {
    execFileSync('git', ['init', '-q', dir]);
    const file = path.join(dir, 'secrets [prod].json');
    h.ui.answer('Save to File…', file, 'Add to .gitignore and Save', DISMISS);
    await create('Saved in a repository');
    const key = await created('Saved in a repository');
    await waitFor('the file', () => fs.existsSync(file));
    const warning = await waitFor('the warning', () => h.ui.shown.find((m) => m.level === 'confirm' && /not ignored: it could be committed/.test(m.message)));
    assert.deepStrictEqual(warning.items, ['Add to .gitignore and Save', 'Save Anyway']);
    assert.strictEqual(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8'), '/secrets \\[prod\\].json\n');
    assert.strictEqual(
      execFileSync('git', ['-C', dir, 'check-ignore', '--no-index', 'secrets [prod].json'], { encoding: 'utf8' }).trim(),
      'secrets [prod].json',
    );
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(file, 'utf8')), { name: 'Saved in a repository', key_id: key.id, key: key.key, secret: key.secret });
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
    h.ui.answer('Insert at Cursor', 'secret', DISMISS);
    await create('Inserted');
    const key = await created('Inserted');
    await waitFor('the secret in the editor', () => document.getText() === `KEY_SECRET=${key.secret}\n`);
  });
});
