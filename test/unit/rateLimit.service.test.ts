// The service module under a platform's request-rate limit: a 429 is waited out as its Retry-After
// says and the request sent again (a create too: a 429 was never processed), never twice processed.
import * as assert from 'assert';
import { isCancellation } from '../../src/core/errors';
import { MAX_PAUSE_MS } from '../../src/core/rateGate';
import { SANDBOX_APPS, SANDBOX_TOKENS } from '../sandbox';
import { useServiceSandbox } from './serviceSandbox';

const fleet = SANDBOX_APPS.demoFleet;

describe('service module under a rate limit (against the sandbox)', () => {
  const h = useServiceSandbox(() => ({ timeoutMs: 5000, retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 2000 } }));

  it('waits out a 429 and creates each key exactly once', async () => {
    h.sandbox.rateLimit = { requestsPerSecond: 2 };
    const client = h.connect({ platform: 'losant', applicationId: fleet.id }, SANDBOX_TOKENS.full);
    const keys = client.resource('keys');
    const before = h.sandbox.state.losant.keys.size;
    const made = await Promise.all([0, 1, 2, 3].map((i) => client.create(keys, { name: `Limited ${i}` })));
    assert.strictEqual(new Set(made.map((m) => m.item.id)).size, 4);
    assert.strictEqual(h.sandbox.state.losant.keys.size, before + 4, 'four keys, none twice');
    assert.ok(h.sandbox.rateLimited >= 1, 'the limit was hit');
    const posts = h.sandbox.requests.filter((r) => r.method === 'POST');
    assert.strictEqual(posts.filter((r) => r.status === 201).length, 4);
    assert.strictEqual(posts.filter((r) => r.status === 429).length, h.sandbox.rateLimited);
  });

  it(`after a 429 with Retry-After: 2000000 the next request to the origin waits at most ${MAX_PAUSE_MS / 1000} s, and Cancel ends the wait`, async () => {
    h.service.http.retry = { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 2000 };
    const client = h.connect({ platform: 'losant', applicationId: fleet.id }, SANDBOX_TOKENS.full);
    const keys = client.resource('keys');
    h.sandbox.faults = { failNext: ['status429'], retryAfterSeconds: 2_000_000 };
    await assert.rejects(client.list(keys, { page: 0, perPage: 10 }), /429|too many|rate/i);
    const origin = new URL(h.sandbox.url).origin;
    // The delay the next request would be given, on the gate's clock (booked and measured, not waited).
    const wait = h.service.http.gateFor(origin).reserve();
    assert.ok(wait > 0 && wait <= MAX_PAUSE_MS, `the next request waits ${Math.round(wait)} ms`);
    const abort = new AbortController();
    const pending = client.list(keys, { page: 0, perPage: 10 }, abort.signal);
    setTimeout(() => abort.abort(), 20);
    await assert.rejects(pending, (e: unknown) => isCancellation(e));
    assert.strictEqual(h.sandbox.requests.length, 1, 'nothing was sent while paused');
  });
});
