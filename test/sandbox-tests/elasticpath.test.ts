// Sandbox, Elastic Path side: /oauth/access_token, /v2/application-keys (list, create, get,
// put, delete), pagination, rate-limit conflicts, error bodies, revocation and the request log.
import * as assert from 'node:assert/strict';
import {
  callSandbox,
  SANDBOX_EP,
  SANDBOX_EP_KEY_COUNT,
  SANDBOX_EP_KEYS,
  SANDBOX_EP_RESERVED_TOTAL,
  SANDBOX_TOKENS,
  startSandbox,
  type SandboxReply,
} from '../sandbox';
import { useSandbox } from '../support/sandboxFixture';

const KEYS = '/v2/application-keys';
const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/;
const UNKNOWN_ID = '0c45e4ec-26e0-4043-86e4-c15b9cf985a0';

const UNAUTHORIZED = { errors: [{ title: 'Unauthorized', status: '401' }] };
const OAUTH_BAD_REQUEST = { errors: [{ title: 'Bad Request', status: '400' }] };
const NOT_FOUND = { errors: [{ title: 'Not Found', status: '404', detail: 'application key not found' }] };
const CONFLICT = { errors: [{ title: 'Conflict', status: '409', detail: 'requested reserved rate limit will exceed the maximum' }] };
const badRequest = (...details: string[]): unknown => ({
  errors: details.map((detail) => ({ title: 'Bad Request', status: '400', detail })),
});

