// Hostile configuration and proxies, in the real extension host.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { startProxy, type LoopbackProxy } from '../sandbox';
import { addApplication, children, keyGroup, label, SANDBOX_APPS, SANDBOX_TOKENS, useHarness } from './harness';

const fleet = SANDBOX_APPS.demoFleet;

describe('Security and proxies', () => {
  const h = useHarness();

  it('never sends a token to the host a workspace setting points an application at', async () => {
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
    const elsewhere = h.sandbox.url.replace('127.0.0.1', 'localhost');
    const config = vscode.workspace.getConfiguration('appKeys');
    await config.update(
      'applications',
      [{ platform: 'losant', applicationId: fleet.id, apiUrl: elsewhere, label: 'Moved' }],
      vscode.ConfigurationTarget.Workspace,
    );
    try {
      const before = h.sandbox.requests.length;
      const apps = await children(h);
      const moved = apps.find((a) => label(h, a) === 'Moved');
      assert.ok(moved, 'the workspace entry is shown');
      const [message] = await children(h, moved);
      assert.strictEqual(label(h, message), 'Set API token…');
      assert.strictEqual(h.sandbox.requests.length, before, 'nothing was sent to the other origin');
    } finally {
      await config.update('applications', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('refuses plain http to a host that is not loopback, before any request', async () => {
    await vscode.commands.executeCommand('appKeys.addApplication', {
      platform: 'losant',
      apiUrl: 'http://api.example.com',
      token: SANDBOX_TOKENS.full,
      applicationId: fleet.id,
    });
    assert.match(h.ui.messages('error').pop() ?? '', /must use https/);
    assert.deepStrictEqual(vscode.workspace.getConfiguration('appKeys').get('applications'), []);
    assert.strictEqual(h.sandbox.requests.length, 0);
  });

  it('shows an error item for an application whose apiUrl is not allowed, and sends nothing', async () => {
    await vscode.workspace
      .getConfiguration('appKeys')
      .update('applications', [{ platform: 'losant', applicationId: fleet.id, apiUrl: 'http://api.example.net' }], vscode.ConfigurationTarget.Global);
    const [app] = await children(h);
    const [item] = await children(h, app);
    assert.match(label(h, item), /^Error: API URLs must use https/);
    assert.strictEqual(h.sandbox.requests.length, 0);
  });

  // Issue 19, item 9: an ID is checked where settings are read, as its platform defines it; `8443:<id>` would
  // otherwise make https://h and https://h:8443 share a credential.
  it("shows an error item naming the setting for an applicationId that is not its platform's ID, and sends nothing", async () => {
    await vscode.workspace.getConfiguration('appKeys').update(
      'applications',
      [
        { platform: 'losant', applicationId: `8443:${fleet.id}`, apiUrl: h.sandbox.url, label: 'Port in the ID' },
        { platform: 'elasticpath', applicationId: 'not-a-store-uuid', apiUrl: h.sandbox.url, clientId: 'client', label: 'Not a UUID' },
      ],
      vscode.ConfigurationTarget.Global,
    );
    const apps = await children(h);
    assert.deepStrictEqual(
      apps.map((a) => label(h, a)),
      ['Port in the ID', 'Not a UUID'],
    );
    for (const app of apps) {
      const [item] = await children(h, app);
      assert.match(label(h, item), /^Error: .*"applicationId".*appKeys\.applications/, label(h, item));
    }
    assert.strictEqual(h.sandbox.requests.length, 0);
  });

  describe("through the proxy in VS Code's http.proxy setting", () => {
    let proxy: LoopbackProxy;
    before(async () => {
      proxy = await startProxy({ port: 0 });
    });
    after(async () => {
      await vscode.workspace.getConfiguration('http').update('proxy', undefined, vscode.ConfigurationTarget.Global);
      await vscode.workspace.getConfiguration('http').update('noProxy', undefined, vscode.ConfigurationTarget.Global);
      await proxy.close();
    });

    it('lists keys through the proxy, and directly again for hosts in http.noProxy', async () => {
      await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
      const http = vscode.workspace.getConfiguration('http');
      await http.update('proxy', proxy.url, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('appKeys.refresh');
      const { items } = await keyGroup(h, fleet.id);
      assert.ok(items.some((i) => i.kind === 'item'));
      assert.ok(
        proxy.requests.some((r) => r.target === new URL(h.sandbox.url).host),
        JSON.stringify(proxy.requests),
      );
      const proxied = proxy.requests.length;

      await http.update('noProxy', ['127.0.0.1'], vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('appKeys.refresh');
      await keyGroup(h, fleet.id);
      assert.strictEqual(proxy.requests.length, proxied, 'no new request went through the proxy');
    });
  });
});
