// No silently dropped edits: a deleted field is sent as its cleared value or refused, a repeated
// field and an integer beyond 2^53 are refused at their places, and a save reports only what it sent.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { SANDBOX_EP, SANDBOX_EP_KEYS } from '../sandbox';
import { addElasticPathStore, addApplication, replaceText, SANDBOX_APPS, SANDBOX_TOKENS, useHarness } from './harness';

const fleet = SANDBOX_APPS.demoFleet;

describe('Edits are sent or refused, never dropped', () => {
  const h = useHarness(async () => addApplication(h, fleet.id, SANDBOX_TOKENS.full));
  const described = () => [...h.sandbox.state.losant.keys.values()].find((k) => k.applicationId === fleet.id && k.description)!;

  async function edit(keyId: string): Promise<vscode.TextDocument> {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.editKey', { applicationId: fleet.id, keyId });
    return vscode.workspace.openTextDocument(uri);
  }
  const without = (text: string, field: string) => {
    const value = JSON.parse(text) as Record<string, unknown>;
    delete value[field];
    return JSON.stringify(value, null, 2);
  };
  const ours = (document: vscode.TextDocument) => vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'App Keys');

  it('clears a description whose line was deleted (PATCH with "")', async () => {
    const key = described();
    const document = await edit(key.id);
    await replaceText(document, without(document.getText(), 'description'));
    assert.ok(await document.save());
    const patches = h.sandbox.requests.filter((r) => r.method === 'PATCH');
    assert.deepStrictEqual(
      patches.map((p) => p.body),
      [{ description: '' }],
    );
    assert.strictEqual(key.description, '');
  });

  it('refuses to drop a field that cannot be cleared (status): nothing sent, text kept, problem shown', async () => {
    const key = described();
    const document = await edit(key.id);
    const text = without(document.getText(), 'status');
    await replaceText(document, text);
    assert.strictEqual(await document.save(), false);
    assert.strictEqual(h.sandbox.requests.filter((r) => r.method === 'PATCH').length, 0);
    assert.ok(document.isDirty);
    assert.strictEqual(document.getText(), text);
    assert.ok(
      ours(document).some((d) => /"status" cannot be removed/.test(d.message)),
      ours(document)
        .map((d) => d.message)
        .join('; '),
    );
  });

  it('refuses a field written twice, at the second one, before any request', async () => {
    const document = await edit(described().id);
    const text = '{\n  "description": "first",\n  "description": "second"\n}\n';
    await replaceText(document, text);
    const before = h.sandbox.requests.length;
    assert.strictEqual(await document.save(), false);
    assert.strictEqual(h.sandbox.requests.length, before);
    assert.deepStrictEqual(
      ours(document).map((d) => d.range.start.line),
      [2],
    );
  });

  it('refuses an integer beyond 2^53 instead of rounding it (Elastic Path reserved_rate_limit)', async () => {
    await addElasticPathStore(h);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.editKey', {
      applicationId: SANDBOX_EP.storeId,
      keyId: SANDBOX_EP_KEYS.storefront.id,
    });
    const document = await vscode.workspace.openTextDocument(uri);
    await replaceText(document, '{\n  "name": "Storefront",\n  "reserved_rate_limit": 9007199254740993\n}\n');
    const before = h.sandbox.requests.length;
    assert.strictEqual(await document.save(), false);
    assert.strictEqual(h.sandbox.requests.length, before);
    assert.ok(ours(document).some((d) => /beyond 2\^53/.test(d.message)));
  });
});
