// One command set for every kind of item: the generic commands act on the node's or the argument's
// kind, the per-kind ids still work as aliases, and argument fields of the wrong type are clear errors.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { addApplication, children, label, replaceText, SANDBOX_APPS, SANDBOX_TOKENS, useHarness, waitFor } from './harness';
import { CLOSE_SECRETS } from './scriptedUserInput';
import { parseObject } from '../support/json';

const fleet = SANDBOX_APPS.demoFleet;

describe('Generic item commands', () => {
  const h = useHarness(async () => addApplication(h, fleet.id, SANDBOX_TOKENS.full));
  const token = () => [...h.sandbox.state.losant.apiTokens.values()].find((t) => t.applicationId === fleet.id)!;
  const key = () => [...h.sandbox.state.losant.keys.values()].find((k) => k.applicationId === fleet.id)!;

  async function text(uri: vscode.Uri): Promise<Record<string, unknown>> {
    return parseObject((await vscode.workspace.openTextDocument(uri)).getText());
  }

  it('fetches the kind the argument names: tokenId, keyId, or resource', async () => {
    const byTokenId = await vscode.commands.executeCommand<vscode.Uri>('appKeys.fetch', { applicationId: fleet.id, tokenId: token().id });
    assert.strictEqual((await text(byTokenId)).id, token().id);
    assert.match(byTokenId.path, /\/API Tokens\//);
    const byKeyId = await vscode.commands.executeCommand<vscode.Uri>('appKeys.fetch', { applicationId: fleet.id, keyId: key().id });
    assert.match(byKeyId.path, /\/Application Keys\//);
    const byAlias = await vscode.commands.executeCommand<vscode.Uri>('appKeys.fetchToken', { applicationId: fleet.id, tokenId: token().id });
    assert.strictEqual(byAlias.toString(), byTokenId.toString(), 'the alias opens the same document');
  });

  it('creates the kind of the group node it runs on, and the tree shows it from the change event', async () => {
    const [app] = await children(h);
    const tokens = (await children(h, app)).find((g) => label(h, g) === 'API Tokens')!;
    await children(h, tokens);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.create', tokens);
    assert.match(uri.path, /\/API Tokens\/New API token \d+\.json$/, 'a token create document');
    const document = await vscode.workspace.openTextDocument(uri);
    await replaceText(document, JSON.stringify({ name: 'Made generically', scope: ['all.Application'] }));
    h.ui.answer(...CLOSE_SECRETS); // the one-time token
    assert.ok(await document.save());
    const made = await waitFor('the token', () => [...h.sandbox.state.losant.apiTokens.values()].find((t) => t.name === 'Made generically'));
    assert.ok(made, 'a token was created');
    await waitFor('the secret modal', () => h.ui.pending === 0);
    assert.ok(
      (await children(h, tokens)).some((n) => label(h, n) === 'Made generically'),
      'the tree shows it without a refresh',
    );
  });

  it('says which argument field has the wrong type, before any request', async () => {
    const before = h.sandbox.requests.length;
    await vscode.commands.executeCommand('appKeys.fetch', { applicationId: fleet.id, keyId: 42 });
    assert.match(h.ui.messages('error').pop() ?? '', /"keyId" must be a string/);
    await vscode.commands.executeCommand('appKeys.filter', { applicationId: fleet.id, field: 'name', pattern: 'x', direction: 'up' });
    assert.match(h.ui.messages('error').pop() ?? '', /"direction" must be "asc" \| "desc"/);
    assert.strictEqual(h.sandbox.requests.length, before);
  });
});
