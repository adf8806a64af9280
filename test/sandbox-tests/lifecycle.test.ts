// Sandbox lifecycle: address, request recording, reset, live state, generated keys, close.
import * as assert from 'node:assert/strict';
import { callSandbox, SANDBOX_APPS, SANDBOX_TOKENS, startSandbox } from '../sandbox';
import { useSandbox } from '../support/sandboxFixture';

const demo = SANDBOX_APPS.demoFleet.id;
const empty = SANDBOX_APPS.emptyApp.id;

describe('sandbox: lifecycle', () => {
  const h = useSandbox();

  it('listens on 127.0.0.1 at a free port', () => {
    assert.ok(h.sandbox.port > 0);
    assert.equal(h.sandbox.url, `http://127.0.0.1:${h.sandbox.port}`);
  });

  it('records every request in order with query, body, status and token name, never the token', async () => {
    await callSandbox(h.sandbox, 'GET', `/applications/${demo}/keys`, { query: { perPage: 5 }, token: SANDBOX_TOKENS.keysReadOnly });
    await callSandbox(h.sandbox, 'POST', `/applications/${demo}/keys`, { body: { name: 'Logged' } });
    await callSandbox(h.sandbox, 'GET', '/applications', { token: 'not-a-token' });
    assert.deepEqual(
      h.sandbox.requests.map((r) => [r.method, r.path, r.status, r.tokenName]),
      [
        ['GET', `/applications/${demo}/keys`, 200, 'keysReadOnly'],
        ['POST', `/applications/${demo}/keys`, 201, 'full'],
        ['GET', '/applications', 401, undefined],
      ],
    );
    assert.deepEqual(h.sandbox.requests[0].query, { perPage: '5' });
    assert.deepEqual(h.sandbox.requests[1].body, { name: 'Logged' });
    const log = JSON.stringify(h.sandbox.requests);
    for (const token of Object.values(SANDBOX_TOKENS)) assert.equal(log.includes(token), false);
  });

  it('reset() restores the seed data in place and clears the request log', async () => {
    const keys = h.sandbox.state.losant.keys;
    const created = await callSandbox(h.sandbox, 'POST', `/applications/${demo}/keys`, { body: { name: 'Gone after reset' } });
    const seeded = [...keys.values()].find((k) => k.applicationId === demo)!;
    await callSandbox(h.sandbox, 'DELETE', `/applications/${demo}/keys/${seeded.id}`);
    h.sandbox.reset();
    assert.equal(h.sandbox.requests.length, 0);
    assert.equal(h.sandbox.state.losant.keys, keys, 'same Map instance');
    assert.equal(keys.has(created.body.id), false);
    assert.equal(keys.has(seeded.id), true);
    assert.equal((await callSandbox(h.sandbox, 'GET', `/applications/${demo}/keys`)).body.totalCount, 26);
  });

  it('serves changes tests make directly to the state', async () => {
    const seeded = [...h.sandbox.state.losant.keys.values()].find((k) => k.applicationId === demo && k.status === 'active')!;
    seeded.status = 'inactive';
    const { body } = await callSandbox(h.sandbox, 'GET', `/applications/${demo}/keys/${seeded.id}`);
    assert.equal(body.status, 'inactive');
  });

  it('seeds the same ids and key values on every start', async () => {
    const other = await startSandbox({ plainHttp: true });
    try {
      const mine = [...h.sandbox.state.losant.keys.values()].map((k) => [k.id, k.key]);
      const theirs = [...other.state.losant.keys.values()].map((k) => [k.id, k.key]);
      assert.deepEqual(theirs, mine);
    } finally {
      await other.close();
    }
  });

  it('adds generated keys with extraKeys (1,000 and 10,000)', async () => {
    const started = Date.now();
    const big = await startSandbox({
      plainHttp: true,
      extraKeys: [
        { applicationId: empty, count: 1000 },
        { applicationId: demo, count: 10_000 },
      ],
    });
    try {
      assert.ok(Date.now() - started < 5000, 'seeding should be quick');
      const emptyPage = await callSandbox(big, 'GET', `/applications/${empty}/keys`, { query: { perPage: 1000 } });
      assert.equal(emptyPage.body.totalCount, 1000);
      assert.equal(emptyPage.body.count, 1000);
      const demoPage = await callSandbox(big, 'GET', `/applications/${demo}/keys`, { query: { perPage: 1000, page: 10 } });
      assert.equal(demoPage.body.totalCount, 10_026);
      assert.equal(demoPage.body.count, 26);
      big.reset();
      assert.equal((await callSandbox(big, 'GET', `/applications/${empty}/keys`)).body.totalCount, 1000, 'reset keeps extraKeys');
    } finally {
      await big.close();
    }
  });

  it('refuses extraKeys for an unknown application', async () => {
    await assert.rejects(startSandbox({ plainHttp: true, extraKeys: [{ applicationId: 'abcdefabcdefabcdefabcdef', count: 1 }] }), /unknown applicationId/);
  });

  it('close() ends keep-alive connections promptly and stops answering', async () => {
    const short = await startSandbox({ plainHttp: true });
    await callSandbox(short, 'GET', '/applications'); // leaves a keep-alive socket open
    const started = Date.now();
    await short.close();
    assert.ok(Date.now() - started < 1000, 'close should not wait for idle sockets to time out');
    await assert.rejects(callSandbox(short, 'GET', '/applications'));
    await short.close(); // a second close is harmless
  });

  it('fails to start on a port that is already taken', async () => {
    await assert.rejects(startSandbox({ port: h.sandbox.port, plainHttp: true }), /EADDRINUSE/);
  });
});
