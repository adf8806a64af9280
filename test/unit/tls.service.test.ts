// The service module over HTTPS, against sandboxes whose certificates come from an authority made for
// this run: trusted only through a system-style store (SSL_CERT_FILE, SSL_CERT_DIR), only through
// NODE_EXTRA_CA_CERTS, or not at all; an expired certificate, one for another host; refused connections
// and a proxy that wants credentials (CONNECT to the HTTPS sandbox). Each failure names its cause.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiError } from '../../src/core/errors';
import { AppKeysService } from '../../src/core/service';
import type { ProxySettings } from '../../src/core/proxy';
import { SANDBOX_APPS, SANDBOX_TOKENS, startProxy, startSandbox, type Sandbox } from '../sandbox';
import { createTestAuthority, type TestAuthority } from '../support/testCertificates';

const fleet = SANDBOX_APPS.demoFleet;
const VARIABLES = ['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'SSL_CERT_DIR', 'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'];

describe('HTTPS: the authorities VS Code trusts, and network errors that name their cause', function () {
  this.timeout(20000);
  let authority: TestAuthority;
  let dir: string;
  let sandbox: Sandbox;
  let expired: Sandbox;
  let wrongHost: Sandbox;
  const saved: Record<string, string | undefined> = {};

  before(async () => {
    authority = createTestAuthority();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appkeys-tls-'));
    fs.writeFileSync(path.join(dir, 'ca.pem'), authority.caPem);
    fs.mkdirSync(path.join(dir, 'certs'));
    fs.writeFileSync(path.join(dir, 'certs', 'appkeys-test.pem'), authority.caPem);
    fs.writeFileSync(path.join(dir, 'unrelated.pem'), createTestAuthority('Another authority').caPem);
    [sandbox, expired, wrongHost] = await Promise.all([
      startSandbox({ port: 0, tls: authority.server }),
      startSandbox({ port: 0, tls: authority.expired }),
      startSandbox({ port: 0, tls: authority.wrongHost }),
    ]);
    for (const name of VARIABLES) saved[name] = process.env[name];
  });
  after(async () => {
    for (const name of VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    await Promise.all([sandbox.close(), expired.close(), wrongHost.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    for (const name of VARIABLES) delete process.env[name];
  });

  async function listKeys(url: string, proxy: ProxySettings = {}): Promise<number> {
    const service = new AppKeysService({ proxy, timeoutMs: 5000 });
    try {
      const client = service.forApplication({ platform: 'losant', applicationId: fleet.id, apiUrl: url }, SANDBOX_TOKENS.full);
      return (await client.list(client.resource('keys'), { page: 0, perPage: 5 })).items.length;
    } finally {
      await service.dispose();
    }
  }

  async function failure(url: string, proxy: ProxySettings = {}): Promise<ApiError> {
    try {
      await listKeys(url, proxy);
    } catch (error) {
      assert.ok(error instanceof ApiError, String(error));
      return error;
    }
    throw new Error('the request did not fail');
  }

  it('trusts an authority that is only in a system-style store: SSL_CERT_FILE', async () => {
    process.env.SSL_CERT_FILE = path.join(dir, 'ca.pem');
    assert.strictEqual(await listKeys(sandbox.url), 5);
  });

  it('trusts an authority that is only in a system-style store: SSL_CERT_DIR', async () => {
    process.env.SSL_CERT_DIR = path.join(dir, 'certs');
    assert.strictEqual(await listKeys(sandbox.url), 5);
  });

  it('trusts an authority that is only in NODE_EXTRA_CA_CERTS, with http.systemCertificates off', async () => {
    process.env.NODE_EXTRA_CA_CERTS = path.join(dir, 'ca.pem');
    assert.strictEqual(await listKeys(sandbox.url, { systemCertificates: false }), 5);
  });

  it('ignores the system-style store when http.systemCertificates is off', async () => {
    process.env.SSL_CERT_FILE = path.join(dir, 'ca.pem');
    const error = await failure(sandbox.url, { systemCertificates: false });
    assert.match(error.message, /certificate is not from an authority App Keys trusts \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)/);
  });

  it('refuses a certificate from an authority nobody trusts, and says where to add one', async () => {
    process.env.SSL_CERT_FILE = path.join(dir, 'unrelated.pem');
    const error = await failure(sandbox.url);
    assert.strictEqual(error.kind, 'network');
    assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${sandbox.port}'s certificate is not from an authority App Keys trusts`));
    assert.match(error.message, /http\.systemCertificates/);
    assert.match(error.message, /NODE_EXTRA_CA_CERTS/);
    assert.doesNotMatch(error.message, /fetch failed/);
  });

  // Issue 19, item 10: http.proxyStrictSSL is about the proxy ("whether the proxy server certificate should be
  // verified", VS Code's setting): off, it accepts any certificate on connections through the proxy only, and says so once.
  it('with http.proxyStrictSSL off accepts any certificate through the proxy only, still checks direct connections, and logs it once', async () => {
    const direct = await failure(sandbox.url, { strictSSL: false });
    assert.match(direct.message, /certificate/i, 'a direct connection still checks the certificate');
    const proxy = await startProxy({ port: 0 });
    const notices: string[] = [];
    const service = new AppKeysService({ proxy: { proxy: proxy.url, strictSSL: false }, timeoutMs: 5000, notice: (line) => notices.push(line) });
    try {
      const client = service.forApplication({ platform: 'losant', applicationId: fleet.id, apiUrl: sandbox.url }, SANDBOX_TOKENS.full);
      for (let i = 0; i < 3; i++) assert.strictEqual((await client.list(client.resource('keys'), { page: 0, perPage: 5 })).items.length, 5);
      const other = service.forApplication(
        { platform: 'losant', applicationId: fleet.id, apiUrl: sandbox.url.replace('127.0.0.1', 'localhost') },
        SANDBOX_TOKENS.full,
      );
      await other.list(other.resource('keys'), { page: 0, perPage: 5 });
      assert.ok(proxy.requests.length >= 2 && proxy.requests.every((r) => r.method === 'CONNECT'), JSON.stringify(proxy.requests));
      assert.strictEqual(notices.length, 1, JSON.stringify(notices));
      assert.match(notices[0], /certificate checks are off.*through the proxy 127\.0\.0\.1:\d+ \(http\.proxyStrictSSL is false\)/i);
    } finally {
      await service.dispose();
      await proxy.close();
    }
  });

  it('names an expired certificate', async () => {
    process.env.NODE_EXTRA_CA_CERTS = path.join(dir, 'ca.pem');
    const error = await failure(expired.url);
    assert.match(error.message, /certificate is not valid now \(CERT_HAS_EXPIRED\)\. Check this computer's date and time/);
  });

  it('names a certificate for another host name', async () => {
    process.env.NODE_EXTRA_CA_CERTS = path.join(dir, 'ca.pem');
    const error = await failure(wrongHost.url);
    assert.match(
      error.message,
      /certificate is for another host name \(IP: 127\.0\.0\.1 is not in the cert's list.*\)\. Check the API URL in the setting appKeys\.applications/,
    );
  });

  it('names a refused connection, and a refused proxy as the proxy', async () => {
    const closed = await startSandbox({ port: 0, tls: authority.server });
    const port = closed.port;
    await closed.close();
    const direct = await failure(`https://127.0.0.1:${port}`);
    assert.match(direct.message, new RegExp(`127\\.0\\.0\\.1:${port} refused the connection \\(ECONNREFUSED\\)`));
    process.env.NODE_EXTRA_CA_CERTS = path.join(dir, 'ca.pem');
    const viaProxy = await failure(sandbox.url, { proxy: `http://127.0.0.1:${port}` });
    assert.match(viaProxy.message, new RegExp(`The proxy 127\\.0\\.0\\.1:${port} refused the connection \\(ECONNREFUSED\\)\\. Check the setting http\\.proxy`));
  });

  describe('a proxy that wants credentials (Basic), tunnelling to the HTTPS sandbox', () => {
    const credentials = { username: 'proxy-user', password: 'Pr0xy-Pa55word-for-tests' };
    const basic = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;

    it('works with the credentials in the proxy URL, and with http.proxyAuthorization', async () => {
      process.env.NODE_EXTRA_CA_CERTS = path.join(dir, 'ca.pem');
      const proxy = await startProxy({ port: 0, auth: credentials });
      try {
        const withUrl = `http://${credentials.username}:${encodeURIComponent(credentials.password)}@127.0.0.1:${proxy.port}`;
        assert.strictEqual(await listKeys(sandbox.url, { proxy: withUrl }), 5);
        assert.strictEqual(await listKeys(sandbox.url, { proxy: proxy.url, proxyAuthorization: basic }), 5);
        // From HTTPS_PROXY too (VS Code passes the environment on).
        process.env.HTTPS_PROXY = withUrl;
        assert.strictEqual(await listKeys(sandbox.url), 5);
        assert.deepStrictEqual(
          proxy.requests.map((r) => `${r.method} ${r.target}`),
          Array(3).fill(`CONNECT 127.0.0.1:${sandbox.port}`),
        );
        assert.deepStrictEqual(proxy.refused, []);
      } finally {
        await proxy.close();
      }
    });

    it('says the proxy wants credentials and where to set them, or that it refused the ones given; never shows them', async () => {
      process.env.NODE_EXTRA_CA_CERTS = path.join(dir, 'ca.pem');
      const proxy = await startProxy({ port: 0, auth: credentials });
      try {
        const none = await failure(sandbox.url, { proxy: proxy.url });
        assert.match(none.message, new RegExp(`The proxy 127\\.0\\.0\\.1:${proxy.port} wants credentials \\(407 Proxy Authentication Required\\)`));
        assert.match(none.message, /http\.proxy.*http\.proxyAuthorization/);
        const wrongPassword = 'Wr0ng-Pa55word-for-tests';
        const wrong = await failure(sandbox.url, { proxy: `http://${credentials.username}:${wrongPassword}@127.0.0.1:${proxy.port}` });
        assert.match(wrong.message, /refused the credentials it was given \(407/);
        const wrongHeader = `Basic ${Buffer.from(`${credentials.username}:${wrongPassword}`).toString('base64')}`;
        const header = await failure(sandbox.url, { proxy: proxy.url, proxyAuthorization: wrongHeader });
        assert.match(header.message, /refused the credentials it was given \(407/);
        for (const error of [none, wrong, header]) {
          const text = `${error.message}\n${error.stack}`;
          for (const secret of [wrongPassword, credentials.password, wrongHeader.slice(6), basic.slice(6)])
            assert.ok(!text.includes(secret), `${secret} in ${text}`);
        }
        assert.strictEqual(proxy.refused.filter((r) => r.status === 407).length, 3);
      } finally {
        await proxy.close();
      }
    });
  });
});
