// The pace of one origin after a 429, on a clock the test moves.
import * as assert from 'assert';
import { RateGate } from '../../src/core/rateGate';

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
