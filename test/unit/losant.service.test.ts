// The service module against the sandbox, over real HTTP on loopback: every Losant operation,
// every documented error, pagination, ID checks, time limits and cancellation.
import * as assert from 'assert';
import { ApiError, CancelledError } from '../../src/core/errors';
import { AppKeysService, checkApiUrl, type ApplicationClient } from '../../src/core/service';
import type { RequestLogEntry } from '../../src/core/http';
import { SANDBOX_APPS, SANDBOX_KEY_COUNTS, SANDBOX_TOKENS, startSandbox, type Sandbox } from '../sandbox';
import { useServiceSandbox } from './serviceSandbox';

const fleet = SANDBOX_APPS.demoFleet;

async function rejectsWith(promise: Promise<unknown>, check: (e: ApiError) => void): Promise<void> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ApiError, `expected an ApiError, got ${String(error)}`);
    check(error);
    return;
  }
  assert.fail('expected the call to fail');
}

describe('Losant through the service module (against the sandbox)', () => {
  let log: RequestLogEntry[] = [];
  const h = useServiceSandbox(() => {
    log = [];
    return { timeoutMs: 2000, log: (e) => log.push(e) };
  });
  let sandbox: Sandbox;
  let service: AppKeysService;
  let client: ApplicationClient;
  beforeEach(() => {
    ({ sandbox, service } = h);
    client = h.connect({ platform: 'losant', applicationId: fleet.id }, SANDBOX_TOKENS.full);
  });

  const keys = () => client.resource('keys');

  it('lists the applications a user token can see, with their names', async () => {
    const apps = await service.listApplications('losant', sandbox.url, SANDBOX_TOKENS.full, undefined);
    assert.ok(apps);
    assert.deepStrictEqual(
      apps.map((a) => a.name).sort(),
      Object.values(SANDBOX_APPS)
        .map((a) => a.name)
        .sort(),
    );
  });

  it('gets one application by ID', async () => {
    assert.deepStrictEqual(await client.getApplication(), { id: fleet.id, name: fleet.name });
  });

  it('pages through keys to the last page', async () => {
    const total = SANDBOX_KEY_COUNTS[fleet.id];
    const seen: string[] = [];
    let page = 0;
    for (;;) {
      const result = await client.list(keys(), { page, perPage: 7 });
      assert.strictEqual(result.totalCount, total);
      assert.strictEqual(result.page, page);
      assert.strictEqual(result.perPage, 7);
      seen.push(...result.items.map((i) => i.id));
      if (result.items.length < 7) break;
      page++;
    }
    assert.strictEqual(page, Math.floor(total / 7));
    assert.strictEqual(new Set(seen).size, total);
  });

  it("sorts and filters keys with Losant's parameters", async () => {
    const byName = await client.list(keys(), { page: 0, perPage: 100, sortField: 'name', sortDirection: 'asc' });
    const names = byName.items.map((i) => (typeof i.data.name === 'string' ? i.data.name : ''));
    assert.deepStrictEqual(
      names,
      [...names].sort((a, b) => a.localeCompare(b)),
    );
    const inactive = await client.list(keys(), { page: 0, perPage: 100, filterField: 'status', filter: 'inactive' });
    assert.ok(inactive.items.length > 0);
    assert.ok(inactive.items.every((i) => i.data.status === 'inactive'));
    assert.strictEqual(inactive.totalCount, inactive.items.length);
  });

  it('gets a key without its secret, with lastUpdated as its version', async () => {
    const [first] = (await client.list(keys(), { page: 0, perPage: 1 })).items;
    const key = await client.get(keys(), first.id);
    assert.strictEqual(key.id, first.id);
    assert.strictEqual(key.version, key.data.lastUpdated);
    assert.strictEqual(key.data.secret, undefined);
  });

  it('creates a key: the secret comes back once, apart from the item, handed off with its key (the whole credential)', async () => {
    const created = await client.create(keys(), { name: 'New gateway', description: 'made by a test' });
    assert.deepStrictEqual(
      created.oneTimeSecrets.map((s) => s.label),
      ['key', 'secret'],
    );
    assert.strictEqual(created.oneTimeSecrets[0].value, sandbox.state.losant.keys.get(created.item.id)?.key);
    assert.strictEqual(created.oneTimeSecrets[1].value, sandbox.state.losant.keys.get(created.item.id)?.secret);
    assert.strictEqual(created.item.data.secret, undefined);
    const again = await client.get(keys(), created.item.id);
    assert.strictEqual(again.data.secret, undefined);
  });

  it('patches a key and gets a new lastUpdated', async () => {
    const [first] = (await client.list(keys(), { page: 0, perPage: 1 })).items;
    const updated = await client.update(keys(), first.id, { description: 'patched', status: 'inactive' });
    assert.strictEqual(updated.data.description, 'patched');
    assert.strictEqual(updated.data.status, 'inactive');
    assert.notStrictEqual(updated.version, first.version);
    const patch = sandbox.requests.find((r) => r.method === 'PATCH');
    assert.deepStrictEqual(patch?.body, { description: 'patched', status: 'inactive' });
  });

  it('deletes a key; afterwards it is 404 NotFound', async () => {
    const [first] = (await client.list(keys(), { page: 0, perPage: 1 })).items;
    await client.remove(keys(), first.id);
    await rejectsWith(client.get(keys(), first.id), (e) => {
      assert.strictEqual(e.status, 404);
      assert.strictEqual(e.type, 'NotFound');
      assert.strictEqual(e.requiredScopes, undefined);
    });
  });

  it("turns a 400 into an ApiError with Losant's type and message", async () => {
    await rejectsWith(client.create(keys(), { name: 'x', colour: 'red' }), (e) => {
      assert.strictEqual(e.status, 400);
      assert.strictEqual(e.type, 'Validation');
      assert.match(e.message, /colour/);
    });
  });

  it('names the needed scopes on 401 (missing or invalid token)', async () => {
    const bad = service.forApplication({ platform: 'losant', applicationId: fleet.id, apiUrl: sandbox.url }, 'not-a-token');
    await rejectsWith(bad.list(keys(), { page: 0, perPage: 1 }), (e) => {
      assert.strictEqual(e.status, 401);
      assert.deepStrictEqual(e.requiredScopes, [
        'all.Application',
        'all.Application.read',
        'all.Organization',
        'all.Organization.read',
        'all.User',
        'all.User.read',
        'applicationKeys.*',
        'applicationKeys.get',
      ]);
      assert.ok(!e.describe().includes('not-a-token'));
    });
  });

  it('names the needed scopes on 403 (token without the scope)', async () => {
    const readOnly = service.forApplication({ platform: 'losant', applicationId: fleet.id, apiUrl: sandbox.url }, SANDBOX_TOKENS.readOnly);
    const [first] = (await readOnly.list(keys(), { page: 0, perPage: 1 })).items;
    await rejectsWith(readOnly.update(keys(), first.id, { description: 'no' }), (e) => {
      assert.strictEqual(e.status, 403);
      assert.deepStrictEqual(e.requiredScopes, ['all.Application', 'all.Organization', 'all.User', 'applicationKey.*', 'applicationKey.patch']);
      assert.match(e.describe(), /needs one of these scopes: .*applicationKey\.patch/);
    });
  });

  it('is refused (403) with a token of another application', async () => {
    const other = service.forApplication(
      { platform: 'losant', applicationId: SANDBOX_APPS.warehouseSensors.id, apiUrl: sandbox.url },
      SANDBOX_TOKENS.singleApp,
    );
    await rejectsWith(other.list(keys(), { page: 0, perPage: 1 }), (e) => assert.strictEqual(e.status, 403));
  });

  it('answers 404 for an application that does not exist', async () => {
    const missing = service.forApplication({ platform: 'losant', applicationId: 'ffffffffffffffffffffffff', apiUrl: sandbox.url }, SANDBOX_TOKENS.full);
    await rejectsWith(missing.list(keys(), { page: 0, perPage: 1 }), (e) => {
      assert.strictEqual(e.status, 404);
      assert.match(e.message, /Application was not found/);
    });
  });

  it('refuses IDs that are not 24 hex digits before any request', async () => {
    for (const id of ['../keys', 'abc', '65a0c0deb00000000000001%2F', '65a0c0deb000000000000001?x', '65a0c0deb000000000000001#', '']) {
      await rejectsWith(client.get(keys(), id), (e) => assert.strictEqual(e.kind, 'invalid-input'));
    }
    // An application ID is refused where it is read, before a client exists (issue 19, item 9).
    assert.throws(
      () => service.forApplication({ platform: 'losant', applicationId: '../../me', apiUrl: sandbox.url }, SANDBOX_TOKENS.full),
      (e: ApiError) => e.kind === 'invalid-input' && /appKeys\.applications/.test(e.message),
    );
    for (const applicationId of ['../../me', `8443:${fleet.id}`, fleet.id.toUpperCase() + '0', '']) {
      const app = service.configure({ platform: 'losant', applicationId, apiUrl: sandbox.url });
      assert.match(app.problem ?? '', /^The "applicationId" .* in the appKeys\.applications setting is not a Losant application ID/, applicationId);
      assert.strictEqual(app.origin, '', 'no origin: nothing can be keyed or sent by it');
    }
    assert.strictEqual(service.configure({ platform: 'losant', applicationId: fleet.id, apiUrl: sandbox.url }).problem, undefined);
    assert.match(
      service.configure({ platform: 'elasticpath', applicationId: `8443:${'0'.repeat(8)}`, apiUrl: sandbox.url }).problem ?? '',
      /not a Elastic Path store ID|not an? Elastic Path/,
    );
    assert.strictEqual(sandbox.requests.length, 0);
  });

  it('gives up after the time limit with a timeout error', async () => {
    sandbox.latencyMs = 1500;
    const slow = new AppKeysService({ timeoutMs: 200, retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } });
    try {
      const c = slow.forApplication({ platform: 'losant', applicationId: fleet.id, apiUrl: sandbox.url }, SANDBOX_TOKENS.full);
      const started = Date.now();
      await rejectsWith(c.list(keys(), { page: 0, perPage: 1 }), (e) => {
        assert.strictEqual(e.kind, 'timeout');
        assert.match(e.message, /timed out after 200 ms/);
      });
      assert.ok(Date.now() - started < 1400, 'the call ended at its time limit, not when the server answered');
    } finally {
      await slow.dispose();
    }
  });

  it('stops when cancelled, with a CancelledError', async () => {
    sandbox.latencyMs = 1500;
    const abort = new AbortController();
    const call = client.list(keys(), { page: 0, perPage: 1 }, abort.signal);
    setTimeout(() => abort.abort(), 50);
    await assert.rejects(call, (e: unknown) => e instanceof CancelledError);
    await assert.rejects(client.list(keys(), { page: 0, perPage: 1 }, abort.signal), (e: unknown) => e instanceof CancelledError);
  });

  it('reports a refused connection as a network error', async () => {
    const closed = await startSandbox({ port: 0, plainHttp: true });
    const url = closed.url;
    await closed.close();
    const c = service.forApplication({ platform: 'losant', applicationId: fleet.id, apiUrl: url }, SANDBOX_TOKENS.full);
    await rejectsWith(c.list(keys(), { page: 0, perPage: 1 }), (e) => assert.strictEqual(e.kind, 'network'));
  });

  it('logs method, URL, status and duration of each request, never the token', async () => {
    await client.list(keys(), { page: 0, perPage: 2 });
    assert.strictEqual(log.length, 1);
    assert.strictEqual(log[0].method, 'GET');
    assert.strictEqual(log[0].status, 200);
    assert.ok(log[0].url.startsWith(`${sandbox.url}/applications/${fleet.id}/keys?`));
    assert.ok(log[0].durationMs >= 0);
    assert.ok(!JSON.stringify(log).includes(SANDBOX_TOKENS.full));
  });

  it('keeps one keep-alive connection pool per origin', async () => {
    await Promise.all(Array.from({ length: 5 }, () => client.list(keys(), { page: 0, perPage: 1 })));
    assert.strictEqual((service.http as unknown as { agents: Map<string, unknown> }).agents.size, 1);
  });
});

describe('checkApiUrl', () => {
  it('takes https anywhere and http on loopback only', () => {
    for (const ok of ['https://api.losant.com', 'https://api.app.wnology.io', 'http://127.0.0.1:7070', 'http://localhost:1', 'http://[::1]:8']) {
      assert.doesNotThrow(() => checkApiUrl(ok), ok);
    }
    for (const bad of [
      'http://api.losant.com',
      'ftp://x',
      'not a url',
      'https://user:pw@api.losant.com',
      'https://api.losant.com/?x=1',
      'http://127.0.0.1.evil.com',
    ]) {
      assert.throws(() => checkApiUrl(bad), ApiError, bad);
    }
  });
});
