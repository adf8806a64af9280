// The loopback forward proxy for proxy-support tests: absolute-form forwarding and CONNECT tunnels
// to the sandbox, counting, loopback-only targets, Basic Proxy-Authorization, and close().
import * as assert from 'node:assert/strict';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ProxyAgent, request } from 'undici';
import { isLoopbackHost, SANDBOX_APPS, SANDBOX_TOKENS, startProxy, startSandbox, type LoopbackProxy, type Sandbox } from '../sandbox';

const keysPath = `/applications/${SANDBOX_APPS.demoFleet.id}/keys`;
const bearer = { authorization: `Bearer ${SANDBOX_TOKENS.full}` };
const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** A request sent to the proxy with node:http; path is the absolute-form target (or anything else). */
function viaProxy(proxy: LoopbackProxy, method: string, target: string, headers: Record<string, string> = {}, body?: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: proxy.port, method, path: target, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Sends CONNECT to the proxy; resolves with the proxy's status and, on 200, the tunnel socket. */
function connectVia(
  proxy: LoopbackProxy,
  authority: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; socket: Socket }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: proxy.port, method: 'CONNECT', path: authority, headers, agent: false });
    req.on('connect', (res: IncomingMessage, socket: Socket) => resolve({ status: res.statusCode ?? 0, headers: res.headers, socket }));
    req.on('error', reject);
    req.end();
  });
}

/** One HTTP/1.1 request written by hand over a tunnel; resolves with the raw reply once the server closes. */
function overTunnel(socket: Socket, requestText: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
    socket.write(requestText);
  });
}

