// The pace of one origin after a 429, on a clock the test moves.
import * as assert from 'assert';
import { MAX_PAUSE_MS, RateGate } from '../../src/core/rateGate';
import { retryAfterMs } from '../../src/core/retry';

describe('Rate gate', () => {
  it('lets everything through at once until the origin refuses one', () => {
    const gate = new RateGate();
    for (let t = 0; t < 100; t++) assert.strictEqual(gate.reserve(t), 0);
    assert.strictEqual(gate.requestsPerSecond, undefined);
  });

  it('after a 429 waits out Retry-After, then paces below the rate that was being sent', () => {
    const gate = new RateGate();
    // 40 requests in one second (40/s), the last one refused with Retry-After: 2 s.
    for (let i = 0; i < 40; i++) gate.reserve(i * 25);
    gate.answered(975, 429, 2000, 1000);
    assert.ok(Math.abs(gate.requestsPerSecond! - 40 * 0.7) < 3, String(gate.requestsPerSecond));
    assert.strictEqual(gate.reserve(1000), 2000, 'the first waits for Retry-After');
    const second = gate.reserve(1000);
    assert.ok(Math.abs(second - (2000 + 1000 / gate.requestsPerSecond!)) < 1, `the next is spaced by the pace (${second})`);
  });

  it('slows down once per episode: refusals of requests sent before the decrease do not compound', () => {
    const gate = new RateGate();
    for (let i = 0; i < 20; i++) gate.reserve(i * 50);
    gate.answered(950, 429, 1000, 1000);
    const after = gate.requestsPerSecond!;
    gate.answered(960, 429, 1000, 1010);
    assert.strictEqual(gate.requestsPerSecond, after);
  });

  it('speeds up by about one request per second each second of accepted requests, and stops pacing after 10 quiet seconds', () => {
    const gate = new RateGate();
    for (let i = 0; i < 20; i++) gate.reserve(i * 50);
    gate.answered(950, 429, 1000, 1000);
    const slow = gate.requestsPerSecond!;
    for (let i = 0; i < Math.round(slow); i++) gate.answered(2000, 200, undefined, 2000);
    assert.ok(Math.abs(gate.requestsPerSecond! - (slow + 1)) < 0.2, `${slow} → ${gate.requestsPerSecond}`);
    gate.reserve(12_000);
    assert.strictEqual(gate.requestsPerSecond, undefined);
  });
});

// Issue 19, item 6: one answer cannot stall an origin. Retry-After is read in both forms (delta-seconds and an
// HTTP date) and the pause it causes is capped at MAX_PAUSE_MS, measured on the gate's own clock, never by wall time.
describe('Rate gate: a server cannot stall an origin', () => {
  it(`pauses at most ${MAX_PAUSE_MS / 1000} s after Retry-After: 2000000 (seconds), and for the pace too`, () => {
    const gate = new RateGate();
    gate.reserve(0);
    gate.answered(0, 429, retryAfterMs('2000000', 0), 10);
    const wait = gate.reserve(10);
    assert.ok(wait <= MAX_PAUSE_MS && wait > 0, `waits ${wait} ms`);
    // Even a gate handed the raw figure (another caller, a future parser) caps it.
    const raw = new RateGate();
    raw.answered(0, 429, 2_000_000_000, 0);
    assert.ok(raw.reserve(0) <= MAX_PAUSE_MS, String(raw.reserve(0)));
  });

  it('reads an HTTP-date Retry-After: a date in 5 s waits 5 s, one in 2099 waits at most the cap, a past one not at all', () => {
    const now = Date.parse('Wed, 25 Nov 2026 08:00:00 GMT');
    assert.strictEqual(retryAfterMs('Wed, 25 Nov 2026 08:00:05 GMT', now), 5000);
    assert.strictEqual(retryAfterMs('Wed, 21 Oct 2099 07:28:00 GMT', now), MAX_PAUSE_MS);
    assert.strictEqual(retryAfterMs('Tue, 24 Nov 2026 08:00:00 GMT', now), 0);
    assert.strictEqual(retryAfterMs('2000000', now), MAX_PAUSE_MS);
    assert.strictEqual(retryAfterMs('99999999999999999999', now), MAX_PAUSE_MS, 'beyond 2^31 ms: the cap, never an overflow to 1 ms');
    assert.strictEqual(retryAfterMs('-5', now), undefined, 'not a delta-seconds value');
    const gate = new RateGate();
    gate.answered(0, 429, retryAfterMs('Wed, 21 Oct 2099 07:28:00 GMT', now), 0);
    assert.strictEqual(gate.reserve(0), MAX_PAUSE_MS);
  });
});
