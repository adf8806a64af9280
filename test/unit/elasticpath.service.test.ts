// Elastic Path application keys through the service module, against the sandbox: client-credentials
// tokens (cached, renewed on expiry, one retry on 401), every operation and documented error.
import * as assert from 'assert';
import { ApiError } from '../../src/core/errors';
import { maskSecrets } from '../../src/core/masking';
import type { ApplicationClient } from '../../src/core/service';
import { SANDBOX_EP, SANDBOX_EP_KEY_COUNT, SANDBOX_EP_KEYS, SANDBOX_EP_RESERVED_TOTAL, type Sandbox } from '../sandbox';
import { useServiceSandbox } from './serviceSandbox';

describe('Elastic Path through the service module (against the sandbox)', () => {
  const h = useServiceSandbox();
  let sandbox: Sandbox;
  let client: ApplicationClient;
  beforeEach(() => {
    sandbox = h.sandbox;
    client = connect(SANDBOX_EP.clientSecret);
  });

  function connect(secret: string, clientId: string = SANDBOX_EP.clientId): ApplicationClient {
    return h.connect({ platform: 'elasticpath', applicationId: SANDBOX_EP.storeId, clientId }, secret);
  }
  const keys = () => client.resource('keys');
  const tokenRequests = () => sandbox.requests.filter((r) => r.path === '/oauth/access_token');

  it('gets a client-credentials token once (form-encoded) and reuses it', async () => {
    await client.list(keys(), { page: 0, perPage: 5 });
    await client.list(keys(), { page: 1, perPage: 5 });
    assert.strictEqual(tokenRequests().length, 1);
    const [request] = tokenRequests();
    assert.deepStrictEqual(request.body, { grant_type: 'client_credentials', client_id: SANDBOX_EP.clientId, client_secret: '***' });
  });

  it('pages with page[offset] and page[limit] and reads meta.results.total and the reserved total', async () => {
    const seen: string[] = [];
    for (let page = 0; page < 3; page++) {
      const result = await client.list(keys(), { page, perPage: 3 });
      assert.strictEqual(result.totalCount, SANDBOX_EP_KEY_COUNT);
      assert.strictEqual(result.note, `${SANDBOX_EP_RESERVED_TOTAL}/s reserved`);
      seen.push(...result.items.map((i) => i.id));
    }
    assert.strictEqual(new Set(seen).size, SANDBOX_EP_KEY_COUNT);
    const lists = sandbox.requests.filter((r) => r.path === '/v2/application-keys');
    assert.deepStrictEqual(
      lists.map((r) => [r.query['page[offset]'], r.query['page[limit]']]),
      [
        ['0', '3'],
        ['3', '3'],
        ['6', '3'],
      ],
    );
  });

  it("asks for at most 100 per page (the API's limit)", async () => {
    const result = await client.list(keys(), { page: 0, perPage: 500 });
    assert.strictEqual(result.perPage, 100);
    assert.strictEqual(sandbox.requests.at(-1)?.query['page[limit]'], '100');
  });

  it('gets a key with its client secret hidden and masked, with updated_at as its version', async () => {
    const key = await client.get(keys(), SANDBOX_EP_KEYS.storefront.id);
    const stored = sandbox.state.elasticpath.keys.get(SANDBOX_EP_KEYS.storefront.id)!;
    assert.ok(sandbox.requests.length > 0);
    assert.strictEqual(key.data.name, 'Storefront');
    assert.strictEqual(key.data.client_secret, '(hidden)');
    assert.ok(!JSON.stringify(key).includes(stored.client_secret), 'the secret is nowhere in the item');
    assert.strictEqual(maskSecrets(`echo ${stored.client_secret}`), 'echo ***', 'and masked from then on');
    assert.strictEqual(key.version, (key.data.meta as { timestamps: { updated_at: string } }).timestamps.updated_at);
  });

  it('creates a key: client_id and the one-time client_secret come back apart from the item', async () => {
    const created = await client.create(keys(), { name: 'Checkout', reserved_rate_limit: 5 });
    assert.deepStrictEqual(
      created.oneTimeSecrets.map((s) => s.label),
      ['client_id', 'client_secret'],
    );
    const stored = sandbox.state.elasticpath.keys.get(created.item.id);
    assert.strictEqual(created.oneTimeSecrets[1].value, stored?.client_secret);
    assert.ok(!JSON.stringify(created.item).includes(stored!.client_secret), 'the one-time secret is not in the item');
    assert.deepStrictEqual(sandbox.requests.find((r) => r.method === 'POST' && r.path === '/v2/application-keys')?.body, {
      data: { type: 'application_key', name: 'Checkout', reserved_rate_limit: 5 },
    });
    assert.strictEqual(maskSecrets(`secret ${stored?.client_secret}`), 'secret ***', 'the new secret is masked from then on');
  });

  it('updates with PUT { data: { type, …changes } }', async () => {
    const updated = await client.update(keys(), SANDBOX_EP_KEYS.storefront.id, { name: 'Storefront v2' });
    assert.strictEqual(updated.data.name, 'Storefront v2');
    const put = sandbox.requests.find((r) => r.method === 'PUT');
    assert.deepStrictEqual(put?.body, { data: { type: 'application_key', name: 'Storefront v2' } });
  });

  it('turns the 409 on reserved rate limits into a clear error', async () => {
    await assert.rejects(client.update(keys(), SANDBOX_EP_KEYS.storefront.id, { reserved_rate_limit: 95 }), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.strictEqual(e.status, 409);
      assert.strictEqual(e.type, 'Conflict');
      assert.strictEqual(e.message, 'requested reserved rate limit will exceed the maximum');
      return true;
    });
  });

  it('reads 400 and 404 error bodies', async () => {
    await assert.rejects(client.create(keys(), { name: '' }), (e: unknown) => e instanceof ApiError && e.status === 400 && /name/.test(e.message));
    await assert.rejects(
      client.get(keys(), '00000000-0000-4000-8000-000000000000'),
      (e: unknown) => e instanceof ApiError && e.status === 404 && e.message === 'application key not found',
    );
  });

  it('deletes a key (204)', async () => {
    await client.remove(keys(), SANDBOX_EP_KEYS.storefront.id);
    assert.ok(!sandbox.state.elasticpath.keys.has(SANDBOX_EP_KEYS.storefront.id));
  });

  it('refuses IDs that are not UUIDs before any request', async () => {
    for (const id of ['../../oauth', 'x', `${SANDBOX_EP_KEYS.storefront.id}/..`, `${SANDBOX_EP_KEYS.storefront.id}?a`]) {
      await assert.rejects(client.get(keys(), id), (e: unknown) => e instanceof ApiError && e.kind === 'invalid-input');
    }
    assert.strictEqual(sandbox.requests.length, 0);
  });

  it('gets a new token after expiry without the caller noticing', async () => {
    await client.list(keys(), { page: 0, perPage: 1 });
    // Expire the cached token on the server and in time: the next call must renew it.
    for (const token of sandbox.state.elasticpath.accessTokens.values()) token.expiresAtMs = Date.now() - 1;
    const page = await client.list(keys(), { page: 0, perPage: 1 });
    assert.strictEqual(page.items.length, 1);
    assert.strictEqual(tokenRequests().length, 2);
    const statuses = sandbox.requests.filter((r) => r.path === '/v2/application-keys').map((r) => r.status);
    assert.deepStrictEqual(statuses, [200, 401, 200], 'one 401, one renewal, one retry');
  });

  it('renews before expiry when the token is about to run out', async () => {
    sandbox.state.elasticpath.tokenLifetimeSeconds = 30; // inside the one-minute margin
    await client.list(keys(), { page: 0, perPage: 1 });
    await client.list(keys(), { page: 0, perPage: 1 });
    assert.strictEqual(tokenRequests().length, 2);
    assert.ok(sandbox.requests.every((r) => r.status !== 401));
  });

  it('gives one clear error for a wrong client secret, with no retry loop', async () => {
    const wrong = connect('sbx_ep_secret_wrong_wrong_wrong_wrong_wrong_wr');
    await assert.rejects(wrong.list(wrong.resource('keys'), { page: 0, perPage: 1 }), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.strictEqual(e.status, 401);
      assert.match(e.message, /refused the client ID and secret/);
      assert.ok(!e.message.includes('wrong_wrong'));
      return true;
    });
    assert.strictEqual(sandbox.requests.length, 1, 'one token request, nothing else');
  });

  it('knows which key is its own credential', async () => {
    const own = await client.get(keys(), SANDBOX_EP_KEYS.appKeys.id);
    const other = await client.get(keys(), SANDBOX_EP_KEYS.storefront.id);
    assert.ok(client.isOwnCredential(keys(), own));
    assert.ok(!client.isOwnCredential(keys(), other));
  });

  it("checks a store's credentials when it is added", async () => {
    assert.deepStrictEqual(await client.getApplication(), { id: SANDBOX_EP.storeId, name: SANDBOX_EP.storeId });
    await assert.rejects(connect('nope-nope-nope').getApplication(), (e: unknown) => e instanceof ApiError && e.status === 401);
  });
});
