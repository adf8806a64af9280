// Sandbox fault modes: each kind on the wire (status, headers, body, connection), whether the
// request changed state, failNext order, seeded rate draws, method/path filters, counts, reset.
import * as assert from 'node:assert/strict';
import { Agent, request } from 'undici';
import { FAULT_KINDS, mulberry32, noFaults, SANDBOX_APPS, SANDBOX_TOKENS, startSandbox, type FaultKind, type Sandbox } from '../sandbox';

const demo = SANDBOX_APPS.demoFleet.id;
const keysPath = `/applications/${demo}/keys`;
const tokensPath = `/applications/${demo}/tokens`;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

function codeOf(err: unknown): string | undefined {
  const e = err as { code?: string; cause?: { code?: string } };
  return e.code === 'UND_ERR_SOCKET' && e.cause?.code ? e.cause.code : e.code;
}

describe('sandbox: fault modes', () => {
  let sandbox: Sandbox;
  let agent: Agent;

  async function call(method: string, path: string, body?: unknown, via: Agent = agent): Promise<Answer> {
    const response = await request(new URL(path, sandbox.url), {
      method: method as 'GET',
      dispatcher: via,
      headers: {
        authorization: `Bearer ${SANDBOX_TOKENS.full}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
  }

  async function callFails(method: string, path: string, body?: unknown): Promise<unknown> {
    try {
      const answer = await call(method, path, body);
      assert.fail(`expected a dropped connection, got ${answer.status} ${answer.text}`);
    } catch (err) {
      if (err instanceof assert.AssertionError) throw err;
      return err;
    }
  }

  const keyCount = (): number => sandbox.state.losant.keys.size;

  before(async () => {
    sandbox = await startSandbox({ plainHttp: true });
  });
  beforeEach(() => {
    sandbox.reset();
    agent = new Agent({ headersTimeout: 5000, bodyTimeout: 5000 });
  });
  afterEach(async () => {
    await agent.destroy();
  });
  after(async () => {
    await sandbox.close();
  });

  it('injects nothing by default: every request processed, counts at zero', async () => {
    assert.deepEqual(sandbox.faults, noFaults());
    const answer = await call('GET', keysPath);
    assert.equal(answer.status, 200);
    assert.equal(sandbox.requests[0].processed, true);
    assert.equal(sandbox.requests[0].fault, undefined);
    assert.deepEqual(
      Object.values(sandbox.faultCounts),
      FAULT_KINDS.map(() => 0),
    );
  });

  for (const [kind, status] of [
    ['status500', 500],
    ['status502', 502],
    ['status503', 503],
  ] as const) {
    it(`${kind}: answers ${status} in Losant's error shape without creating the key`, async () => {
      const before = keyCount();
      sandbox.faults.failNext = [kind];
      const answer = await call('POST', keysPath, { name: `not created (${kind})` });
      assert.equal(answer.status, status);
      assert.match(String(answer.headers['content-type']), /^application\/json/);
      const body = JSON.parse(answer.text);
      assert.deepEqual(Object.keys(body).sort(), ['message', 'type']);
      assert.equal(typeof body.type, 'string');
      assert.equal(answer.headers['retry-after'], undefined);
      assert.equal(keyCount(), before);
      assert.deepEqual(
        { fault: sandbox.requests[0].fault, processed: sandbox.requests[0].processed, status: sandbox.requests[0].status },
        { fault: kind, processed: false, status },
      );
      assert.equal(sandbox.faultCounts[kind], 1);
    });
  }

  it("echo: the platform's error shape at echoStatus, repeating the credential and the body; nothing processed", async () => {
    sandbox.faults = { failNext: ['echo'], echoStatus: 403 };
    const before = keyCount();
    const answer = await call('POST', keysPath, { name: 'echoed name' });
    assert.equal(answer.status, 403);
    const body = JSON.parse(answer.text);
    assert.equal(body.type, 'Forbidden');
    assert.ok(body.message.includes(`Bearer ${SANDBOX_TOKENS.full}`), body.message);
    assert.ok(body.message.includes(`credential ${SANDBOX_TOKENS.full}`), body.message);
    assert.ok(body.message.includes('echoed name'), body.message);
    assert.equal(keyCount(), before);
    assert.equal(sandbox.requests[0].processed, false);
  });

  it('status429: Retry-After 1 by default, retryAfterSeconds otherwise; 503 carries it only when set', async () => {
    sandbox.faults.failNext = ['status429'];
    const first = await call('POST', keysPath, { name: 'no' });
    assert.equal(first.status, 429);
    assert.equal(first.headers['retry-after'], '1');
    assert.equal(JSON.parse(first.text).type, 'TooManyRequests');
    sandbox.faults = { retryAfterSeconds: 7, failNext: ['status429', 'status503'] };
    const second = await call('GET', keysPath);
    const third = await call('GET', keysPath);
    assert.deepEqual([second.status, second.headers['retry-after']], [429, '7']);
    assert.deepEqual([third.status, third.headers['retry-after']], [503, '7']);
    assert.equal(sandbox.requests[0].processed, false);
    assert.equal(sandbox.faultCounts.status429, 2);
  });

  it("statusNNN on an Elastic Path path answers in Elastic Path's error shape", async () => {
    sandbox.faults.failNext = ['status503'];
    const answer = await call('POST', '/v2/application-keys', { data: { type: 'application_key', name: 'no' } });
    assert.equal(answer.status, 503);
    const body = JSON.parse(answer.text);
    assert.equal(body.errors.length, 1);
    assert.deepEqual({ title: body.errors[0].title, status: body.errors[0].status }, { title: 'Service Unavailable', status: '503' });
    assert.equal(typeof body.errors[0].detail, 'string');
    assert.equal(sandbox.requests[0].processed, false);
  });

  it('reset: the connection is reset before processing; no state change, status 0', async () => {
    const before = keyCount();
    sandbox.faults.failNext = ['reset'];
    const err = await callFails('POST', keysPath, { name: 'not created (reset)' });
    assert.equal(codeOf(err), 'ECONNRESET', `unexpected error ${String(err)}`);
    assert.equal(keyCount(), before);
    assert.deepEqual(
      { fault: sandbox.requests[0].fault, processed: sandbox.requests[0].processed, status: sandbox.requests[0].status },
      { fault: 'reset', processed: false, status: 0 },
    );
    assert.deepEqual(sandbox.requests[0].body, { name: 'not created (reset)' }, 'the body is still logged');
    // The next request gets a new connection and a normal answer.
    assert.equal((await call('GET', keysPath)).status, 200);
  });

  it('resetAfterProcessing: the key IS created, then the connection is reset with no answer', async () => {
    const before = keyCount();
    sandbox.faults.failNext = ['resetAfterProcessing'];
    const err = await callFails('POST', keysPath, { name: 'created, answer lost' });
    assert.equal(codeOf(err), 'ECONNRESET', `unexpected error ${String(err)}`);
    assert.equal(keyCount(), before + 1);
    assert.ok([...sandbox.state.losant.keys.values()].some((k) => k.name === 'created, answer lost'));
    assert.deepEqual(
      { fault: sandbox.requests[0].fault, processed: sandbox.requests[0].processed, status: sandbox.requests[0].status },
      { fault: 'resetAfterProcessing', processed: true, status: 0 },
    );
    assert.equal(sandbox.requests[0].tokenName, 'full');
  });

  it('truncated: processed, full Content-Length in the headers, half the body, then the socket closes', async () => {
    const before = keyCount();
    sandbox.faults.failNext = ['truncated'];
    const response = await request(new URL(keysPath, sandbox.url), {
      method: 'POST',
      dispatcher: agent,
      headers: { authorization: `Bearer ${SANDBOX_TOKENS.full}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'created, body cut' }),
    });
    assert.equal(response.statusCode, 201);
    const announced = Number(response.headers['content-length']);
    assert.ok(announced > 100);
    let received = 0;
    await assert.rejects(
      async () => {
        for await (const chunk of response.body) received += (chunk as Buffer).length;
      },
      (err: { code?: string; message?: string }) => err.code === 'UND_ERR_SOCKET' && /other side closed/.test(err.message ?? ''),
    );
    assert.equal(received, Math.floor(announced / 2));
    assert.equal(keyCount(), before + 1);
    assert.deepEqual(
      { fault: sandbox.requests[0].fault, processed: sandbox.requests[0].processed, status: sandbox.requests[0].status },
      { fault: 'truncated', processed: true, status: 201 },
    );
  });

  it('truncated: a bodiless answer (DELETE 204) becomes a 200 with a cut JSON body', async () => {
    const key = [...sandbox.state.losant.keys.values()].find((k) => k.applicationId === demo)!;
    sandbox.faults.failNext = ['truncated'];
    const response = await request(new URL(`${keysPath}/${key.id}`, sandbox.url), {
      method: 'DELETE',
      dispatcher: agent,
      headers: { authorization: `Bearer ${SANDBOX_TOKENS.full}` },
    });
    assert.equal(response.statusCode, 200);
    await assert.rejects(response.body.text());
    assert.equal(sandbox.state.losant.keys.has(key.id), false, 'the key was deleted');
  });

  it('malformed: processed, 200 application/json whose body is not JSON', async () => {
    const before = keyCount();
    sandbox.faults.failNext = ['malformed', 'malformed'];
    const listed = await call('GET', keysPath);
    assert.equal(listed.status, 200);
    assert.match(String(listed.headers['content-type']), /^application\/json/);
    assert.equal(listed.text, '{"items": [');
    assert.throws(() => JSON.parse(listed.text), SyntaxError);
    const created = await call('POST', keysPath, { name: 'created, answer garbled' });
    assert.equal(created.status, 200);
    assert.throws(() => JSON.parse(created.text), SyntaxError);
    assert.equal(keyCount(), before + 1);
    assert.deepEqual(
      sandbox.requests.map((r) => [r.fault, r.processed, r.status]),
      [
        ['malformed', true, 200],
        ['malformed', true, 200],
      ],
    );
    assert.equal(sandbox.faultCounts.malformed, 2);
  });

  it("html: not processed, a load balancer's 502 text/html page", async () => {
    const before = keyCount();
    sandbox.faults.failNext = ['html'];
    const answer = await call('POST', keysPath, { name: 'not created (html)' });
    assert.equal(answer.status, 502);
    assert.match(String(answer.headers['content-type']), /^text\/html/);
    assert.match(answer.text, /^<html>[\s\S]*<h1>502 Bad Gateway<\/h1>[\s\S]*<\/html>\s*$/);
    assert.equal(keyCount(), before);
    assert.deepEqual([sandbox.requests[0].fault, sandbox.requests[0].processed, sandbox.requests[0].status], ['html', false, 502]);
  });

  it('hang: processed, headers and part of the body, then nothing until the client times out', async () => {
    const before = keyCount();
    sandbox.faults.failNext = ['hang'];
    const impatient = new Agent({ headersTimeout: 2000, bodyTimeout: 300 });
    try {
      const started = Date.now();
      const response = await request(new URL(keysPath, sandbox.url), {
        method: 'POST',
        dispatcher: impatient,
        headers: { authorization: `Bearer ${SANDBOX_TOKENS.full}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'created, answer never ends' }),
      });
      assert.equal(response.statusCode, 201);
      await assert.rejects(response.body.text(), (err: { code?: string }) => err.code === 'UND_ERR_BODY_TIMEOUT');
      assert.ok(Date.now() - started >= 250, 'it waited for the body time limit');
    } finally {
      await impatient.destroy();
    }
    assert.equal(keyCount(), before + 1);
    assert.deepEqual([sandbox.requests[0].fault, sandbox.requests[0].processed], ['hang', true]);
  });

  it('hang: close() ends the hung connection, so the server stops and the client sees it', async () => {
    const own = await startSandbox({ plainHttp: true });
    const patient = new Agent({ headersTimeout: 0, bodyTimeout: 0 });
    try {
      own.faults.failNext = ['hang'];
      const response = await request(new URL(keysPath, own.url), {
        dispatcher: patient,
        headers: { authorization: `Bearer ${SANDBOX_TOKENS.full}` },
      });
      assert.equal(response.statusCode, 200);
      const body = response.body.text();
      const started = Date.now();
      await own.close();
      assert.ok(Date.now() - started < 1000, 'close() did not wait for the hung request');
      await assert.rejects(body);
    } finally {
      await own.close();
      await patient.destroy();
    }
  });

  it('failNext: the next requests get exactly these faults in order, then normal answers', async () => {
    const queue: FaultKind[] = ['status503', 'html', 'status429', 'malformed'];
    sandbox.faults.failNext = [...queue];
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await call('GET', keysPath)).status);
    assert.deepEqual(statuses, [503, 502, 429, 200, 200, 200]);
    assert.deepEqual(
      sandbox.requests.map((r) => r.fault),
      [...queue, undefined, undefined],
    );
    assert.deepEqual(sandbox.faults.failNext, []);
    assert.deepEqual(
      {
        status503: sandbox.faultCounts.status503,
        html: sandbox.faultCounts.html,
        status429: sandbox.faultCounts.status429,
        malformed: sandbox.faultCounts.malformed,
        reset: sandbox.faultCounts.reset,
      },
      { status503: 1, html: 1, status429: 1, malformed: 1, reset: 0 },
    );
  });

  it('failNext goes before rate, and only to requests the filters let through', async () => {
    sandbox.faults = { rate: 1, kinds: ['status500'], methods: ['post'], failNext: ['status503'] };
    assert.equal((await call('GET', keysPath)).status, 200, 'GET is not eligible: the queue waits');
    assert.equal((await call('POST', keysPath, { name: 'a' })).status, 503, 'first eligible request: the queue');
    assert.equal((await call('POST', keysPath, { name: 'b' })).status, 500, 'then rate');
    assert.deepEqual(
      sandbox.requests.map((r) => r.fault),
      [undefined, 'status503', 'status500'],
    );
  });

  it('rate with a seed: the same seed gives the same sequence, as mulberry32 draws it', async () => {
    const kinds: FaultKind[] = ['status500', 'status503', 'status429'];
    const run = async (seed: number): Promise<(FaultKind | undefined)[]> => {
      sandbox.reset();
      sandbox.faults = { rate: 0.4, kinds, seed };
      for (let i = 0; i < 40; i++) await call('GET', keysPath);
      return sandbox.requests.map((r) => r.fault);
    };
    const first = await run(42);
    const again = await run(42);
    const other = await run(43);
    assert.deepEqual(again, first);
    assert.notDeepEqual(other, first);
    // The documented draw: one number per eligible request (< rate = fault), one more picks the kind.
    const random = mulberry32(42);
    const expected = first.map(() => (random() < 0.4 ? kinds[Math.floor(random() * kinds.length)] : undefined));
    assert.deepEqual(first, expected);
    const injected = first.filter((f) => f !== undefined).length;
    assert.ok(injected > 5 && injected < 30, `about 40% injected, got ${injected}/40`);
    assert.ok(new Set(first.filter(Boolean)).size === 3, 'every kind drawn');
  });

  it('mulberry32 is the reference algorithm (values of the canonical implementation for seed 42)', () => {
    const random = mulberry32(42);
    assert.deepEqual([random(), random(), random()], [0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });

  it('changing the seed in place restarts the sequence; rate 0 injects nothing', async () => {
    const faults = async (): Promise<(FaultKind | undefined)[]> => {
      sandbox.requests.length = 0;
      for (let i = 0; i < 12; i++) await call('GET', keysPath);
      return sandbox.requests.map((r) => r.fault);
    };
    sandbox.faults = { rate: 0.5, kinds: ['status500'], seed: 1 };
    const seed1 = await faults();
    sandbox.faults.seed = 2;
    const seed2 = await faults();
    sandbox.faults.seed = 1;
    assert.deepEqual(await faults(), seed1, 'seed 1 again: the same sequence from its start');
    assert.notDeepEqual(seed2, seed1);
    sandbox.faults.rate = 0;
    assert.ok((await faults()).every((f) => f === undefined));
    assert.ok(sandbox.requests.every((r) => r.processed));
  });

  it('methods and pathPattern limit which requests can get a fault', async () => {
    sandbox.faults = { rate: 1, kinds: ['status503'], methods: ['POST', 'PATCH'], pathPattern: /\/keys(\/|$)/g };
    const answers = [
      await call('GET', keysPath),
      await call('POST', tokensPath, { name: 'token, not a key' }),
      await call('POST', keysPath, { name: 'k1' }),
      await call('POST', keysPath, { name: 'k2' }),
      await call('GET', '/applications'),
    ];
    assert.deepEqual(
      answers.map((a) => a.status),
      [200, 201, 503, 503, 200],
    );
    assert.deepEqual(
      sandbox.requests.map((r) => r.processed),
      [true, true, false, false, true],
    );
    assert.equal(sandbox.faultCounts.status503, 2);
  });

  it('latencyMs is an alias of faults.latencyMs and delays every answer', async () => {
    sandbox.latencyMs = 120;
    assert.equal(sandbox.faults.latencyMs, 120);
    sandbox.faults.latencyMs = 150;
    assert.equal(sandbox.latencyMs, 150);
    let started = Date.now();
    await call('GET', keysPath);
    assert.ok(Date.now() - started >= 140, 'normal answer delayed');
    sandbox.faults.failNext = ['status503'];
    started = Date.now();
    assert.equal((await call('GET', keysPath)).status, 503);
    assert.ok(Date.now() - started >= 140, 'faulty answer delayed too');
    sandbox.faults = { rate: 0 };
    assert.equal(sandbox.latencyMs, 0, 'assigning faults replaces the whole configuration');
  });

  it('reset() clears faults, the queue, latency and counts', async () => {
    sandbox.faults = { rate: 1, kinds: ['html'], latencyMs: 10, failNext: ['status500', 'status500'], seed: 5 };
    await call('GET', keysPath);
    assert.equal(sandbox.faultCounts.status500, 1);
    sandbox.reset();
    assert.deepEqual(sandbox.faults, noFaults());
    assert.equal(sandbox.latencyMs, 0);
    assert.deepEqual(
      Object.values(sandbox.faultCounts),
      FAULT_KINDS.map(() => 0),
    );
    assert.equal((await call('GET', keysPath)).status, 200);
  });

  it('refuses a configuration that cannot mean anything', () => {
    assert.throws(() => (sandbox.faults = { rate: 1.5, kinds: ['status500'] }), /rate must be within 0\.\.1/);
    assert.throws(() => (sandbox.faults = { rate: 0.5 }), /rate > 0 needs at least one kind/);
    assert.throws(() => (sandbox.faults = { failNext: ['status418' as FaultKind] }), /unknown fault kind "status418"/);
    assert.throws(() => (sandbox.faults = { retryAfterSeconds: 1.5 }), /retryAfterSeconds/);
    assert.deepEqual(sandbox.faults, noFaults(), 'a refused assignment changes nothing');
  });

  it('a bad in-place change answers 500 with the reason instead of guessing', async () => {
    sandbox.faults.failNext = ['teapot' as FaultKind];
    const answer = await call('GET', keysPath);
    assert.equal(answer.status, 500);
    assert.match(JSON.parse(answer.text).message, /unknown fault kind "teapot"/);
  });
});
