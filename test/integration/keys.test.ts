import * as assert from 'assert';
import * as vscode from 'vscode';
import { addApplication, children, keyGroup, label, replaceText, SANDBOX_APPS, sandboxFetch, SANDBOX_TOKENS, setting, useHarness, waitFor } from './harness';
import { CLOSE_SECRETS, DISMISS } from './scriptedUserInput';
import { asOneLine, assertElements, HOSTILE_NAMES, readableText, renderMarkdown } from '../support/markdown';
import { parseObject } from '../support/json';

const fleet = SANDBOX_APPS.demoFleet;

describe('Application keys', () => {
  const h = useHarness(async () => {
    await setting('pageSize', 10);
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
  });

  function serverKeys(applicationId = fleet.id) {
    return [...h.sandbox.state.losant.keys.values()].filter((k) => k.applicationId === applicationId);
  }
  function firstKey() {
    return serverKeys().sort((a, b) => (a.creationDate < b.creationDate ? 1 : -1))[0];
  }

  it('lists keys a page at a time, with "Load more" until all are shown', async () => {
    const total = serverKeys().length;
    const loaded = await keyGroup(h, fleet.id);
    const group = loaded.group;
    let items = loaded.items;
    assert.strictEqual(items.filter((i) => i.kind === 'item').length, 10);
    const more = () => items.find((i) => i.kind === 'loadMore' && !i.all);
    assert.ok(more());
    assert.deepStrictEqual(
      items.filter((i) => i.kind === 'loadMore').map((i) => label(h, i)),
      [`Load more… (10 of ${total})`, `Load all (${total})`],
    );
    assert.strictEqual(h.api.tree.getTreeItem(group as never).description, String(total));
    while (more()) {
      await vscode.commands.executeCommand('appKeys.loadMore', more());
      items = await children(h, group);
    }
    const shown = items.filter((i) => i.kind === 'item').map((i) => (i.item as { id: string }).id);
    assert.strictEqual(shown.length, total);
    assert.deepStrictEqual(new Set(shown), new Set(serverKeys().map((k) => k.id)));
    const lists = h.sandbox.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/keys'));
    assert.deepStrictEqual(
      lists.map((r) => r.query.page),
      ['0', '1', '2'],
    );
  });

  it('shows status by icon and description, and key fields in the tooltip as text, hostile names included', async () => {
    const inactive = serverKeys().find((k) => k.status === 'inactive');
    assert.ok(inactive, 'the seed has an inactive key');
    const hostile = [inactive, ...serverKeys().filter((k) => k !== inactive)].slice(0, HOSTILE_NAMES.length);
    assert.strictEqual(hostile.length, HOSTILE_NAMES.length, 'the seed has a key for each hostile name');
    hostile.forEach((key, i) => (key.name = HOSTILE_NAMES[i]));
    await vscode.commands.executeCommand('appKeys.refresh');
    await setting('pageSize', 100);
    const { items } = await keyGroup(h, fleet.id);
    const nodeOf = (id: string) => items.find((i) => (i.item as { id: string } | undefined)?.id === id);
    const first = h.api.tree.getTreeItem(nodeOf(inactive.id) as never);
    assert.match(String(first.description), /^inactive/);
    assert.strictEqual((first.iconPath as vscode.ThemeIcon).id, 'circle-slash');
    for (const [i, key] of hostile.entries()) {
      const node = nodeOf(key.id);
      assert.ok(node, `${key.id} is in the tree`);
      const item = h.api.tree.getTreeItem(node as never);
      assert.strictEqual(item.tooltip, undefined, 'built on hover, not up front');
      const tooltip = (await h.api.tree.resolveTreeItem(item, node as never, new vscode.CancellationTokenSource().token)).tooltip as vscode.MarkdownString;
      assert.ok(!tooltip.isTrusted && !tooltip.supportHtml && !tooltip.supportThemeIcons, 'no command links, HTML or icons');
      assert.ok(!tooltip.value.includes(key.secret), 'no secret in the tooltip');
      // The name in bold, then a list of the shown fields, each `field`: `value`; nothing more.
      const data = (node.item as { data: Record<string, unknown> }).data;
      const fields = Object.entries(data).filter(([field, value]) => !['id', 'applicationId'].includes(field) && value !== undefined && value !== '').length;
      const html = renderMarkdown(tooltip.value);
      assertElements(html, { p: 1, strong: 1, ul: 1, li: fields, code: 1 + 2 * fields });
      assert.ok(readableText(html).includes(asOneLine(HOSTILE_NAMES[i])), `${JSON.stringify(HOSTILE_NAMES[i])} is readable in ${html}`);
    }
  });

  it('fetches a key as read-only JSON without its secret', async () => {
    const key = firstKey();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.fetchKey', { applicationId: fleet.id, keyId: key.id });
    const document = await vscode.workspace.openTextDocument(uri);
    const shown = parseObject(document.getText());
    assert.strictEqual(shown.id, key.id);
    assert.strictEqual(shown.key, key.key);
    assert.strictEqual(shown.secret, undefined);
    assert.ok(!document.getText().includes(key.secret));
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('{}'))));
  });

  it('edits a key: the document holds the patchable fields, saving sends exactly the changed ones', async () => {
    const key = firstKey();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.editKey', { applicationId: fleet.id, keyId: key.id });
    const document = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(document.languageId, 'json');
    const fields = parseObject(document.getText());
    assert.deepStrictEqual(
      Object.keys(fields).filter(
        (f) => !['status', 'name', 'description', 'filterType', 'pubTopics', 'subTopics', 'addressFilterType', 'addresses'].includes(f),
      ),
      [],
    );
    const before = h.sandbox.requests.length;
    const lastUpdated = key.lastUpdated;

    const status = key.status === 'active' ? 'inactive' : 'active';
    await replaceText(document, JSON.stringify({ ...fields, description: 'Rotated in Q3', status }, null, 2));
    assert.ok(await document.save(), 'the save succeeded');

    const patches = h.sandbox.requests.slice(before).filter((r) => r.method === 'PATCH');
    assert.strictEqual(patches.length, 1);
    assert.deepStrictEqual(patches[0].body, { description: 'Rotated in Q3', status });
    assert.strictEqual(key.description, 'Rotated in Q3');
    assert.notStrictEqual(key.lastUpdated, lastUpdated);
    assert.strictEqual(document.isDirty, false);
    const { items } = await keyGroup(h, fleet.id);
    const node = items.find((i) => (i.item as { id: string } | undefined)?.id === key.id);
    const shownStatus = /^inactive/.test(String(h.api.tree.getTreeItem(node as never).description)) ? 'inactive' : 'active';
    assert.strictEqual(shownStatus, status, 'the tree shows the new status');
  });

  it('refuses an invalid edit: nothing is sent, problems are shown at their places, the text stays dirty', async () => {
    const key = firstKey();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.editKey', { applicationId: fleet.id, keyId: key.id });
    const document = await vscode.workspace.openTextDocument(uri);
    const bad = '{\n  "status": "paused",\n  "owner": "me"\n}\n';
    await replaceText(document, bad);
    const before = h.sandbox.requests.length;

    assert.strictEqual(await document.save(), false, 'the save was refused');
    assert.strictEqual(h.sandbox.requests.length, before, 'no request reached the sandbox');
    assert.strictEqual(document.isDirty, true);
    assert.strictEqual(document.getText(), bad, 'the text is unchanged');
    const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'App Keys');
    assert.deepStrictEqual(ours.map((d) => d.range.start.line).sort(), [1, 2]);
    assert.ok(ours.some((d) => /"owner" is not allowed/.test(d.message)));
    assert.ok(ours.some((d) => /status.*must be one of: "active", "inactive"/.test(d.message)));
    // App Keys checks the same schema while typing (the save's problems give way to the live ones).
    const live = await waitFor('problems while typing', () => {
      const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'App Keys');
      return found.length >= 2 ? found : undefined;
    });
    assert.deepStrictEqual([...new Set(live.map((d) => d.range.start.line))].sort(), [1, 2]);
  });

  it('refuses invalid JSON syntax without sending anything', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.editKey', { applicationId: fleet.id, keyId: firstKey().id });
    const document = await vscode.workspace.openTextDocument(uri);
    await replaceText(document, '{ "name": "x", }');
    const before = h.sandbox.requests.length;
    assert.strictEqual(await document.save(), false);
    assert.strictEqual(h.sandbox.requests.length, before);
    assert.ok(document.isDirty);
  });

  it('asks before overwriting a key changed on the server, and keeps the text when cancelled', async () => {
    const key = firstKey();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.editKey', { applicationId: fleet.id, keyId: key.id });
    const document = await vscode.workspace.openTextDocument(uri);
    // Someone else changes the key.
    const other = await sandboxFetch(`${h.sandbox.url}/applications/${fleet.id}/keys/${key.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${SANDBOX_TOKENS.full}`, 'content-type': 'application/json' },
      body: JSON.stringify({ description: 'theirs' }),
    });
    assert.strictEqual(other.status, 200);
    const mine = JSON.stringify({ ...parseObject(document.getText()), description: 'mine' }, null, 2);
    await replaceText(document, mine);

    h.ui.answer(DISMISS);
    assert.strictEqual(await document.save(), false);
    assert.ok(document.isDirty);
    assert.strictEqual(document.getText(), mine);
    assert.strictEqual(key.description, 'theirs');
    assert.match(h.ui.messages('confirm').pop() ?? '', /changed on the server/);

    h.ui.answer('Overwrite');
    assert.ok(await document.save());
    assert.strictEqual(key.description, 'mine');
  });

  it("opens a diff of the server version and the user's text on Compare; the next save overwrites", async () => {
    const key = firstKey();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.editKey', { applicationId: fleet.id, keyId: key.id });
    const document = await vscode.workspace.openTextDocument(uri);
    key.description = 'changed elsewhere';
    key.lastUpdated = new Date(Date.parse(key.lastUpdated) + 1000).toISOString();
    const mine = JSON.stringify({ ...parseObject(document.getText()), description: 'mine after compare' }, null, 2);
    await replaceText(document, mine);

    h.ui.answer('Compare');
    assert.strictEqual(await document.save(), false);
    assert.strictEqual(document.getText(), mine);
    const diff = await waitFor('the diff editor', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .map((t) => t.input)
        .find((i): i is vscode.TabInputTextDiff => i instanceof vscode.TabInputTextDiff),
    );
    assert.strictEqual(diff.modified.toString(), uri.toString());
    assert.strictEqual(diff.original.scheme, 'appkeys-view');
    const server = await vscode.workspace.openTextDocument(diff.original);
    assert.strictEqual(parseObject(server.getText()).description, 'changed elsewhere');

    assert.ok(await document.save(), 'the save after Compare goes through');
    assert.strictEqual(key.description, 'mine after compare');
  });

  it('says so and keeps the text when the key was deleted on the server', async () => {
    const key = firstKey();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.editKey', { applicationId: fleet.id, keyId: key.id });
    const document = await vscode.workspace.openTextDocument(uri);
    h.sandbox.state.losant.keys.delete(key.id);
    const mine = JSON.stringify({ ...parseObject(document.getText()), description: 'kept' }, null, 2);
    await replaceText(document, mine);
    assert.strictEqual(await document.save(), false);
    assert.ok(document.isDirty);
    assert.strictEqual(document.getText(), mine);
    assert.ok(!h.sandbox.requests.some((r) => r.method === 'PATCH'));
  });

  it('creates a key and shows its one-time secret in a modal, storing it nowhere', async () => {
    const before = serverKeys().length;
    h.ui.answer('Gateway 7', 'Truck 7 gateway', ...CLOSE_SECRETS);
    const created = await vscode.commands.executeCommand<{ item: { id: string }; oneTimeSecrets: { label: string; value: string }[] }>('appKeys.createKey', {
      applicationId: fleet.id,
    });
    assert.strictEqual(serverKeys().length, before + 1);
    const server = h.sandbox.state.losant.keys.get(created.item.id);
    assert.ok(server);
    assert.strictEqual(server.name, 'Gateway 7');
    assert.strictEqual(server.description, 'Truck 7 gateway');
    const post = h.sandbox.requests.find((r) => r.method === 'POST');
    assert.deepStrictEqual(post?.body, { name: 'Gateway 7', description: 'Truck 7 gateway' });
    const modal = await waitFor('the secret modal', () => h.ui.shown.find((m) => m.level === 'info' && m.message.startsWith('Created application key')));
    assert.ok(modal.detail?.includes(`key: ${server.key}\nsecret: ${server.secret}`), `the modal shows the key and its secret: ${modal.detail}`);
    assert.deepStrictEqual(modal.items.slice(0, 4), ['Copy All as .env Lines', 'Copy key', 'Copy secret', 'Save to File…']);
    const { items } = await keyGroup(h, fleet.id);
    assert.ok(
      items.some((i) => (i.item as { id: string } | undefined)?.id === server.id),
      'the new key is in the tree',
    );
    const settings = JSON.stringify(vscode.workspace.getConfiguration('appKeys'));
    assert.ok(!settings.includes(server.secret));
  });

  it("copies a key's secret from the modal with its Copy button", async () => {
    h.ui.answer('Copy secret', DISMISS);
    const created = await vscode.commands.executeCommand<{ item: { id: string } }>('appKeys.createKey', {
      applicationId: fleet.id,
      name: 'Copied',
      description: '',
    });
    const server = h.sandbox.state.losant.keys.get(created.item.id);
    await waitFor('the clipboard', async () => ((await vscode.env.clipboard.readText()) === server?.secret ? true : undefined));
  });

  it('deletes a key after a confirmation that names it', async () => {
    const key = firstKey();
    h.ui.answer('Delete');
    await vscode.commands.executeCommand('appKeys.deleteKey', { applicationId: fleet.id, keyId: key.id });
    assert.ok(!h.sandbox.state.losant.keys.has(key.id));
    const confirm = h.ui.shown.find((m) => m.level === 'confirm');
    assert.ok(confirm?.message.includes(key.name ?? key.key), confirm?.message);
  });

  it('keeps the key when the deletion is not confirmed, and skips the question when confirmDelete is off', async () => {
    const [a, b] = serverKeys();
    h.ui.answer(DISMISS);
    await vscode.commands.executeCommand('appKeys.deleteKey', { applicationId: fleet.id, keyId: a.id });
    assert.ok(h.sandbox.state.losant.keys.has(a.id));
    await setting('confirmDelete', false);
    await vscode.commands.executeCommand('appKeys.deleteKey', { applicationId: fleet.id, keyId: b.id });
    assert.ok(!h.sandbox.state.losant.keys.has(b.id));
  });

  it('names the scopes a read-only token lacks when a write is refused (403)', async () => {
    await vscode.commands.executeCommand('appKeys.clearToken', { applicationId: fleet.id });
    h.ui.answer(SANDBOX_TOKENS.readOnly);
    await vscode.commands.executeCommand('appKeys.setToken', { applicationId: fleet.id });
    const key = firstKey();
    await setting('confirmDelete', false);
    await vscode.commands.executeCommand('appKeys.deleteKey', { applicationId: fleet.id, keyId: key.id });
    assert.ok(h.sandbox.state.losant.keys.has(key.id));
    const error = h.ui.messages('error').pop() ?? '';
    assert.match(error, /403/);
    assert.match(error, /applicationKey\.delete/);
    assert.match(error, /all\.Application/);
    assert.ok(!error.includes(SANDBOX_TOKENS.readOnly));
  });

  it('offers to update a refused token, then retries the command with one click', async () => {
    const key = firstKey();
    await vscode.commands.executeCommand('appKeys.setToken', { applicationId: fleet.id, token: 'revoked-token-value' });
    const { items } = await keyGroup(h, fleet.id);
    assert.deepStrictEqual(
      items.map((i) => label(h, i).replace(/:.*/s, '')),
      ['Error', 'Update API token…'],
      'the tree offers the fix',
    );
    h.ui.answer('Update API token…', SANDBOX_TOKENS.full, 'Retry');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.fetchKey', { applicationId: fleet.id, keyId: key.id });
    assert.ok(uri, 'the retried command returned the document');
    assert.strictEqual(parseObject((await vscode.workspace.openTextDocument(uri)).getText()).id, key.id);
    assert.match(h.ui.messages('error')[0] ?? '', /401/);
  });

  it('picks the application and key from quick picks when run from the palette', async () => {
    const key = firstKey();
    h.ui.answer(key.id);
    const copied = await vscode.commands.executeCommand<string>('appKeys.copyId');
    assert.strictEqual(copied, key.id);
    assert.strictEqual(await vscode.env.clipboard.readText(), key.id);
    const value = await vscode.commands.executeCommand<string>('appKeys.copyKey', { applicationId: fleet.id, keyId: key.id });
    assert.strictEqual(value, key.key);
  });

  it('refuses an ID that is not 24 hex digits before any request', async () => {
    const before = h.sandbox.requests.length;
    await vscode.commands.executeCommand('appKeys.fetchKey', { applicationId: fleet.id, keyId: '../../applications' });
    assert.strictEqual(h.sandbox.requests.length, before);
    assert.match(h.ui.messages('error').pop() ?? '', /Invalid application key ID/);
    assert.strictEqual(label(h, (await children(h))[0]), fleet.name);
  });
});
