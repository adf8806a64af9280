// Documents that guide: a fresh create document is not flagged and starts in `name`; it says how it is created
// (a CodeLens that creates it); a mistake shows one problem, in App Keys' words, while typing and after a refused
// save; a fetched document has an Edit in its title bar that opens the edit document, which its title tells apart.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { parseObject } from '../support/json';
import { addApplication, createKeyDocument, replaceText, SANDBOX_APPS, SANDBOX_TOKENS, useHarness, waitFor } from './harness';

const fleet = SANDBOX_APPS.demoFleet;

/** How long VS Code's JSON support is given to report a document (it waits for typing to pause, then validates). */
const JSON_SUPPORT_WINDOW_MS = 2500;

/** The document's diagnostics after VS Code's JSON support and App Keys have both had their time with it. */
async function settledDiagnostics(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  await new Promise((resolve) => setTimeout(resolve, JSON_SUPPORT_WINDOW_MS));
  return vscode.languages.getDiagnostics(uri);
}

describe('Documents that guide', () => {
  const h = useHarness(async () => addApplication(h, fleet.id, SANDBOX_TOKENS.full));
  const posts = () => h.sandbox.requests.filter((r) => r.method === 'POST');

  const newKeyDocument = () => createKeyDocument(h, fleet.id);

  it('does not flag a fresh create document, and starts the cursor in its name', async () => {
    const document = await newKeyDocument();
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), document.uri.toString());
    const name = document.getText().indexOf('"name": "') + '"name": "'.length;
    assert.strictEqual(document.offsetAt(editor.selection.active), name, 'the cursor is inside the name');
    assert.deepStrictEqual(
      (await settledDiagnostics(document.uri)).map((d) => `${d.source ?? ''}: ${d.message}`),
      [],
      'nothing is wrong before the user starts',
    );
  });

  it('says how the document is created (a CodeLens), and the CodeLens creates it with one POST', async () => {
    const document = await newKeyDocument();
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const create = lenses.find((l) => l.command?.command === 'appKeys.createFromDocument');
    assert.ok(create?.command, `a Create CodeLens: ${lenses.map((l) => l.command?.title).join(', ')}`);
    assert.match(create.command.title, /Create this application key \((Ctrl|⌘)\+?S\)/);
    await replaceText(document, JSON.stringify({ ...parseObject(document.getText()), name: 'Made by the CodeLens' }, null, 2));
    const before = posts().length;
    await vscode.commands.executeCommand(create.command.command, ...((create.command.arguments ?? []) as unknown[]));
    await waitFor('the key on the server', () => [...h.sandbox.state.losant.keys.values()].find((k) => k.name === 'Made by the CodeLens'));
    assert.strictEqual(posts().length - before, 1, 'one POST');
  });

  it('shows one problem per mistake, in App Keys words, while typing and after a refused save', async () => {
    const document = await newKeyDocument();
    await replaceText(document, JSON.stringify({ ...parseObject(document.getText()), name: 'One problem', filterType: 'bogus' }, null, 2));
    const typed = await settledDiagnostics(document.uri);
    assert.deepStrictEqual(
      typed.map((d) => d.source),
      ['App Keys'],
      `one problem while typing: ${typed.map((d) => `${d.source ?? ''}: ${d.message}`).join(' | ')}`,
    );
    assert.strictEqual(document.getText(typed[0].range), '"bogus"', 'at the value');
    assert.match(typed[0].message, /all.*whitelist.*blacklist|none/);
    // Ctrl+S in a create document runs this command (the document may be clean: auto save kept the draft).
    await vscode.commands.executeCommand('appKeys.createFromDocument', document.uri);
    const saved = await settledDiagnostics(document.uri);
    assert.deepStrictEqual(
      saved.map((d) => d.message),
      [typed[0].message],
      'still one, the same',
    );
    assert.strictEqual(posts().length, 0);
    assert.match(document.getText(), /"bogus"/, 'the text is kept');
  });

  it('never creates on auto save (VS Code for the Web saves after a delay by default): only Ctrl+S or Create does', async () => {
    assert.strictEqual(vscode.workspace.getConfiguration('files').get('autoSave'), 'afterDelay', 'this host saves after a delay');
    const document = await newKeyDocument();
    await replaceText(document, JSON.stringify({ ...parseObject(document.getText()), name: 'Not on auto save' }, null, 2));
    await waitFor('auto save to keep the draft', () => !document.isDirty || undefined);
    await settledDiagnostics(document.uri);
    assert.strictEqual(posts().length, 0, 'nothing created by auto save');
    await vscode.commands.executeCommand('appKeys.createFromDocument', document.uri);
    await waitFor('the key on the server', () => [...h.sandbox.state.losant.keys.values()].find((k) => k.name === 'Not on auto save'));
    assert.strictEqual(posts().length, 1, 'one POST, on Create');
  });

  it('opens the edit document from a fetched one (the title bar passes its URI); their titles differ', async () => {
    const key = [...h.sandbox.state.losant.keys.values()].find((k) => k.applicationId === fleet.id && k.name === 'Truck 03 gateway')!;
    const viewed = await vscode.commands.executeCommand<vscode.Uri>('appKeys.fetchKey', { applicationId: fleet.id, keyId: key.id });
    const edited = await vscode.commands.executeCommand<vscode.Uri>('appKeys.edit', viewed);
    assert.strictEqual(edited.scheme, 'appkeys');
    assert.notStrictEqual(edited.path, viewed.path);
    assert.strictEqual(viewed.path.split('/').pop(), 'Truck 03 gateway.json');
    assert.strictEqual(edited.path.split('/').pop(), 'Truck 03 gateway (edit).json');
    assert.strictEqual(parseObject((await vscode.workspace.openTextDocument(edited)).getText()).name, 'Truck 03 gateway');
  });
});
