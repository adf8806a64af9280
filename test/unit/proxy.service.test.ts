// The service module through a proxy: VS Code's http.proxy / http.noProxy settings (passed in) and
// the HTTP_PROXY / NO_PROXY environment variables, against a counting proxy on loopback.
import * as assert from 'assert';
import { AppKeysService } from '../../src/core/service';
import { SANDBOX_APPS, SANDBOX_TOKENS, startProxy, type LoopbackProxy, type Sandbox } from '../sandbox';
import { useSandbox } from '../support/sandboxFixture';

const fleet = SANDBOX_APPS.demoFleet;
const ENV = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'];

describe('proxies (against a counting proxy on loopback)', () => {
  const fixture = useSandbox();
  let sandbox: Sandbox;
  let proxy: LoopbackProxy;
  const saved: Record<string, string | undefined> = {};

  before(async () => {
    sandbox = fixture.sandbox;
    proxy = await startProxy({ port: 0 });
    for (const name of ENV) saved[name] = process.env[name];
  });
  after(async () => {
    for (const name of ENV) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    await proxy.close();
  });
  beforeEach(() => {
    proxy.requests.length = 0;
    for (const name of ENV) delete process.env[name];
  });

  async function listThrough(service: AppKeysService): Promise<number> {
    try {
      const client = service.forApplication({ platform: 'losant', applicationId: fleet.id, apiUrl: sandbox.url }, SANDBOX_TOKENS.full);
      return (await client.list(client.resource('keys'), { page: 0, perPage: 5 })).items.length;
    } finally {
      await service.dispose();
    }
  }

  it('goes through http.proxy when it is set', async () => {
    assert.strictEqual(await listThrough(new AppKeysService({ proxy: { proxy: proxy.url } })), 5);
    // undici tunnels through the proxy (CONNECT), for http targets too.
    assert.deepStrictEqual(proxy.requests, [{ method: 'CONNECT', target: new URL(sandbox.url).host }]);
  });

  it('bypasses the proxy for hosts in http.noProxy', async () => {
    assert.strictEqual(await listThrough(new AppKeysService({ proxy: { proxy: proxy.url, noProxy: ['127.0.0.1'] } })), 5);
    assert.strictEqual(proxy.requests.length, 0);
  });

  it('follows HTTP_PROXY and NO_PROXY when VS Code sets no proxy', async () => {
    process.env.HTTP_PROXY = proxy.url;
    assert.strictEqual(await listThrough(new AppKeysService()), 5);
    assert.strictEqual(proxy.requests.length, 1);
    process.env.NO_PROXY = '127.0.0.1';
    assert.strictEqual(await listThrough(new AppKeysService()), 5);
    assert.strictEqual(proxy.requests.length, 1, 'NO_PROXY bypasses it');
  });

  it('connects directly when no proxy is set anywhere', async () => {
    assert.strictEqual(await listThrough(new AppKeysService()), 5);
    assert.strictEqual(proxy.requests.length, 0);
  });

  it('switches when the settings change', async () => {
    const service = new AppKeysService();
    const client = service.forApplication({ platform: 'losant', applicationId: fleet.id, apiUrl: sandbox.url }, SANDBOX_TOKENS.full);
    try {
      await client.list(client.resource('keys'), { page: 0, perPage: 1 });
      service.http.setProxy({ proxy: proxy.url });
      await client.list(client.resource('keys'), { page: 0, perPage: 1 });
      assert.strictEqual(proxy.requests.length, 1);
    } finally {
      await service.dispose();
    }
  });
});
