// Saves under faults: whatever fails, the document keeps the user's text, stays dirty, says what
// happened, and saving again (VS Code's Retry) works once the server does.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { addApplication, replaceText, SANDBOX_APPS, SANDBOX_TOKENS, setting, useHarness } from './harness';
import { parseObject } from '../support/json';

const fleet = SANDBOX_APPS.demoFleet;

describe('Saving under faults', () => {
  const h = useHarness(() => addApplication(h, fleet.id, SANDBOX_TOKENS.full));

  async function editFirstKey() {
    const [key] = [...h.sandbox.state.losant.keys.values()].filter((k) => k.applicationId === fleet.id);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.editKey', { applicationId: fleet.id, keyId: key.id });
    const document = await vscode.workspace.openTextDocument(uri);
    const mine = JSON.stringify({ ...parseObject(document.getText()), description: `mine ${Date.now()}` }, null, 2);
    await replaceText(document, mine);
    return { key, uri, document, mine, description: parseObject(mine).description as string };
  }

  function problem(uri: vscode.Uri): string {
    return vscode.languages
      .getDiagnostics(uri)
      .filter((d) => d.source === 'App Keys')
      .map((d) => d.message)
      .join('\n');
  }

  for (const [fault, expectation] of [
    ['status503', /503/],
    ['status500', /500/],
    ['html', /text\/html, not JSON/],
    ['reset', /closed before the answer was complete \((ECONNRESET|UND_ERR_SOCKET|other side closed)\)/],
  ] as const) {
    it(`keeps the text dirty when the PATCH meets ${fault}, and saves on retry`, async () => {
      const { key, uri, document, mine, description } = await editFirstKey();
      h.sandbox.faults = { failNext: [fault], methods: ['PATCH'] };
      assert.strictEqual(await document.save(), false);
      assert.ok(document.isDirty);
      assert.strictEqual(document.getText(), mine);
      assert.match(problem(uri), expectation);
      assert.strictEqual(h.sandbox.requests.filter((r) => r.method === 'PATCH').length, 1, 'a failed update is not sent twice');
      assert.notStrictEqual(key.description, description);

      assert.ok(await document.save(), 'saving again works');
      assert.strictEqual(key.description, description);
      assert.ok(!document.isDirty);
    });
  }

  it('waits out a 429 with Retry-After and saves without the user noticing', async () => {
    const { key, document, description } = await editFirstKey();
    h.sandbox.faults = { failNext: ['status429'], methods: ['PATCH'], retryAfterSeconds: 1 };
    const started = Date.now();
    assert.ok(await document.save());
    assert.ok(Date.now() - started >= 900, 'Retry-After was honoured');
    assert.strictEqual(key.description, description);
    assert.deepStrictEqual(
      h.sandbox.requests.filter((r) => r.method === 'PATCH').map((r) => r.status),
      [429, 200],
    );
  });

  it('keeps the text after 429s that outlast the retries', async () => {
    const { uri, document, mine } = await editFirstKey();
    h.sandbox.faults = { failNext: ['status429', 'status429', 'status429'], methods: ['PATCH'], retryAfterSeconds: 0 };
    assert.strictEqual(await document.save(), false);
    assert.strictEqual(document.getText(), mine);
    assert.ok(document.isDirty);
    assert.match(problem(uri), /429/);
    assert.strictEqual(h.sandbox.requests.filter((r) => r.method === 'PATCH').length, 3);
  });

  it('keeps the text on a time-out; the retry finds the change already made and saves', async () => {
    await setting('requestTimeoutSeconds', 1);
    try {
      const { key, uri, document, mine, description } = await editFirstKey();
      h.sandbox.faults = { failNext: ['hang'], methods: ['PATCH'] };
      assert.strictEqual(await document.save(), false);
      assert.strictEqual(document.getText(), mine);
      assert.match(problem(uri), /timed out after 1000 ms/);
      // The hung PATCH was carried out: the retry sees a newer version and asks.
      assert.strictEqual(key.description, description);
      h.ui.answer('Overwrite');
      assert.ok(await document.save());
      assert.ok(!document.isDirty);
      assert.strictEqual(h.sandbox.requests.filter((r) => r.method === 'PATCH').length, 1, 'nothing left to send');
    } finally {
      await setting('requestTimeoutSeconds', undefined);
    }
  });

  it('lists with retries: a reset and a 502 on the way do not reach the user', async () => {
    h.sandbox.faults = { failNext: ['reset', 'status502'], methods: ['GET'] };
    await vscode.commands.executeCommand('appKeys.refresh');
    const [app] = (await h.api.tree.getChildren()) as unknown as object[];
    const [group] = (await h.api.tree.getChildren(app as never)) as unknown as object[];
    const items = (await h.api.tree.getChildren(group as never)) as unknown as { kind: string }[];
    assert.ok(items.some((i) => i.kind === 'item'));
    assert.ok(!items.some((i) => i.kind === 'message'));
    assert.ok(h.sandbox.faultCounts.reset === 1 && h.sandbox.faultCounts.status502 === 1);
  });
});
