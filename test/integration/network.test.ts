// Networks as users meet them, in the real extension host: a server whose authority the machine does not
// trust, a port nobody listens on, and a proxy that wants credentials (VS Code's http.proxy and
// http.proxyAuthorization settings, CONNECT to the HTTPS sandbox). The cause is named in the tree's
// error item and in notifications, never a bare "fetch failed".
import * as assert from 'assert';
import * as vscode from 'vscode';
import { startProxy, startSandbox, type LoopbackProxy, type Sandbox } from '../sandbox';
import { createTestAuthority } from '../support/testCertificates';
import { configure, keyGroup, label, SANDBOX_APPS, SANDBOX_TOKENS, useHarness } from './harness';

const fleet = SANDBOX_APPS.demoFleet;

async function httpSetting(name: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('http').update(name, value, vscode.ConfigurationTarget.Global);
}

describe('Networks: certificates, refused connections and proxies', () => {
  const h = useHarness();
  let untrusted: Sandbox;

  before(async () => {
    // Signed by an authority made here, which the host was never told about.
    untrusted = await startSandbox({ port: 0, tls: createTestAuthority('An authority nobody trusts').server });
  });
  after(async () => {
    await untrusted.close();
  });

  async function add(apiUrl: string): Promise<void> {
    await vscode.commands.executeCommand('appKeys.addApplication', { platform: 'losant', apiUrl, token: SANDBOX_TOKENS.full, applicationId: fleet.id });
  }

  it("names an untrusted certificate in the tree's error item and in the notification", async () => {
    await add(untrusted.url);
    const notification = h.ui.messages('error').pop() ?? '';
    assert.match(notification, /certificate is not from an authority App Keys trusts \((SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\)/);
    assert.match(notification, /http\.systemCertificates.*NODE_EXTRA_CA_CERTS/);
    assert.doesNotMatch(notification, /fetch failed/);
    assert.strictEqual(untrusted.requests.length, 0, 'no request was sent over the untrusted connection');

    await configure([{ platform: 'losant', applicationId: fleet.id, apiUrl: untrusted.url }]);
    await vscode.commands.executeCommand('appKeys.setToken', { applicationId: fleet.id, token: SANDBOX_TOKENS.full });
    const { items } = await keyGroup(h, fleet.id);
    assert.strictEqual(items[0].kind, 'message');
    assert.match(label(h, items[0]), /^Error: .*certificate is not from an authority App Keys trusts/);
  });

  it('names a refused connection', async () => {
    const closed = await startSandbox({ port: 0, plainHttp: true });
    await closed.close();
    await add(closed.url);
    assert.match(h.ui.messages('error').pop() ?? '', new RegExp(`127\\.0\\.0\\.1:${closed.port} refused the connection \\(ECONNREFUSED\\)`));
  });

  describe('a proxy that wants credentials', () => {
    const credentials = { username: 'vscode-user', password: 'Pr0xy-Pa55-in-the-host' };
    let proxy: LoopbackProxy;
    before(async () => {
      proxy = await startProxy({ port: 0, auth: credentials });
    });
    after(async () => {
      for (const name of ['proxy', 'proxyAuthorization']) await httpSetting(name, undefined);
      await proxy.close();
    });

    it('says so and where to set them; works with http.proxyAuthorization, and with them in http.proxy', async () => {
      await httpSetting('proxy', proxy.url);
      await add(h.sandbox.url);
      const refused = h.ui.messages('error').pop() ?? '';
      assert.match(refused, new RegExp(`The proxy 127\\.0\\.0\\.1:${proxy.port} wants credentials \\(407 Proxy Authentication Required\\)`));
      assert.match(refused, /http\.proxyAuthorization/);
      assert.deepStrictEqual(vscode.workspace.getConfiguration('appKeys').get('applications'), []);

      await httpSetting('proxyAuthorization', `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`);
      await add(h.sandbox.url);
      assert.strictEqual((vscode.workspace.getConfiguration('appKeys').get<unknown[]>('applications') ?? []).length, 1);
      const { items } = await keyGroup(h, fleet.id);
      assert.ok(items.length > 1 && items.every((item) => item.kind !== 'message'), 'the keys are listed through the proxy');

      await httpSetting('proxyAuthorization', undefined);
      await httpSetting('proxy', `http://${credentials.username}:${encodeURIComponent(credentials.password)}@127.0.0.1:${proxy.port}`);
      await vscode.commands.executeCommand('appKeys.refresh');
      const again = await keyGroup(h, fleet.id);
      assert.ok(again.items.length > 1 && again.items.every((item) => item.kind !== 'message'), 'listed with the credentials in the proxy URL');
      assert.ok(proxy.requests.length >= 2 && proxy.requests.every((r) => r.method === 'CONNECT' && r.target === `127.0.0.1:${h.sandbox.port}`));
      for (const message of h.ui.messages('error')) assert.ok(!message.includes(credentials.password));
    });
  });
});
