// The sandbox's request-rate limit: over it, 429 with Retry-After in the platform's error shape, and
// nothing processed; reset() lifts it.
import * as assert from 'node:assert/strict';
import { callSandbox, SANDBOX_APPS, startSandbox, type Sandbox } from '../sandbox';

const keysPath = `/applications/${SANDBOX_APPS.demoFleet.id}/keys`;

describe('sandbox: rate limit', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ plainHttp: true });
  });
  after(async () => {
    await sandbox.close();
  });
  afterEach(() => sandbox.reset());

  it('answers 429 with Retry-After beyond the limit, processing nothing, and lets requests through again later', async () => {
    sandbox.rateLimit = { requestsPerSecond: 4 };
    const before = sandbox.state.losant.keys.size;
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await callSandbox(sandbox, 'POST', keysPath, { body: { name: `burst ${i}` } }));
    const limited = answers.filter((a) => a.status === 429);
    assert.ok(limited.length >= 3 && limited.length <= 4, `${limited.length} of 8 limited`);
    assert.equal(sandbox.state.losant.keys.size, before + (8 - limited.length), 'only the admitted ones were created');
    assert.equal(limited[0].headers.get('retry-after'), '1');
    assert.equal(limited[0].body.type, 'TooManyRequests');
    assert.equal(sandbox.rateLimited, limited.length);
    await new Promise((r) => setTimeout(r, 1100));
    assert.equal((await callSandbox(sandbox, 'GET', keysPath)).status, 200);
  });

  it('is off after reset(), and refuses a nonsensical limit', async () => {
    sandbox.rateLimit = { requestsPerSecond: 1 };
    sandbox.reset();
    for (let i = 0; i < 5; i++) assert.equal((await callSandbox(sandbox, 'GET', keysPath)).status, 200);
    assert.throws(() => (sandbox.rateLimit = { requestsPerSecond: 0 }), /requestsPerSecond must be > 0/);
  });
});
