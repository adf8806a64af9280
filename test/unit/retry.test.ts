import * as assert from 'assert';
import { ApiError, CancelledError } from '../../src/core/errors';
import { DEFAULT_RETRY_POLICY, retryAfterMs, retryDelay } from '../../src/core/retry';

const policy = DEFAULT_RETRY_POLICY;
const half = () => 0.5;
const network = (code: string) => new ApiError('failed', { kind: 'network', cause: Object.assign(new Error(code), { code }) });

describe('retry policy', () => {
  it('retries reads and deletes on 429 and 5xx, with growing jittered waits', () => {
    for (const method of ['GET', 'DELETE']) {
      for (const status of [429, 500, 502, 503, 504]) {
        assert.strictEqual(retryDelay(policy, { method, attempt: 1, status }, half), 125, `${method} ${status}`);
        assert.strictEqual(retryDelay(policy, { method, attempt: 2, status }, half), 250, `${method} ${status}`);
      }
    }
  });

  it('gives up after the third try', () => {
    assert.strictEqual(retryDelay(policy, { method: 'GET', attempt: 3, status: 503 }, half), undefined);
  });

  it('never retries success, client errors or cancellation', () => {
    for (const status of [200, 201, 204, 400, 401, 403, 404, 409]) {
      assert.strictEqual(retryDelay(policy, { method: 'GET', attempt: 1, status }), undefined, String(status));
    }
    assert.strictEqual(retryDelay(policy, { method: 'GET', attempt: 1, error: new CancelledError() }), undefined);
    assert.strictEqual(retryDelay(policy, { method: 'GET', attempt: 1, error: new ApiError('bad id', { kind: 'invalid-input' }) }), undefined);
  });

  it('does not send a create or an update twice after 5xx, resets, time-outs or unreadable answers', () => {
    for (const method of ['POST', 'PATCH', 'PUT']) {
      for (const status of [500, 502, 503, 504]) assert.strictEqual(retryDelay(policy, { method, attempt: 1, status }), undefined, `${method} ${status}`);
      assert.strictEqual(retryDelay(policy, { method, attempt: 1, error: network('ECONNRESET') }), undefined);
      assert.strictEqual(retryDelay(policy, { method, attempt: 1, error: new ApiError('t', { kind: 'timeout' }) }), undefined);
      assert.strictEqual(retryDelay(policy, { method, attempt: 1, error: new ApiError('b', { kind: 'bad-response' }) }), undefined);
    }
  });

  it('retries a create or update that provably never reached the server (refused connection, 429)', () => {
    assert.ok(retryDelay(policy, { method: 'POST', attempt: 1, error: network('ECONNREFUSED') }, half) !== undefined);
    assert.strictEqual(retryDelay(policy, { method: 'PATCH', attempt: 1, status: 429, retryAfter: '2' }), 2000);
  });

  it('retries reads after resets, time-outs and unreadable answers', () => {
    for (const error of [network('ECONNRESET'), new ApiError('t', { kind: 'timeout' }), new ApiError('b', { kind: 'bad-response' })]) {
      assert.ok(retryDelay(policy, { method: 'GET', attempt: 1, error }, half) !== undefined);
    }
  });

  it('honours Retry-After in seconds or as a date, up to the longest wait', () => {
    assert.strictEqual(retryDelay(policy, { method: 'GET', attempt: 1, status: 503, retryAfter: '3' }), 3000);
    assert.strictEqual(retryDelay(policy, { method: 'GET', attempt: 1, status: 429, retryAfter: '3600' }), policy.maxDelayMs);
    assert.strictEqual(retryAfterMs('Wed, 25 Nov 2026 08:00:10 GMT', Date.parse('Wed, 25 Nov 2026 08:00:00 GMT')), 10_000);
    assert.strictEqual(retryAfterMs('soon'), undefined);
  });
});
