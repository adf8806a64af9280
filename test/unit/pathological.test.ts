// Pathological answers fail fast: an answer nested deeper than any real one is refused before it is
// parsed, so nothing is built from it (no frozen host, no stack overflow in a tooltip or document).
import * as assert from 'assert';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError } from '../../src/core/errors';
import { HttpClient } from '../../src/core/http';

describe('pathological answers', () => {
  let server: http.Server;
  let url: string;
  let body = '';
  before(async () => {
    server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const http1 = () => new HttpClient({ timeoutMs: 5000, retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });

  it('refuses a 2 MB answer nested a million levels deep, with a clear error', async () => {
    body = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
    const client = http1();
    try {
      await assert.rejects(client.send({ method: 'GET', baseUrl: url, path: '/applications' }), (e: unknown) => {
        assert.ok(e instanceof ApiError, String(e));
        assert.strictEqual(e.kind, 'bad-response');
        assert.match(e.message, /nested deeper than 64 levels/);
        return true;
      });
    } finally {
      await client.close();
    }
  });

  it('still reads an answer nested 64 levels deep, brackets in strings not counted', async () => {
    body = `${'['.repeat(63)}{"name": "[[[[[[[[[[[[[[[["}${']'.repeat(63)}`;
    const client = http1();
    try {
      const response = await client.send({ method: 'GET', baseUrl: url, path: '/applications' });
      let depth = 0;
      for (let value = response.body; Array.isArray(value); value = value[0]) depth++;
      assert.strictEqual(depth, 63);
    } finally {
      await client.close();
    }
  });
});
