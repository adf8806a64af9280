// Issue 13, item 2: documents titled by the item's name (application › group › item), told apart when
// two open items share a name, retitled on rename, and still bound to their platform's schemas.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { addElasticPathStore, children, keyGroup, replaceText, SANDBOX_APPS, sandboxFetch, SANDBOX_TOKENS, useHarness, waitFor } from './harness';
import { SANDBOX_EP } from '../sandbox';
import { parseObject } from '../support/json';

const fleet = SANDBOX_APPS.demoFleet;

describe('Documents titled by name', () => {
  const h = useHarness(async () => {
    await vscode.commands.executeCommand('appKeys.addApplication', {
      platform: 'losant',
      apiUrl: h.sandbox.url,
      token: SANDBOX_TOKENS.full,
      applicationId: fleet.id,
      label: 'Fleet',
    });
  });

  const keyNamed = (name: string) => [...h.sandbox.state.losant.keys.values()].find((k) => k.applicationId === fleet.id && k.name === name)!;
  const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText);
  const tabOf = (uri: vscode.Uri) => tabs().find((t) => (t.input as vscode.TabInputText).uri.toString() === uri.toString());
  const edit = (keyId: string) => vscode.commands.executeCommand<vscode.Uri>('appKeys.editKey', { applicationId: fleet.id, keyId });

  /** The group node of an application's kind of item, as the tree shows it. */
  async function group(applicationId: string, resourceId: string) {
    const app = (await children(h)).find((a) => (a.app as { applicationId: string }).applicationId === applicationId)!;
    return (await children(h, app)).find((g) => g.kind === 'group' && (g.resource as { id: string }).id === resourceId)!;
  }

  async function postKey(name: string): Promise<string> {
    const response = await sandboxFetch(`${h.sandbox.url}/applications/${fleet.id}/keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SANDBOX_TOKENS.full}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
    assert.strictEqual(response.status, 201);
    return ((await response.json()) as { id: string }).id;
  }

  it('titles edit and fetched documents by the item, under the application and the group; the edit one says it is for editing', async () => {
    const key = keyNamed('Truck 03 gateway');
    const uri = await edit(key.id);
    assert.strictEqual(uri.path, '/Fleet/Application Keys/Truck 03 gateway (edit).json');
    assert.strictEqual(tabOf(uri)?.label, 'Truck 03 gateway (edit).json');
    assert.ok(!uri.toString().includes(key.id) && !uri.path.includes(fleet.id), 'no ID is shown in the path');
    const document = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(parseObject(document.getText()).name, 'Truck 03 gateway');
    assert.strictEqual(document.languageId, 'json');

    const viewed = await vscode.commands.executeCommand<vscode.Uri>('appKeys.fetchKey', { applicationId: fleet.id, keyId: key.id });
    assert.strictEqual(viewed.scheme, 'appkeys-view');
    assert.strictEqual(viewed.path, '/Fleet/Application Keys/Truck 03 gateway.json');
    assert.strictEqual(parseObject((await vscode.workspace.openTextDocument(viewed)).getText()).id, key.id);

    const tokenUri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.editToken', {
      applicationId: fleet.id,
      tokenId: [...h.sandbox.state.losant.apiTokens.values()].find((t) => t.name === 'CI pipeline')!.id,
    });
    assert.strictEqual(tokenUri.path, '/Fleet/API Tokens/CI pipeline (edit).json');
  });

  it('fetches an item named by ID once, and opens its open document again rather than a second one', async () => {
    const key = keyNamed('Truck 04 gateway');
    const gets = () => h.sandbox.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/keys/${key.id}`)).length;
    const first = await edit(key.id);
    assert.strictEqual(gets(), 1, 'the GET that learns the name also fills the document');
    const { items } = await keyGroup(h, fleet.id);
    const node = items.find((n) => (n.item as { id: string } | undefined)?.id === key.id)!;
    const again = await vscode.commands.executeCommand<vscode.Uri>('appKeys.edit', node);
    assert.strictEqual(again.toString(), first.toString());
    assert.strictEqual(tabs().filter((t) => (t.input as vscode.TabInputText).uri.toString() === first.toString()).length, 1);
  });

  it('keeps the IDs in the URI: a document restored from its URI text (after a reload) still finds its item', async () => {
    const key = keyNamed('Truck 05 gateway');
    const uri = await edit(key.id);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // What VS Code stores: the URI as text (authority lowercased).
    const restored = vscode.Uri.parse(uri.toString());
    const document = await vscode.workspace.openTextDocument(restored);
    assert.strictEqual(parseObject(document.getText()).name, 'Truck 05 gateway');
  });

  it('tells two open items with the same name apart by the end of their IDs', async () => {
    const original = keyNamed('Truck 03 gateway');
    const twinId = await postKey('Truck 03 gateway');
    const first = await edit(original.id);
    const second = await edit(twinId);
    assert.strictEqual(first.path, '/Fleet/Application Keys/Truck 03 gateway (edit).json');
    assert.strictEqual(second.path, `/Fleet/Application Keys/Truck 03 gateway (${twinId.slice(-6)}) (edit).json`);
    assert.strictEqual(tabOf(second)?.label, `Truck 03 gateway (${twinId.slice(-6)}) (edit).json`);
    assert.strictEqual((await edit(original.id)).toString(), first.toString(), 'the same item, the same document');
    assert.strictEqual(parseObject((await vscode.workspace.openTextDocument(second)).getText()).name, 'Truck 03 gateway');
  });

  it('retitles the edit document and the fetched one when a save renames the item, in the same column', async () => {
    const key = keyNamed('Truck 06 gateway');
    const viewed = await vscode.commands.executeCommand<vscode.Uri>('appKeys.fetchKey', { applicationId: fleet.id, keyId: key.id });
    const uri = await edit(key.id);
    await vscode.commands.executeCommand('workbench.action.moveEditorToNextGroup');
    const column = tabOf(uri)!.group.viewColumn;
    assert.notStrictEqual(column, tabOf(viewed)!.group.viewColumn, 'two columns');
    const document = await vscode.workspace.openTextDocument(uri);
    await replaceText(document, JSON.stringify({ ...parseObject(document.getText()), name: 'Truck 06 spare' }, null, 2));
    assert.ok(await document.save(), 'saved');
    assert.strictEqual(h.sandbox.state.losant.keys.get(key.id)?.name, 'Truck 06 spare');

    const renamed = await waitFor('the edit document under its new name', () =>
      tabs().find(
        (t) =>
          (t.input as vscode.TabInputText).uri.scheme === 'appkeys' &&
          (t.input as vscode.TabInputText).uri.path === '/Fleet/Application Keys/Truck 06 spare (edit).json',
      ),
    );
    assert.strictEqual(renamed.group.viewColumn, column, 'opened where the old one was');
    await waitFor('the old edit document to close', () => !tabOf(uri) || undefined);
    await waitFor('the fetched document under its new name', () =>
      tabs().find(
        (t) => (t.input as vscode.TabInputText).uri.scheme === 'appkeys-view' && (t.input as vscode.TabInputText).uri.path.endsWith('/Truck 06 spare.json'),
      ),
    );
    await waitFor('the old fetched document to close', () => !tabOf(viewed) || undefined);
    const newDocument = await vscode.workspace.openTextDocument((renamed.input as vscode.TabInputText).uri);
    assert.strictEqual(parseObject(newDocument.getText()).name, 'Truck 06 spare');
    assert.ok(!newDocument.isDirty);
  });

  it('keeps a document whose renaming save failed: dirty, with its text, under its old title', async () => {
    const key = keyNamed('Truck 07 gateway');
    const uri = await edit(key.id);
    const document = await vscode.workspace.openTextDocument(uri);
    h.sandbox.state.losant.keys.delete(key.id); // deleted meanwhile: the save fails
    const mine = JSON.stringify({ ...parseObject(document.getText()), name: 'Truck 07 renamed' }, null, 2);
    await replaceText(document, mine);
    assert.strictEqual(await document.save(), false);
    assert.ok(document.isDirty);
    assert.strictEqual(document.getText(), mine, 'the text is kept');
    assert.ok(tabOf(uri), 'still open under its old title');
  });

  describe('schemas still bound to each platform and kind', () => {
    // A field only that kind's schema allows, and one no schema allows: only the unknown one (and, for
    // a create document, the missing name) is a problem when the right schema is bound.
    const cases = [
      { what: 'a Losant key', open: () => edit(keyNamed('Truck 08 gateway').id), text: '{\n  "filterType": "all",\n  "zzz_unknown": 1\n}\n', lines: [2] },
      {
        what: 'a Losant token',
        open: () =>
          vscode.commands.executeCommand<vscode.Uri>('appKeys.editToken', {
            applicationId: fleet.id,
            tokenId: [...h.sandbox.state.losant.apiTokens.values()].find((t) => t.name === 'CI pipeline')!.id,
          }),
        text: '{\n  "defaultRole": "view",\n  "zzz_unknown": 1\n}\n',
        lines: [2],
      },
      {
        what: 'a new Losant key',
        open: async () => vscode.commands.executeCommand<vscode.Uri>('appKeys.create', await group(fleet.id, 'keys')),
        text: '{\n  "deviceIds": [],\n  "zzz_unknown": 1\n}\n',
        lines: [2], // a key's post schema requires nothing; deviceIds is in no edit schema
        create: true,
      },
      {
        what: 'a new Losant token',
        open: async () => vscode.commands.executeCommand<vscode.Uri>('appKeys.create', await group(fleet.id, 'tokens')),
        text: '{\n  "scope": ["all.Application"],\n  "zzz_unknown": 1\n}\n',
        lines: [0, 2],
        create: true,
      },
      {
        what: 'an Elastic Path key',
        open: async () => {
          await addElasticPathStore(h, 'Store');
          const id = [...h.sandbox.state.elasticpath.keys.values()][0].id;
          return vscode.commands.executeCommand<vscode.Uri>('appKeys.edit', { applicationId: SANDBOX_EP.storeId, keyId: id });
        },
        text: '{\n  "reserved_rate_limit": 5,\n  "zzz_unknown": 1\n}\n',
        lines: [2],
      },
      {
        what: 'a new Elastic Path key',
        open: async () => {
          await addElasticPathStore(h, 'Store');
          return vscode.commands.executeCommand<vscode.Uri>('appKeys.create', await group(SANDBOX_EP.storeId, 'keys'));
        },
        text: '{\n  "reserved_rate_limit": 5,\n  "zzz_unknown": 1\n}\n',
        lines: [0, 2],
        create: true,
      },
    ];
    for (const c of cases) {
      it(`checks ${c.what} against its own schema while typing`, async () => {
        const uri = await c.open();
        assert.ok(uri instanceof vscode.Uri, 'a document was opened');
        assert.ok(!uri.path.includes('keys/') && !uri.path.includes('tokens/'), `titled by names: ${uri.path}`);
        const document = await vscode.workspace.openTextDocument(uri);
        await replaceText(document, c.text);
        // App Keys checks it as typed (one problem per mistake); VS Code's JSON support offers its fields from the hint schema.
        const found = await waitFor(`schema problems in ${c.what}`, () => {
          const live = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'App Keys');
          return live.some((d) => d.range.start.line === 2) ? live : undefined;
        });
        assert.deepStrictEqual(
          vscode.languages.getDiagnostics(uri).filter((d) => d.source !== 'App Keys'),
          [],
          'no second problem from the JSON support',
        );
        const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(1, 2));
        const labels = completions.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label).replace(/"/g, ''));
        assert.ok(labels.includes('name'), `the schema's fields are offered: ${labels.join(', ')}`);
        assert.deepStrictEqual([...new Set(found.map((d) => d.range.start.line))].sort(), c.lines, found.map((d) => d.message).join('; '));
        assert.ok(
          found.some((d) => /zzz_unknown/.test(d.message)),
          found.map((d) => d.message).join('; '),
        );
      });
    }
  });
});
