import * as assert from 'assert';
import * as vscode from 'vscode';
import { addApplication, children, label, replaceText, SANDBOX_APPS, sandboxFetch, SANDBOX_TOKENS, setting, useHarness, waitFor } from './harness';
import { CLOSE_SECRETS, DISMISS } from './scriptedUserInput';
import { parseObject } from '../support/json';

const fleet = SANDBOX_APPS.demoFleet;

describe('Losant API tokens', () => {
  const h = useHarness(() => addApplication(h, fleet.id, SANDBOX_TOKENS.full));

  const serverTokens = () => [...h.sandbox.state.losant.apiTokens.values()].filter((t) => t.applicationId === fleet.id);
  const activeToken = () =>
    serverTokens().find((t) => t.status === 'active' && t.token !== SANDBOX_TOKENS.singleApp && t.token !== SANDBOX_TOKENS.keysReadOnly) ?? serverTokens()[0];

  async function tokenGroup() {
    const [app] = await children(h);
    const groups = await children(h, app);
    assert.deepStrictEqual(
      groups.map((g) => label(h, g)),
      ['Application Keys', 'API Tokens'],
    );
    return { group: groups[1], items: await children(h, groups[1]) };
  }

  it("lists the application's tokens beside its keys", async () => {
    const { group, items } = await tokenGroup();
    const shown = items.filter((i) => i.kind === 'item').map((i) => (i.item as { id: string }).id);
    assert.deepStrictEqual(new Set(shown), new Set(serverTokens().map((t) => t.id)));
    assert.strictEqual(h.api.tree.getTreeItem(group as never).description, String(serverTokens().length));
    const item = h.api.tree.getTreeItem(items[0] as never);
    // The kind's abilities, not its name: tokens have a status, and no rotation or value to copy.
    assert.match(String(item.contextValue), /^item:(active|inactive):status$/);
    assert.strictEqual(item.command?.command, 'appKeys.fetch');
  });

  it('fetches a token as read-only JSON without the token string', async () => {
    const token = activeToken();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.fetchToken', { applicationId: fleet.id, tokenId: token.id });
    const document = await vscode.workspace.openTextDocument(uri);
    const shown = parseObject(document.getText());
    assert.strictEqual(shown.id, token.id);
    assert.strictEqual(shown.token, undefined);
    assert.ok(!document.getText().includes(token.token));
  });

  it('edits a token: saving sends exactly the changed fields', async () => {
    const token = activeToken();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.editToken', { applicationId: fleet.id, tokenId: token.id });
    const document = await vscode.workspace.openTextDocument(uri);
    const fields = parseObject(document.getText());
    assert.ok(
      Object.keys(fields).every((f) => ['name', 'description', 'status', 'defaultRole', 'orgRoles'].includes(f)),
      Object.keys(fields).join(),
    );
    await replaceText(document, JSON.stringify({ ...fields, name: 'Renamed token' }, null, 2));
    assert.ok(await document.save());
    const patch = h.sandbox.requests.filter((r) => r.method === 'PATCH');
    assert.strictEqual(patch.length, 1);
    assert.strictEqual(patch[0].path, `/applications/${fleet.id}/tokens/${token.id}`);
    assert.deepStrictEqual(patch[0].body, { name: 'Renamed token' });
    assert.strictEqual(token.name, 'Renamed token');
    assert.ok(!document.isDirty);
  });

  it('refuses an invalid token edit: nothing sent, problems shown, still dirty', async () => {
    const token = activeToken();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.editToken', { applicationId: fleet.id, tokenId: token.id });
    const document = await vscode.workspace.openTextDocument(uri);
    const bad = '{\n  "name": "ok",\n  "scope": ["all.Application"],\n  "status": "paused"\n}\n';
    await replaceText(document, bad);
    const before = h.sandbox.requests.length;
    assert.strictEqual(await document.save(), false);
    assert.strictEqual(h.sandbox.requests.length, before);
    assert.ok(document.isDirty);
    assert.strictEqual(document.getText(), bad);
    const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'App Keys');
    assert.deepStrictEqual(ours.map((d) => d.range.start.line).sort(), [2, 3]);
    const live = await waitFor('problems while typing, for tokens', () => {
      const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'App Keys');
      return found.length >= 2 ? found : undefined;
    });
    assert.ok(live.some((d) => d.range.start.line === 2));
  });

  it('creates a token with picked scopes and shows the one-time token', async () => {
    h.ui.answer('Deploy bot', '', '2030-01-31', 'applicationKeys.get|applicationKey.get', ...CLOSE_SECRETS);
    const created = await vscode.commands.executeCommand<{ item: { id: string } }>('appKeys.createToken', { applicationId: fleet.id });
    const server = h.sandbox.state.losant.apiTokens.get(created.item.id);
    assert.ok(server);
    assert.deepStrictEqual(server.scope, ['applicationKeys.get', 'applicationKey.get']);
    assert.strictEqual(server.expirationDate, '2030-01-31T00:00:00.000Z');
    assert.strictEqual(server.description, undefined, 'a blank description is not sent');
    const modal = await waitFor('the token modal', () => h.ui.shown.find((m) => m.message.startsWith('Created API token')));
    assert.ok(modal.detail?.includes(server.token));
    assert.deepStrictEqual(modal.items.slice(0, 2), ['Copy token', 'Save to File…']);
  });

  it('deletes a token after confirmation', async () => {
    const token = activeToken();
    h.ui.answer('Delete');
    await vscode.commands.executeCommand('appKeys.deleteToken', { applicationId: fleet.id, tokenId: token.id });
    assert.ok(!h.sandbox.state.losant.apiTokens.has(token.id));
    assert.match(h.ui.messages('confirm')[0] ?? '', /Delete API token/);
  });

  it('warns before deleting or deactivating the very token App Keys uses', async () => {
    const made = await sandboxFetch(`${h.sandbox.url}/applications/${fleet.id}/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SANDBOX_TOKENS.full}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'App Keys itself', scope: ['all.Application'] }),
    });
    const own = (await made.json()) as { id: string; token: string };
    await vscode.commands.executeCommand('appKeys.setToken', { applicationId: fleet.id, token: own.token });
    await setting('confirmDelete', false);

    h.ui.answer(DISMISS);
    await vscode.commands.executeCommand('appKeys.deleteToken', { applicationId: fleet.id, tokenId: own.id });
    assert.ok(h.sandbox.state.losant.apiTokens.has(own.id), 'not deleted');
    assert.match(h.ui.shown.at(-1)?.message ?? '', /App Keys itself uses/);
    assert.deepStrictEqual(h.ui.shown.at(-1)?.items, ['Delete Anyway']);

    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.editToken', { applicationId: fleet.id, tokenId: own.id });
    const document = await vscode.workspace.openTextDocument(uri);
    await replaceText(document, JSON.stringify({ ...parseObject(document.getText()), status: 'inactive' }, null, 2));
    h.ui.answer(DISMISS);
    assert.strictEqual(await document.save(), false);
    assert.ok(document.isDirty);
    assert.strictEqual(h.sandbox.state.losant.apiTokens.get(own.id)?.status, 'active');
    assert.deepStrictEqual(h.ui.shown.at(-1)?.items, ['Deactivate Anyway']);
  });
});
