// Every try has one bound, from connecting to the last byte, and a Cancel that ends it at once:
// against loopback servers that never finish the TLS handshake or keep sending 1xx answers.
import * as assert from 'assert';
import * as net from 'node:net';
import { ApiError, CancelledError } from '../../src/core/errors';
import { HttpClient } from '../../src/core/http';

interface StallingServer {
  url: string;
  close(): Promise<void>;
}

/** A TCP server that accepts and then does `onSocket`; close() ends every socket it accepted. */
async function stallingServer(scheme: 'http' | 'https', onSocket: (socket: net.Socket) => void): Promise<StallingServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe('time limits cover the whole try', function () {
  // Well below undici's own 10 s connect limit: a try that waited for it fails this suite.
  this.timeout(4000);
  const once = { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 };
  const servers: StallingServer[] = [];
  let http: HttpClient;
  beforeEach(() => {
    http = new HttpClient({ timeoutMs: 300, retry: once });
  });
  afterEach(async () => {
    // Servers first: a connection still stuck in its handshake ends with them.
    await Promise.all(servers.splice(0).map((s) => s.close()));
    await http.close();
  });

  it('ends a try whose TLS handshake never finishes at the time limit', async () => {
    const server = await stallingServer('https', () => undefined); // reads the ClientHello, never answers
    servers.push(server);
    await assert.rejects(http.send({ method: 'GET', baseUrl: server.url, path: '/applications' }), (e: unknown) => {
      assert.ok(e instanceof ApiError, String(e));
      assert.strictEqual(e.kind, 'timeout');
      assert.match(e.message, /timed out after 300 ms/);
      return true;
    });
  });

  it('ends a try whose server keeps sending 1xx answers at the time limit, and frees its socket', async () => {
    let closed!: () => void;
    const socketClosed = new Promise<void>((resolve) => (closed = resolve));
    const server = await stallingServer('http', (socket) => {
      const timer = setInterval(() => socket.write('HTTP/1.1 102 Processing\r\n\r\n'), 30);
      socket.on('close', () => {
        clearInterval(timer);
        closed();
      });
    });
    servers.push(server);
    await assert.rejects(
      http.send({ method: 'GET', baseUrl: server.url, path: '/applications' }),
      (e: unknown) => e instanceof ApiError && e.kind === 'timeout',
    );
    await socketClosed; // the client closed it: without the abort, it would stay open (the suite's time-out)
  });

  it('ends a try at once when the caller cancels during the handshake', async () => {
    const server = await stallingServer('https', () => undefined);
    servers.push(server);
    const slow = new HttpClient({ timeoutMs: 60_000, retry: once });
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 100);
    try {
      await assert.rejects(slow.send({ method: 'GET', baseUrl: server.url, path: '/x', signal: abort.signal }), (e: unknown) => e instanceof CancelledError);
    } finally {
      await Promise.all(servers.splice(0).map((s) => s.close()));
      await slow.close();
    }
  });

  it('bounds a whole operation by tries × limit: three tries at 300 ms against a stalled handshake', async () => {
    let accepted = 0;
    const counting = await stallingServer('https', () => accepted++);
    servers.push(counting);
    const retrying = new HttpClient({ timeoutMs: 300, retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 } });
    try {
      await assert.rejects(retrying.send({ method: 'GET', baseUrl: counting.url, path: '/x' }), (e: unknown) => e instanceof ApiError && e.kind === 'timeout');
      assert.strictEqual(accepted, 3, 'a GET is tried three times, each ended by the limit');
    } finally {
      await Promise.all(servers.splice(0).map((s) => s.close()));
      await retrying.close();
    }
  });
});