describe('sandbox: Elastic Path', () => {
  const h = useSandbox();

  function oauth(form: Record<string, string>, contentType = 'application/x-www-form-urlencoded'): Promise<SandboxReply> {
    return callSandbox(h.sandbox, 'POST', '/oauth/access_token', {
      token: null,
      rawBody: new URLSearchParams(form).toString(),
      headers: { 'Content-Type': contentType },
    });
  }

  async function tokenFor(clientId: string = SANDBOX_EP.clientId, clientSecret: string = SANDBOX_EP.clientSecret): Promise<string> {
    const reply = await oauth({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return reply.body.access_token;
  }

  /** Calls /v2 with a fresh client_credentials token of the sandbox's own key unless one is given. */
  async function ep(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; rawBody?: string; query?: Record<string, string | number> } = {},
  ): Promise<SandboxReply> {
    const token = options.token ?? (await tokenFor());
    return callSandbox(h.sandbox, method, path, { ...options, token });
  }

  const keyBody = (data: Record<string, unknown>): unknown => ({ data: { type: 'application_key', ...data } });

  describe('POST /oauth/access_token', () => {
    it('exchanges client credentials for a bearer token that works on /v2', async () => {
      const before = Math.floor(Date.now() / 1000);
      const reply = await oauth({ grant_type: 'client_credentials', client_id: SANDBOX_EP.clientId, client_secret: SANDBOX_EP.clientSecret });
      assert.equal(reply.status, 200);
      assert.deepEqual(Object.keys(reply.body).sort(), ['access_token', 'expires', 'expires_in', 'identifier', 'token_type']);
      assert.match(reply.body.access_token, /^[\da-f]{40}$/);
      assert.equal(reply.body.token_type, 'Bearer');
      assert.equal(reply.body.identifier, 'client_credentials');
      assert.equal(reply.body.expires_in, 3600);
      assert.ok(reply.body.expires >= before + 3600 && reply.body.expires <= before + 3601, `expires ${reply.body.expires}`);

      const list = await callSandbox(h.sandbox, 'GET', KEYS, { token: reply.body.access_token });
      assert.equal(list.status, 200);
    });

    it('answers 401 with the documented body for a wrong secret, an unknown client or no secret', async () => {
      const attempts: Record<string, string>[] = [
        { grant_type: 'client_credentials', client_id: SANDBOX_EP.clientId, client_secret: `${SANDBOX_EP.clientSecret}x` },
        { grant_type: 'client_credentials', client_id: 'no-such-client', client_secret: SANDBOX_EP.clientSecret },
        { grant_type: 'client_credentials', client_id: SANDBOX_EP.clientId },
        { grant_type: 'implicit', client_id: 'no-such-client' },
      ];
      for (const form of attempts) {
        const reply = await oauth(form);
        assert.equal(reply.status, 401, JSON.stringify(form));
        assert.deepEqual(reply.body, UNAUTHORIZED);
      }
      assert.equal(h.sandbox.state.elasticpath.accessTokens.size, 0);
    });

    it('answers 400 with the documented body for a missing or unknown grant_type, no client_id, or a non-form body', async () => {
      const creds = { client_id: SANDBOX_EP.clientId, client_secret: SANDBOX_EP.clientSecret };
      const replies = [
        await oauth(creds),
        await oauth({ grant_type: 'password', ...creds }),
        await oauth({ grant_type: 'client_credentials', client_secret: SANDBOX_EP.clientSecret }),
        await callSandbox(h.sandbox, 'POST', '/oauth/access_token', { token: null, body: { grant_type: 'client_credentials', ...creds } }),
        await oauth({ grant_type: 'client_credentials', ...creds }, 'text/plain'),
      ];
      for (const reply of replies) {
        assert.equal(reply.status, 400);
        assert.deepEqual(reply.body, OAUTH_BAD_REQUEST);
      }
    });

    it('records when a key was last used: null until its credentials get a token', async () => {
      const created = await ep('POST', KEYS, { body: keyBody({ name: 'Fresh' }) });
      assert.equal(created.body.data.meta.timestamps.last_used_at, null);
      const before = Date.now();
      await tokenFor(created.body.data.client_id, created.body.data.client_secret);
      const fetched = await ep('GET', `${KEYS}/${created.body.data.id}`);
      const lastUsed = Date.parse(fetched.body.data.meta.timestamps.last_used_at);
      assert.ok(lastUsed >= before && lastUsed <= Date.now() + 5, fetched.body.data.meta.timestamps.last_used_at);
    });

    it('lets tokens expire after tokenLifetimeSeconds', async () => {
      h.sandbox.state.elasticpath.tokenLifetimeSeconds = 1;
      const reply = await oauth({ grant_type: 'client_credentials', client_id: SANDBOX_EP.clientId, client_secret: SANDBOX_EP.clientSecret });
      assert.equal(reply.body.expires_in, 1);
      const token = reply.body.access_token;
      assert.equal((await callSandbox(h.sandbox, 'GET', KEYS, { token })).status, 200);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const expired = await callSandbox(h.sandbox, 'GET', KEYS, { token });
      assert.equal(expired.status, 401);
      assert.deepEqual(expired.body, UNAUTHORIZED);
    });

    it('refuses a token whose expiry was moved into the past in the state', async () => {
      const token = await tokenFor();
      h.sandbox.state.elasticpath.accessTokens.get(token)!.expiresAtMs = Date.now() - 1;
      assert.equal((await callSandbox(h.sandbox, 'GET', KEYS, { token })).status, 401);
    });

    it('issues implicit tokens that may not manage application keys (403)', async () => {
      const reply = await oauth({ grant_type: 'implicit', client_id: SANDBOX_EP.clientId });
      assert.equal(reply.status, 200);
      assert.equal(reply.body.identifier, 'implicit');
      const token = reply.body.access_token;
      for (const [method, path] of [
        ['GET', KEYS],
        ['POST', KEYS],
        ['GET', `${KEYS}/${SANDBOX_EP_KEYS.storefront.id}`],
        ['DELETE', `${KEYS}/${SANDBOX_EP_KEYS.storefront.id}`],
      ]) {
        const refused = await callSandbox(h.sandbox, method, path, { token, body: method === 'POST' ? keyBody({ name: 'x' }) : undefined });
        assert.equal(refused.status, 403, `${method} ${path}`);
        assert.equal(refused.body.errors.length, 1);
        assert.equal(refused.body.errors[0].title, 'Forbidden');
        assert.equal(refused.body.errors[0].status, '403');
        assert.equal(typeof refused.body.errors[0].detail, 'string');
      }
      assert.ok(h.sandbox.state.elasticpath.keys.has(SANDBOX_EP_KEYS.storefront.id));
    });
  });

  describe('authentication on /v2', () => {
    it('answers 401 with the documented body without a bearer, or with an unknown or Losant one', async () => {
      for (const token of [null, 'not-a-token', SANDBOX_TOKENS.full]) {
        const reply = await callSandbox(h.sandbox, 'GET', KEYS, { token });
        assert.equal(reply.status, 401, String(token));
        assert.deepEqual(reply.body, UNAUTHORIZED);
      }
    });
  });

  describe('GET /v2/application-keys', () => {
    it('lists the seeded keys with links, meta, the total reserved rate limit and each client_secret (as the reference does)', async () => {
      const { status, body } = await ep('GET', KEYS);
      assert.equal(status, 200);
      assert.equal(body.data.length, SANDBOX_EP_KEY_COUNT);
      const base = `${h.sandbox.url}${KEYS}`;
      assert.deepEqual(body.links, {
        current: `${base}?page[offset]=0&page[limit]=25`,
        first: `${base}?page[offset]=0&page[limit]=25`,
        last: `${base}?page[offset]=0&page[limit]=25`,
        next: null,
        prev: null,
      });
      assert.deepEqual(body.meta, {
        page: { limit: 25, offset: 0, current: 1, total: 1 },
        results: { total: SANDBOX_EP_KEY_COUNT },
        total_reserved_rate_limit: SANDBOX_EP_RESERVED_TOTAL,
      });
      assert.equal(JSON.stringify(body).includes(SANDBOX_EP.clientSecret), true, "the own key's secret is in the list");
      for (const key of body.data) {
        assert.deepEqual(Object.keys(key), ['id', 'name', 'type', 'client_id', 'client_secret', 'reserved_rate_limit', 'meta', 'links']);
        assert.match(key.id, UUID);
        assert.equal(key.type, 'application_key');
        assert.deepEqual(Object.keys(key.meta.timestamps), ['created_at', 'updated_at', 'last_used_at']);
        assert.equal(key.links.self, `${base}/${key.id}`);
      }
      const own = body.data.find((key: { id: string }) => key.id === SANDBOX_EP.keyId);
      assert.equal(own.name, SANDBOX_EP.keyName);
      assert.equal(own.client_id, SANDBOX_EP.clientId);
      const sum = body.data.reduce((total: number, key: { reserved_rate_limit: number }) => total + key.reserved_rate_limit, 0);
      assert.equal(sum, SANDBOX_EP_RESERVED_TOTAL);
    });

    it('seeds never-used and long-unused keys for stale-key reports', async () => {
      const { body } = await ep('GET', KEYS);
      const byId = new Map<string, { meta: { timestamps: { last_used_at: string | null } } }>(body.data.map((key: { id: string }) => [key.id, key]));
      assert.equal(byId.get(SANDBOX_EP_KEYS.testKey.id)!.meta.timestamps.last_used_at, null);
      assert.equal(byId.get(SANDBOX_EP_KEYS.legacyImporter.id)!.meta.timestamps.last_used_at, '2023-03-14T18:22:05.000Z');
      const recent = Date.parse(byId.get(SANDBOX_EP_KEYS.storefront.id)!.meta.timestamps.last_used_at!);
      assert.ok(Date.now() - recent < 2 * 3600_000, 'storefront used within the last two hours');
    });

    it('pages with page[offset] and page[limit] up to the last page', async () => {
      const base = `${h.sandbox.url}${KEYS}`;
      const token = await tokenFor();
      const first = await ep('GET', KEYS, { token, query: { 'page[limit]': 3 } });
      assert.equal(first.body.data.length, 3);
      assert.deepEqual(first.body.links, {
        current: `${base}?page[offset]=0&page[limit]=3`,
        first: `${base}?page[offset]=0&page[limit]=3`,
        last: `${base}?page[offset]=6&page[limit]=3`,
        next: `${base}?page[offset]=3&page[limit]=3`,
        prev: null,
      });
      assert.deepEqual(first.body.meta.page, { limit: 3, offset: 0, current: 1, total: 3 });

      const last = await ep('GET', KEYS, { token, query: { 'page[offset]': 6, 'page[limit]': 3 } });
      assert.equal(last.body.data.length, 2);
      assert.equal(last.body.links.next, null);
      assert.equal(last.body.links.prev, `${base}?page[offset]=3&page[limit]=3`);
      assert.deepEqual(last.body.meta.page, { limit: 3, offset: 6, current: 3, total: 3 });
      assert.equal(last.body.meta.results.total, SANDBOX_EP_KEY_COUNT);

      const middle = await ep('GET', KEYS, { token, query: { 'page[offset]': 3, 'page[limit]': 3 } });
      const ids = [...first.body.data, ...middle.body.data, ...last.body.data].map((key: { id: string }) => key.id);
      assert.equal(new Set(ids).size, SANDBOX_EP_KEY_COUNT, 'pages neither overlap nor skip');

      const past = await ep('GET', KEYS, { token, query: { 'page[offset]': 100 } });
      assert.equal(past.status, 200);
      assert.deepEqual(past.body.data, []);
      assert.equal(past.body.meta.results.total, SANDBOX_EP_KEY_COUNT);
    });

    it('treats page[limit]=0 as the store page length', async () => {
      const { body } = await ep('GET', KEYS, { query: { 'page[limit]': 0 } });
      assert.equal(body.meta.page.limit, 25);
      assert.equal(body.data.length, SANDBOX_EP_KEY_COUNT);
    });

    it('answers 400 for page parameters out of range or not integers', async () => {
      const token = await tokenFor();
      const limitDetail = 'page[limit] must be an integer between 0 and 100';
      const offsetDetail = 'page[offset] must be an integer between 0 and 10000';
      const cases: [Record<string, string | number>, unknown][] = [
        [{ 'page[limit]': 101 }, badRequest(limitDetail)],
        [{ 'page[limit]': -1 }, badRequest(limitDetail)],
        [{ 'page[limit]': 'ten' }, badRequest(limitDetail)],
        [{ 'page[offset]': 10001 }, badRequest(offsetDetail)],
        [{ 'page[offset]': '1.5' }, badRequest(offsetDetail)],
        [{ 'page[offset]': '' }, badRequest(offsetDetail)],
        [{ 'page[offset]': -3, 'page[limit]': 500 }, badRequest(offsetDetail, limitDetail)],
      ];
      for (const [query, expected] of cases) {
        const reply = await ep('GET', KEYS, { token, query });
        assert.equal(reply.status, 400, JSON.stringify(query));
        assert.deepEqual(reply.body, expected, JSON.stringify(query));
      }
      assert.equal((await ep('GET', KEYS, { token, query: { 'page[offset]': 10000, 'page[limit]': 100 } })).status, 200);
    });

    it('serves generated keys from extraKeys { platform: "elasticpath" }', async () => {
      const big = await startSandbox({ plainHttp: true, extraKeys: [{ platform: 'elasticpath', count: 1000 }] });
      try {
        const login = await callSandbox(big, 'POST', '/oauth/access_token', {
          token: null,
          rawBody: new URLSearchParams({ grant_type: 'client_credentials', client_id: SANDBOX_EP.clientId, client_secret: SANDBOX_EP.clientSecret }).toString(),
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        });
        const token = login.body.access_token;
        const total = SANDBOX_EP_KEY_COUNT + 1000;
        const page = await callSandbox(big, 'GET', KEYS, { token, query: { 'page[offset]': 1000, 'page[limit]': 100 } });
        assert.equal(page.body.meta.results.total, total);
        assert.equal(page.body.data.length, total - 1000);
        assert.equal(page.body.meta.page.total, Math.ceil(total / 100));
        assert.equal(page.body.links.next, null);
        assert.equal(page.body.meta.total_reserved_rate_limit, SANDBOX_EP_RESERVED_TOTAL);
        assert.equal(big.state.losant.keys.size, h.sandbox.state.losant.keys.size, 'Losant seed untouched');
      } finally {
        await big.close();
      }
    });
  });

  describe('POST /v2/application-keys', () => {
    it('creates a key, shows client_secret in the 201 response and every later answer, and the credentials work', async () => {
      const token = await tokenFor();
      const created = await ep('POST', KEYS, { token, body: keyBody({ name: 'Checkout Service', reserved_rate_limit: 20 }) });
      assert.equal(created.status, 201);
      const key = created.body.data;
      assert.match(key.id, UUID);
      assert.equal(key.name, 'Checkout Service');
      assert.equal(key.type, 'application_key');
      assert.equal(key.reserved_rate_limit, 20);
      assert.match(key.client_id, /^\w{42}$/);
      assert.match(key.client_secret, /^\w{42}$/);
      assert.equal(key.meta.timestamps.created_at, key.meta.timestamps.updated_at);
      assert.equal(key.meta.timestamps.last_used_at, null);
      assert.equal(key.links.self, `${h.sandbox.url}${KEYS}/${key.id}`);

      const fetched = await ep('GET', `${KEYS}/${key.id}`, { token });
      assert.equal(fetched.status, 200);
      assert.deepEqual(fetched.body, { data: key });
      const list = await ep('GET', KEYS, { token });
      assert.equal(JSON.stringify(list.body).includes(key.client_secret), true);
      assert.equal(list.body.meta.total_reserved_rate_limit, SANDBOX_EP_RESERVED_TOTAL + 20);

      assert.equal((await oauth({ grant_type: 'client_credentials', client_id: key.client_id, client_secret: key.client_secret })).status, 200);
    });

    it('defaults reserved_rate_limit to 0', async () => {
      const created = await ep('POST', KEYS, { body: keyBody({ name: 'No reservation' }) });
      assert.equal(created.status, 201);
      assert.equal(created.body.data.reserved_rate_limit, 0);
    });

    it('answers 400 with a detail for each problem in the body', async () => {
      const token = await tokenFor();
      const cases: [unknown, unknown][] = [
        [keyBody({}), badRequest("The field 'name' is required.")],
        [{ data: { name: 'No type' } }, badRequest("The field 'type' is required.")],
        [{ data: { type: 'application-key', name: 'Wrong type' } }, badRequest("The field 'type' must be 'application_key'.")],
        [{ name: 'Not wrapped' }, badRequest("The field 'data' is required.")],
        [{ data: ['x'] }, badRequest("The field 'data' must be an object.")],
        [keyBody({ name: '' }), badRequest("The field 'name' must be at least 1 character long.")],
        [keyBody({ name: 'x'.repeat(256) }), badRequest("The field 'name' must be at most 255 characters long.")],
        [keyBody({ name: 42 }), badRequest("The field 'name' must be a string.")],
        [keyBody({ name: 'Half', reserved_rate_limit: 1.5 }), badRequest("The field 'reserved_rate_limit' must be an integer.")],
        [keyBody({ name: 'Text', reserved_rate_limit: '5' }), badRequest("The field 'reserved_rate_limit' must be an integer.")],
        [keyBody({ name: 'Negative', reserved_rate_limit: -1 }), badRequest("The field 'reserved_rate_limit' must be greater than or equal to 0.")],
        [
          { data: { reserved_rate_limit: -1 } },
          badRequest("The field 'type' is required.", "The field 'name' is required.", "The field 'reserved_rate_limit' must be greater than or equal to 0."),
        ],
      ];
      for (const [body, expected] of cases) {
        const reply = await ep('POST', KEYS, { token, body });
        assert.equal(reply.status, 400, JSON.stringify(body));
        assert.deepEqual(reply.body, expected, JSON.stringify(body));
      }
      const malformed = await ep('POST', KEYS, { token, rawBody: '{"data": ' });
      assert.deepEqual([malformed.status, malformed.body], [400, badRequest('The request body must be valid JSON.')]);
      const empty = await ep('POST', KEYS, { token, rawBody: '' });
      assert.deepEqual([empty.status, empty.body], [400, badRequest("The field 'data' is required.")]);
      assert.equal(h.sandbox.state.elasticpath.keys.size, SANDBOX_EP_KEY_COUNT, 'nothing was created');
      assert.equal((await ep('POST', KEYS, { token, body: keyBody({ name: 'x'.repeat(255) }) })).status, 201);
    });

    it('answers 409 when the reserved rate limits would exceed the store rate limit', async () => {
      const token = await tokenFor();
      const free = SANDBOX_EP.rateLimit - SANDBOX_EP_RESERVED_TOTAL;
      const over = await ep('POST', KEYS, { token, body: keyBody({ name: 'Too greedy', reserved_rate_limit: free + 1 }) });
      assert.equal(over.status, 409);
      assert.deepEqual(over.body, CONFLICT);
      assert.equal(h.sandbox.state.elasticpath.keys.size, SANDBOX_EP_KEY_COUNT);
      const exact = await ep('POST', KEYS, { token, body: keyBody({ name: 'Just fits', reserved_rate_limit: free }) });
      assert.equal(exact.status, 201);
      const full = await ep('POST', KEYS, { token, body: keyBody({ name: 'One more', reserved_rate_limit: 1 }) });
      assert.deepEqual([full.status, full.body], [409, CONFLICT]);
      assert.equal((await ep('POST', KEYS, { token, body: keyBody({ name: 'Shared pool' }) })).status, 201);
    });
  });

  describe('GET /v2/application-keys/{id}', () => {
    it('returns the key in data with its client_secret', async () => {
      const { status, body } = await ep('GET', `${KEYS}/${SANDBOX_EP_KEYS.storefront.id}`);
      assert.equal(status, 200);
      assert.deepEqual(Object.keys(body), ['data']);
      assert.equal(body.data.id, SANDBOX_EP_KEYS.storefront.id);
      assert.equal(body.data.name, 'Storefront');
      assert.equal(body.data.reserved_rate_limit, 30);
      assert.equal(body.data.client_secret, h.sandbox.state.elasticpath.keys.get(SANDBOX_EP_KEYS.storefront.id)!.client_secret);
      assert.equal(body.data.links.self, `${h.sandbox.url}${KEYS}/${SANDBOX_EP_KEYS.storefront.id}`);
    });

    it('answers 404 with the documented body for an unknown id and for an id that is not a UUID', async () => {
      const token = await tokenFor();
      for (const id of [UNKNOWN_ID, 'not-a-uuid', '65a0c0dea000000000000001']) {
        const reply = await ep('GET', `${KEYS}/${id}`, { token });
        assert.equal(reply.status, 404, id);
        assert.deepEqual(reply.body, NOT_FOUND);
      }
      // The id is checked before the body: a malformed id is 404 even with a bad body.
      const put = await ep('PUT', `${KEYS}/not-a-uuid`, { token, body: {} });
      assert.deepEqual([put.status, put.body], [404, NOT_FOUND]);
      // UUIDs compare case-insensitively.
      const upper = await ep('GET', `${KEYS}/${SANDBOX_EP_KEYS.storefront.id.toUpperCase()}`, { token });
      assert.equal(upper.status, 200);
      assert.equal(upper.body.data.id, SANDBOX_EP_KEYS.storefront.id);
    });
  });

  describe('PUT /v2/application-keys/{id}', () => {
    it('updates name and reserved_rate_limit, moving updated_at forward on every write', async () => {
      const token = await tokenFor();
      const path = `${KEYS}/${SANDBOX_EP_KEYS.searchIntegration.id}`;
      const before = (await ep('GET', path, { token })).body.data;
      const renamed = await ep('PUT', path, { token, body: keyBody({ name: 'Search (Algolia)' }) });
      assert.equal(renamed.status, 200);
      assert.equal(renamed.body.data.name, 'Search (Algolia)');
      assert.equal(renamed.body.data.reserved_rate_limit, before.reserved_rate_limit);
      assert.equal(renamed.body.data.meta.timestamps.created_at, before.meta.timestamps.created_at);
      assert.ok(renamed.body.data.meta.timestamps.updated_at > before.meta.timestamps.updated_at);
      assert.equal(typeof renamed.body.data.client_secret, 'string');

      const again = await ep('PUT', path, { token, body: keyBody({ reserved_rate_limit: 12 }) });
      assert.equal(again.status, 200);
      assert.equal(again.body.data.name, 'Search (Algolia)');
      assert.equal(again.body.data.reserved_rate_limit, 12);
      assert.ok(again.body.data.meta.timestamps.updated_at > renamed.body.data.meta.timestamps.updated_at, 'strictly increasing');

      const typeOnly = await ep('PUT', path, { token, body: keyBody({}) });
      assert.equal(typeOnly.status, 200);
      assert.ok(typeOnly.body.data.meta.timestamps.updated_at > again.body.data.meta.timestamps.updated_at);
      assert.deepEqual((await ep('GET', path, { token })).body, typeOnly.body);
    });

    it('answers 409 when the new reservation would exceed the store rate limit, counting the key itself once', async () => {
      const token = await tokenFor();
      const path = `${KEYS}/${SANDBOX_EP_KEYS.storefront.id}`;
      // Storefront reserves 30 of the 60; the others 30, so it may go up to 70.
      const over = await ep('PUT', path, { token, body: keyBody({ reserved_rate_limit: 71 }) });
      assert.deepEqual([over.status, over.body], [409, CONFLICT]);
      assert.equal(h.sandbox.state.elasticpath.keys.get(SANDBOX_EP_KEYS.storefront.id)!.reserved_rate_limit, 30);
      const fits = await ep('PUT', path, { token, body: keyBody({ reserved_rate_limit: 70 }) });
      assert.equal(fits.status, 200);
      assert.equal(fits.body.data.reserved_rate_limit, 70);
    });

    it('answers 400 for a bad body and 404 for an unknown key', async () => {
      const token = await tokenFor();
      const path = `${KEYS}/${SANDBOX_EP_KEYS.storefront.id}`;
      const noType = await ep('PUT', path, { token, body: { data: { name: 'No type' } } });
      assert.deepEqual([noType.status, noType.body], [400, badRequest("The field 'type' is required.")]);
      const emptyName = await ep('PUT', path, { token, body: keyBody({ name: '' }) });
      assert.deepEqual([emptyName.status, emptyName.body], [400, badRequest("The field 'name' must be at least 1 character long.")]);
      assert.equal(h.sandbox.state.elasticpath.keys.get(SANDBOX_EP_KEYS.storefront.id)!.name, 'Storefront');
      const unknown = await ep('PUT', `${KEYS}/${UNKNOWN_ID}`, { token, body: keyBody({ name: 'Ghost' }) });
      assert.deepEqual([unknown.status, unknown.body], [404, NOT_FOUND]);
    });
  });

  describe('DELETE /v2/application-keys/{id}', () => {
    it('answers 204 with an empty body, then 404', async () => {
      const token = await tokenFor();
      const path = `${KEYS}/${SANDBOX_EP_KEYS.testKey.id}`;
      const deleted = await ep('DELETE', path, { token });
      assert.equal(deleted.status, 204);
      assert.equal(deleted.body, undefined);
      assert.equal(deleted.headers.get('content-type'), null);
      assert.deepEqual([(await ep('GET', path, { token })).status, (await ep('DELETE', path, { token })).body], [404, NOT_FOUND]);
      const list = await ep('GET', KEYS, { token });
      assert.equal(list.body.meta.results.total, SANDBOX_EP_KEY_COUNT - 1);
    });

    it("revokes the deleted key's client credentials and the access tokens made from them", async () => {
      const id = SANDBOX_EP_KEYS.erpSync.id;
      const { client_id: clientId, client_secret: clientSecret } = h.sandbox.state.elasticpath.keys.get(id)!;
      const erpToken = await tokenFor(clientId, clientSecret);
      const ownToken = await tokenFor();
      assert.equal((await ep('GET', KEYS, { token: erpToken })).status, 200);

      assert.equal((await ep('DELETE', `${KEYS}/${id}`, { token: ownToken })).status, 204);
      const revoked = await ep('GET', KEYS, { token: erpToken });
      assert.deepEqual([revoked.status, revoked.body], [401, UNAUTHORIZED]);
      const login = await oauth({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
      assert.deepEqual([login.status, login.body], [401, UNAUTHORIZED]);
      assert.equal((await ep('GET', KEYS, { token: ownToken })).status, 200, 'other keys keep working');
      assert.equal(
        [...h.sandbox.state.elasticpath.accessTokens.values()].some((t) => t.keyId === id),
        false,
        'tokens removed',
      );
    });

    it('refuses tokens of a key removed from the state directly', async () => {
      const token = await tokenFor();
      h.sandbox.state.elasticpath.keys.delete(SANDBOX_EP.keyId);
      const reply = await callSandbox(h.sandbox, 'GET', KEYS, { token });
      assert.deepEqual([reply.status, reply.body], [401, UNAUTHORIZED]);
    });

    it('lets App Keys delete its own key, after which its credentials stop working until reset', async () => {
      const token = await tokenFor();
      assert.equal((await ep('DELETE', `${KEYS}/${SANDBOX_EP.keyId}`, { token })).status, 204);
      assert.equal((await callSandbox(h.sandbox, 'GET', KEYS, { token })).status, 401);
      assert.equal((await oauth({ grant_type: 'client_credentials', client_id: SANDBOX_EP.clientId, client_secret: SANDBOX_EP.clientSecret })).status, 401);
      h.sandbox.reset();
      assert.equal((await ep('GET', KEYS)).status, 200);
    });
  });

  describe('routing, log and reset', () => {
    it('answers unknown /v2 paths with 404 and wrong methods with 405 in the Elastic Path error shape', async () => {
      const token = await tokenFor();
      const unknown = await ep('GET', '/v2/products', { token });
      assert.equal(unknown.status, 404);
      assert.deepEqual(unknown.body, { errors: [{ title: 'Not Found', status: '404', detail: 'route not found' }] });
      const patch = await ep('PATCH', `${KEYS}/${SANDBOX_EP_KEYS.storefront.id}`, { token, body: keyBody({ name: 'x' }) });
      assert.equal(patch.status, 405);
      assert.equal(patch.headers.get('allow'), 'GET, PUT, DELETE');
      assert.equal(patch.body.errors[0].status, '405');
      const getToken = await callSandbox(h.sandbox, 'GET', '/oauth/access_token', { token: null });
      assert.equal(getToken.status, 405);
      // Losant paths still reach Losant.
      assert.equal((await callSandbox(h.sandbox, 'GET', '/applications')).status, 200);
    });

    it('logs requests with the client name, form bodies parsed and no secret or access token anywhere', async () => {
      const login = await oauth({ grant_type: 'client_credentials', client_id: SANDBOX_EP.clientId, client_secret: SANDBOX_EP.clientSecret });
      await callSandbox(h.sandbox, 'GET', KEYS, { token: login.body.access_token, query: { 'page[limit]': 2 } });
      await oauth({ grant_type: 'implicit', client_id: SANDBOX_EP.clientId });
      await oauth({ grant_type: 'client_credentials', client_id: 'nobody', client_secret: 'guess' });
      assert.deepEqual(
        h.sandbox.requests.map((r) => [r.method, r.path, r.status, r.tokenName]),
        [
          ['POST', '/oauth/access_token', 200, `ep:${SANDBOX_EP.keyId}`],
          ['GET', KEYS, 200, `ep:${SANDBOX_EP.keyId}`],
          ['POST', '/oauth/access_token', 200, `ep:${SANDBOX_EP.keyId}:implicit`],
          ['POST', '/oauth/access_token', 401, undefined],
        ],
      );
      assert.deepEqual(h.sandbox.requests[0].body, { grant_type: 'client_credentials', client_id: SANDBOX_EP.clientId, client_secret: '***' });
      assert.deepEqual(h.sandbox.requests[1].query, { 'page[limit]': '2' });
      assert.deepEqual(h.sandbox.requests[3].body, { grant_type: 'client_credentials', client_id: 'nobody', client_secret: '***' });
      const log = JSON.stringify(h.sandbox.requests);
      assert.equal(log.includes(SANDBOX_EP.clientSecret), false);
      assert.equal(log.includes('guess'), false);
      assert.equal(log.includes(login.body.access_token), false);
    });

    it('reset() restores keys, settings and tokens in place', async () => {
      const state = h.sandbox.state.elasticpath;
      const keys = state.keys;
      const token = await tokenFor();
      await ep('POST', KEYS, { token, body: keyBody({ name: 'Gone after reset' }) });
      await ep('DELETE', `${KEYS}/${SANDBOX_EP_KEYS.mobileApp.id}`, { token });
      state.tokenLifetimeSeconds = 1;
      state.rateLimit = 10;
      h.sandbox.reset();
      assert.equal(state.keys, keys, 'same Map instance');
      assert.equal(keys.size, SANDBOX_EP_KEY_COUNT);
      assert.ok(keys.has(SANDBOX_EP_KEYS.mobileApp.id));
      assert.equal(state.accessTokens.size, 0);
      assert.equal(state.tokenLifetimeSeconds, 3600);
      assert.equal(state.rateLimit, SANDBOX_EP.rateLimit);
      assert.equal(keys.get(SANDBOX_EP.keyId)!.last_used_at, null);
      assert.equal((await callSandbox(h.sandbox, 'GET', KEYS, { token })).status, 401, 'old tokens are gone');
    });

    it('seeds the same ids and client ids on every start', async () => {
      const other = await startSandbox({ plainHttp: true });
      try {
        const mine = [...h.sandbox.state.elasticpath.keys.values()].map((k) => [k.id, k.client_id, k.client_secret]);
        const theirs = [...other.state.elasticpath.keys.values()].map((k) => [k.id, k.client_id, k.client_secret]);
        assert.deepEqual(theirs, mine);
        assert.equal(other.state.elasticpath.store.id, SANDBOX_EP.storeId);
      } finally {
        await other.close();
      }
    });
  });
});