describe('loopback proxy', () => {
  let sandbox: Sandbox;
  let proxy: LoopbackProxy;
  let authProxy: LoopbackProxy;
  const agents: ProxyAgent[] = [];
  const agent = (options: ConstructorParameters<typeof ProxyAgent>[0]): ProxyAgent => {
    const created = new ProxyAgent(options);
    agents.push(created);
    return created;
  };

  before(async () => {
    sandbox = await startSandbox({ plainHttp: true });
    proxy = await startProxy();
    authProxy = await startProxy({ auth: { username: 'tester', password: 's3cret' } });
  });
  beforeEach(() => {
    sandbox.reset();
    for (const p of [proxy, authProxy]) {
      p.requests.length = 0;
      p.refused.length = 0;
    }
  });
  afterEach(async () => {
    await Promise.all(agents.splice(0).map((a) => a.destroy()));
  });
  after(async () => {
    await Promise.all([proxy.close(), authProxy.close(), sandbox.close()]);
  });

  it('listens on 127.0.0.1 at a free port', () => {
    assert.ok(proxy.port > 0);
    assert.equal(proxy.url, `http://127.0.0.1:${proxy.port}`);
    assert.notEqual(proxy.port, authProxy.port);
  });

  it('forwards an absolute-form GET to the sandbox and counts it', async () => {
    const target = `${sandbox.url}${keysPath}?perPage=2`;
    const answer = await viaProxy(proxy, 'GET', target, bearer);
    assert.equal(answer.status, 200);
    assert.equal((JSON.parse(answer.text) as { count: number }).count, 2);
    assert.deepEqual(proxy.requests, [{ method: 'GET', target }]);
    assert.deepEqual(
      sandbox.requests.map((r) => [r.method, r.path, r.query, r.tokenName]),
      [['GET', keysPath, { perPage: '2' }, 'full']],
    );
  });

  it('forwards absolute-form requests from undici (ProxyAgent, proxyTunnel: false), bodies included', async () => {
    const dispatcher = agent({ uri: proxy.url, proxyTunnel: false });
    const created = await request(`${sandbox.url}${keysPath}`, {
      dispatcher,
      method: 'POST',
      headers: { ...bearer, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'via proxy' }),
    });
    assert.equal(created.statusCode, 201);
    const key = (await created.body.json()) as { id: string; name: string };
    assert.equal(key.name, 'via proxy');
    assert.ok(sandbox.state.losant.keys.has(key.id));
    const listed = await request(`${sandbox.url}${keysPath}`, { dispatcher, headers: bearer });
    assert.equal(listed.statusCode, 200);
    await listed.body.dump();
    assert.deepEqual(proxy.requests, [
      { method: 'POST', target: `${sandbox.url}${keysPath}` },
      { method: 'GET', target: `${sandbox.url}${keysPath}` },
    ]);
  });

  it('opens a CONNECT tunnel for undici (ProxyAgent, default tunnelling)', async () => {
    const dispatcher = agent({ uri: proxy.url });
    const answer = await request(`${sandbox.url}${keysPath}?perPage=3`, { dispatcher, headers: bearer });
    assert.equal(answer.statusCode, 200);
    assert.equal(((await answer.body.json()) as { count: number }).count, 3);
    assert.deepEqual(proxy.requests, [{ method: 'CONNECT', target: `127.0.0.1:${sandbox.port}` }]);
    assert.deepEqual(
      sandbox.requests.map((r) => [r.method, r.path, r.tokenName]),
      [['GET', keysPath, 'full']],
    );
  });

  it('tunnels raw bytes after CONNECT (what an https client sends), counting the tunnel once', async () => {
    const { status, socket } = await connectVia(proxy, `127.0.0.1:${sandbox.port}`);
    assert.equal(status, 200);
    const head = `Host: 127.0.0.1:${sandbox.port}\r\nAuthorization: ${bearer.authorization}\r\n`;
    // Two requests over the one tunnel (kept alive, then closed by the second).
    const reply = await overTunnel(
      socket,
      `GET ${keysPath}?perPage=1 HTTP/1.1\r\n${head}\r\nGET ${keysPath}?perPage=2 HTTP/1.1\r\n${head}Connection: close\r\n\r\n`,
    );
    assert.equal(reply.match(/HTTP\/1\.1 200 /g)?.length, 2);
    assert.match(reply, /"count":1,/);
    assert.match(reply, /"count":2,/);
    assert.deepEqual(proxy.requests, [{ method: 'CONNECT', target: `127.0.0.1:${sandbox.port}` }]);
    assert.equal(sandbox.requests.length, 2);
  });

  it('accepts localhost and [::1]-style loopback names, nothing else', () => {
    for (const host of ['127.0.0.1', '127.5.6.7', 'localhost', 'LOCALHOST', '[::1]', '::1', '::ffff:127.0.0.1']) assert.equal(isLoopbackHost(host), true, host);
    for (const host of ['example.com', '10.0.0.1', '192.0.2.1', '128.0.0.1', '127.0.0.1.nip.io', 'localhost.example', '::', '0.0.0.0', '']) {
      assert.equal(isLoopbackHost(host), false, host);
    }
  });

  it('refuses non-loopback targets with 403 without connecting (absolute-form and CONNECT)', async () => {
    const started = Date.now();
    // On this loopback-only machine a connection attempt would end in 502 or a reset, not 403.
    for (const target of ['http://192.0.2.10/keys', 'http://example.com/', 'http://127.0.0.1.nip.io:8080/x', 'http://[2001:db8::1]/']) {
      const answer = await viaProxy(proxy, 'GET', target);
      assert.equal(answer.status, 403, target);
      assert.match(answer.text, /only loopback targets/);
    }
    for (const authority of ['example.com:443', '10.0.0.1:443', '[2001:db8::1]:443']) {
      const { status, socket } = await connectVia(proxy, authority);
      socket.destroy();
      assert.equal(status, 403, authority);
    }
    assert.ok(Date.now() - started < 2000, 'answered at once, no connection attempts');
    assert.deepEqual(proxy.requests, []);
    assert.deepEqual(
      proxy.refused.map((r) => r.status),
      [403, 403, 403, 403, 403, 403, 403],
    );
    assert.deepEqual(proxy.refused.at(-1), { method: 'CONNECT', target: '[2001:db8::1]:443', status: 403 });
  });

  it('answers 502 when a loopback target is not listening (a connection was attempted)', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    assert.equal((await viaProxy(proxy, 'GET', `http://127.0.0.1:${port}/`)).status, 502);
    const tunnel = await connectVia(proxy, `127.0.0.1:${port}`);
    tunnel.socket.destroy();
    assert.equal(tunnel.status, 502);
  });

  it('refuses origin-form requests and https absolute-form with 400', async () => {
    assert.equal((await viaProxy(proxy, 'GET', keysPath)).status, 400);
    assert.equal((await viaProxy(proxy, 'GET', `https://127.0.0.1:${sandbox.port}/`)).status, 400);
    assert.equal((await connectVia(proxy, '127.0.0.1')).status, 400, 'CONNECT without a port');
    assert.deepEqual(proxy.requests, []);
    assert.equal(sandbox.requests.length, 0);
  });

  it('with auth: 407 and Proxy-Authenticate without or with wrong credentials, for both forms', async () => {
    const target = `${sandbox.url}${keysPath}`;
    const none = await viaProxy(authProxy, 'GET', target, bearer);
    assert.equal(none.status, 407);
    assert.equal(none.headers['proxy-authenticate'], 'Basic realm="sandbox-proxy"');
    const wrong = await viaProxy(authProxy, 'GET', target, { ...bearer, 'proxy-authorization': basic('tester', 'nope') });
    assert.equal(wrong.status, 407);
    const tunnel = await connectVia(authProxy, `127.0.0.1:${sandbox.port}`);
    tunnel.socket.destroy();
    assert.equal(tunnel.status, 407);
    assert.equal(tunnel.headers['proxy-authenticate'], 'Basic realm="sandbox-proxy"');
    const refusedTunnel = agent({ uri: authProxy.url });
    await assert.rejects(request(target, { dispatcher: refusedTunnel, headers: bearer }), /407/);
    assert.deepEqual(authProxy.requests, []);
    assert.equal(sandbox.requests.length, 0, 'nothing reached the sandbox');
    assert.deepEqual(
      authProxy.refused.map((r) => r.status),
      [407, 407, 407, 407],
    );
  });

  it('with auth: forwards and tunnels with the right Basic credentials', async () => {
    const target = `${sandbox.url}${keysPath}`;
    const plain = await viaProxy(authProxy, 'GET', target, { ...bearer, 'proxy-authorization': basic('tester', 's3cret') });
    assert.equal(plain.status, 200);
    for (const proxyTunnel of [false, true]) {
      const dispatcher = agent({ uri: authProxy.url, token: basic('tester', 's3cret'), proxyTunnel });
      const answer = await request(target, { dispatcher, headers: bearer });
      assert.equal(answer.statusCode, 200);
      await answer.body.dump();
    }
    assert.deepEqual(
      authProxy.requests.map((r) => r.method),
      ['GET', 'GET', 'CONNECT'],
    );
    assert.equal(sandbox.requests.length, 3);
  });

  it('does not pass Proxy-Authorization or hop-by-hop headers on to the target', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const echo = createServer((req, res) => {
      seen.push(req.headers);
      res.end('ok');
    });
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
    try {
      const port = (echo.address() as AddressInfo).port;
      const answer = await viaProxy(authProxy, 'GET', `http://localhost:${port}/x`, {
        'proxy-authorization': basic('tester', 's3cret'),
        'proxy-connection': 'keep-alive',
        'x-kept': 'yes',
      });
      assert.equal(answer.status, 200);
      assert.equal(seen.length, 1);
      assert.equal(seen[0]['proxy-authorization'], undefined);
      assert.equal(seen[0]['proxy-connection'], undefined);
      assert.equal(seen[0]['x-kept'], 'yes');
      assert.equal(seen[0].host, `localhost:${port}`);
    } finally {
      echo.closeAllConnections();
      await new Promise<void>((r) => echo.close(() => r()));
    }
  });

  it("passes the sandbox's faults through unchanged: a status stays a status, a reset stays a reset", async () => {
    sandbox.faults.failNext = ['status429', 'reset'];
    const limited = await viaProxy(proxy, 'GET', `${sandbox.url}${keysPath}`, bearer);
    assert.equal(limited.status, 429);
    assert.equal(limited.headers['retry-after'], '1');
    await assert.rejects(viaProxy(proxy, 'GET', `${sandbox.url}${keysPath}`, bearer), (err: { code?: string }) => err.code === 'ECONNRESET');
    assert.deepEqual(
      sandbox.requests.map((r) => r.fault),
      ['status429', 'reset'],
    );
  });

  it('close() ends open tunnels and keep-alive connections, so it returns at once', async () => {
    const own = await startProxy();
    const { status, socket } = await connectVia(own, `127.0.0.1:${sandbox.port}`);
    assert.equal(status, 200);
    const socketClosed = new Promise<void>((r) => socket.on('close', () => r()));
    socket.on('error', () => undefined);
    const started = Date.now();
    await own.close();
    await socketClosed;
    assert.ok(Date.now() - started < 1000);
    await assert.rejects(viaProxy(own, 'GET', `${sandbox.url}/`), (err: { code?: string }) => err.code === 'ECONNREFUSED');
  });
});
