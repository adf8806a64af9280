// One masking boundary: a hostile server echoes every credential it is sent in every error body it
// can send, on every command path; no secret reaches a message, the tree, a tooltip, a document or
// the log. And secret fields of answers (Elastic Path's client_secret) are hidden everywhere.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { SANDBOX_EP, SANDBOX_EP_KEYS } from '../sandbox';
import { scanForSecrets } from '../support/secretScan';
import { figure } from './figures';
import { addElasticPathStore, addApplication, keyGroup, SANDBOX_APPS, SANDBOX_TOKENS, secretsSeen, useHarness, waitFor, type Harness } from './harness';
import { parseObject } from '../support/json';

const fleet = SANDBOX_APPS.demoFleet;
const STATUSES = [400, 401, 403, 404, 409, 429, 500];

function planted(kind: string): string {
  const value = `planted-${kind}-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  secretsSeen.add(value);
  return value;
}

interface TreeNodeLike {
  kind: string;
}

/** Everything the tree shows: labels, descriptions, tooltips (as on hover), for every node. */
async function treeText(h: Harness): Promise<string> {
  const parts: string[] = [];
  const visit = async (node?: TreeNodeLike): Promise<void> => {
    for (const child of (await h.api.tree.getChildren(node as never)) as unknown as TreeNodeLike[]) {
      const item = await h.api.tree.resolveTreeItem(h.api.tree.getTreeItem(child as never), child as never, new vscode.CancellationTokenSource().token);
      const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? '');
      parts.push(String(typeof item.label === 'string' ? item.label : item.label?.label), String(item.description ?? ''), tooltip);
      if (child.kind === 'application' || child.kind === 'group') await visit(child);
    }
  };
  await visit();
  return parts.join('\n');
}

function shownText(h: Harness): string {
  // One-time secrets are the one thing shown in clear, in their own modal: no create succeeds here.
  return h.ui.shown.map((m) => `${m.message}\n${m.detail ?? ''}\n${m.items.join(' ')}`).join('\n') + h.ui.progress.join('\n');
}

describe('Secrets echoed by a hostile server', () => {
  const h = useHarness(async () => {
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
    await addElasticPathStore(h, 'Demo Store');
  });

  const keyId = () => [...h.sandbox.state.losant.keys.values()].find((k) => k.applicationId === fleet.id)!.id;
  const epKey = SANDBOX_EP_KEYS.storefront.id;

  /** Every command path that sends a credential, each run while every answer echoes the request. */
  function paths(secrets: { typedToken: string; argToken: string; clientSecret: string }): [string, () => Thenable<unknown> | Promise<unknown>][] {
    const losant = { applicationId: fleet.id };
    const ep = { applicationId: SANDBOX_EP.storeId };
    return [
      [
        'add application (token typed)',
        () => {
          // A token stored for the host already is offered first: a new one is typed.
          const stored = h.api.credentialRecords().some((r) => r.platform === 'losant' && r.origin === new URL(h.sandbox.url).origin);
          h.ui.answer('Losant', 'Other host…', h.sandbox.url, ...(stored ? ['$(add) New API token…'] : []), secrets.typedToken);
          return vscode.commands.executeCommand('appKeys.addApplication');
        },
      ],
      [
        'add application (token argument)',
        () =>
          vscode.commands.executeCommand('appKeys.addApplication', {
            platform: 'losant',
            apiUrl: h.sandbox.url,
            token: secrets.argToken,
            applicationId: SANDBOX_APPS.emptyApp.id,
          }),
      ],
      [
        'add store (client secret argument)',
        () =>
          vscode.commands.executeCommand('appKeys.addApplication', {
            platform: 'elasticpath',
            apiUrl: h.sandbox.url,
            clientId: 'echo-client',
            clientSecret: secrets.clientSecret,
            applicationId: SANDBOX_EP.storeId,
          }),
      ],
      [
        'tree',
        async () => {
          await vscode.commands.executeCommand('appKeys.refresh');
          await treeText(h);
        },
      ],
      ['fetch', () => vscode.commands.executeCommand('appKeys.fetchKey', { ...losant, keyId: keyId() })],
      ['fetch (Elastic Path)', () => vscode.commands.executeCommand('appKeys.fetchKey', { ...ep, keyId: epKey })],
      ['pick from the palette', () => vscode.commands.executeCommand('appKeys.fetchKey', losant)],
      ['edit', () => vscode.commands.executeCommand('appKeys.editKey', { ...losant, keyId: keyId() })],
      ['create', () => vscode.commands.executeCommand('appKeys.createKey', { ...losant, name: 'echo', description: '' })],
      ['create (Elastic Path)', () => vscode.commands.executeCommand('appKeys.createKey', { ...ep, name: 'echo', reserved_rate_limit: 1 })],
      ['delete', () => vscode.commands.executeCommand('appKeys.deleteKey', { ...losant, keyId: keyId() })],
      ['deactivate', () => vscode.commands.executeCommand('appKeys.deactivate', { ...losant, keyId: keyId() })],
      ['copy key', () => vscode.commands.executeCommand('appKeys.copyKey', { ...losant, keyId: keyId() })],
      ['rotate', () => vscode.commands.executeCommand('appKeys.rotateKey', { ...losant, keyId: keyId(), name: 'echo rotated' })],
      ['load all', () => vscode.commands.executeCommand('appKeys.loadAll', losant)],
      ['stale keys report', () => vscode.commands.executeCommand('appKeys.staleKeysReport', { days: 30 })],
    ];
  }

  it('shows no token, client secret or access token on any command path, whatever the error status', async function () {
    this.timeout(120_000);
    await vscode.workspace.getConfiguration('appKeys').update('requestTimeoutSeconds', 5, vscode.ConfigurationTarget.Global);
    const secrets = { typedToken: planted('typed-token'), argToken: planted('argument-token'), clientSecret: planted('client-secret') };
    // Known to the sandbox, so a real access token exists to be echoed.
    await vscode.commands.executeCommand('appKeys.refresh');
    await keyGroup(h, SANDBOX_EP.storeId);
    const accessTokens = [...h.sandbox.state.elasticpath.accessTokens.keys()];
    assert.ok(accessTokens.length > 0, 'an Elastic Path access token was handed out');
    const all = new Map<string, string>([
      ['typed Losant token', secrets.typedToken],
      ['Losant token argument', secrets.argToken],
      ['Elastic Path client secret argument', secrets.clientSecret],
      ['the configured Losant token', SANDBOX_TOKENS.full],
      ['the configured client secret', SANDBOX_EP.clientSecret],
      ...accessTokens.map((t, i): [string, string] => [`access token #${i + 1}`, t]),
    ]);
    let runs = 0;
    for (const status of STATUSES) {
      for (const [name, run] of paths(secrets)) {
        h.sandbox.faults = { rate: 1, kinds: ['echo'], echoStatus: status, retryAfterSeconds: 0 };
        const before = h.sandbox.requests.length;
        try {
          await run();
        } catch {
          // Documents that cannot open reject; what they showed is checked below.
        }
        h.sandbox.faults = { rate: 0, kinds: [] };
        assert.ok(h.sandbox.requests.length > before, `${name} (${status}) sent a request to be echoed`);
        const echoed = h.sandbox.requests.slice(before).some((r) => r.fault === 'echo');
        assert.ok(echoed, `${name} (${status}) got an echo`);
        const documents = vscode.workspace.textDocuments.map((d) => d.getText()).join('\n');
        const seen = `${shownText(h)}\n${await treeText(h)}\n${documents}`;
        for (const [secretName, value] of all) assert.ok(!seen.includes(value), `${secretName} shown after "${name}" with ${status}`);
        assert.strictEqual(h.ui.pending, 0, `${name}: unused answers`);
        h.ui.reset();
        runs++;
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      }
    }
    // The log, once written.
    const api = h.api;
    const session = path.dirname(path.dirname(api.logUri.fsPath));
    await waitFor('the App Keys log', () => scanForSecrets([session], new Map()).files.find((f) => f.endsWith('App Keys.log')));
    await new Promise((r) => setTimeout(r, 1500));
    const scan = scanForSecrets([session], all);
    const log = scan.files.find((f) => f.endsWith('App Keys.log'))!;
    assert.match(fs.readFileSync(log, 'utf8'), /Echo: /, 'the echoes reached the log (masked)');
    assert.deepStrictEqual(
      scan.hits.map((hit) => `${hit.secret} in ${hit.file}: ${hit.context}`),
      [],
    );
    figure(
      `echoing server: ${runs} command runs (${paths(secrets).length} paths × ${STATUSES.length} statuses), ${all.size} secrets planted or in use, 0 shown or logged`,
    );
  });

  it("hides Elastic Path's client_secret in fetched documents, tooltips and the report", async () => {
    const secret = h.sandbox.state.elasticpath.keys.get(epKey)!.client_secret;
    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.fetchKey', { applicationId: SANDBOX_EP.storeId, keyId: epKey });
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    assert.strictEqual(parseObject(text).client_secret, '(hidden)');
    assert.ok(!text.includes(secret));
    const { items } = await keyGroup(h, SANDBOX_EP.storeId);
    const tooltips = await Promise.all(
      items.map(
        async (node) =>
          (await h.api.tree.resolveTreeItem(h.api.tree.getTreeItem(node as never), node as never, new vscode.CancellationTokenSource().token))
            .tooltip as vscode.MarkdownString,
      ),
    );
    assert.ok(
      tooltips.every((t) => !t.value.includes(secret) && ![...h.sandbox.state.elasticpath.keys.values()].some((k) => t.value.includes(k.client_secret))),
    );
    assert.ok(
      tooltips.some((t) => t.value.includes('(hidden)')),
      'the tooltip says the secret is hidden',
    );
    const report = await vscode.commands.executeCommand<vscode.Uri>('appKeys.staleKeysReport', { days: 30 });
    const reportText = (await vscode.workspace.openTextDocument(report)).getText();
    assert.ok(![...h.sandbox.state.elasticpath.keys.values()].some((k) => reportText.includes(k.client_secret)));
    // The edit document holds only the updatable fields.
    const edit = await vscode.commands.executeCommand<vscode.Uri>('appKeys.editKey', { applicationId: SANDBOX_EP.storeId, keyId: epKey });
    assert.deepStrictEqual(Object.keys(parseObject((await vscode.workspace.openTextDocument(edit)).getText())).sort(), ['name', 'reserved_rate_limit']);
  });
});
