// Sandbox error answers: 400 / 401 / 403 / 404 / 405 with Losant's { type, message } body.
import * as assert from 'node:assert/strict';
import { callSandbox, SANDBOX_APPS, SANDBOX_TOKENS, startSandbox, type Sandbox } from '../sandbox';

const demo = SANDBOX_APPS.demoFleet.id;
const warehouse = SANDBOX_APPS.warehouseSensors.id;
const missingId = 'abcdefabcdefabcdefabcdef';

describe('sandbox: Losant errors', () => {
  let sandbox: Sandbox;
  let demoKeyId: string;
  let warehouseKeyId: string;
  before(async () => {
    sandbox = await startSandbox({ plainHttp: true });
    const keys = [...sandbox.state.losant.keys.values()];
    demoKeyId = keys.find((k) => k.applicationId === demo)!.id;
    warehouseKeyId = keys.find((k) => k.applicationId === warehouse)!.id;
  });
  after(async () => {
    await sandbox.close();
  });

  function tokenNamed(name: string): string {
    return [...sandbox.state.losant.apiTokens.values()].find((t) => t.name === name)!.token;
  }

  describe('401 Unauthorized', () => {
    const cases: [string, Parameters<typeof callSandbox>[3]][] = [
      ['no Authorization header', { token: null }],
      ['an unknown bearer token', { token: 'sbx_full_not-a-real-token' }],
      ['a non-Bearer scheme', { token: null, headers: { Authorization: `Basic ${SANDBOX_TOKENS.full}` } }],
    ];
    for (const [label, options] of cases) {
      it(`answers ${label}`, async () => {
        const { status, body } = await callSandbox(sandbox, 'GET', `/applications/${demo}/keys`, options);
        assert.equal(status, 401);
        assert.equal(body.type, 'Unauthorized');
        assert.equal(typeof body.message, 'string');
      });
    }

    it('refuses an inactive and an expired application token', async () => {
      const inactive = await callSandbox(sandbox, 'GET', `/applications/${demo}/keys`, { token: tokenNamed('Dashboard reader') });
      assert.equal(inactive.status, 401);
      const expired = await callSandbox(sandbox, 'GET', `/applications/${warehouse}/keys`, { token: tokenNamed('Expired contractor token') });
      assert.equal(expired.status, 401);
      assert.equal(expired.body.type, 'Unauthorized');
    });
  });

  describe('403 Forbidden', () => {
    it('refuses writes to a read-only token', async () => {
      const { status, body } = await callSandbox(sandbox, 'POST', `/applications/${demo}/keys`, { token: SANDBOX_TOKENS.readOnly, body: {} });
      assert.equal(status, 403);
      assert.equal(body.type, 'Forbidden');
      assert.match(body.message, /applicationKeys\.post/);
    });

    it('lets the read-only token read', async () => {
      const { status } = await callSandbox(sandbox, 'GET', `/applications/${warehouse}/keys/${warehouseKeyId}`, { token: SANDBOX_TOKENS.readOnly });
      assert.equal(status, 200);
    });

    it("refuses actions outside a token's explicit scopes", async () => {
      const patch = await callSandbox(sandbox, 'PATCH', `/applications/${demo}/keys/${demoKeyId}`, {
        token: SANDBOX_TOKENS.keysReadOnly,
        body: { status: 'inactive' },
      });
      assert.equal(patch.status, 403);
      const tokens = await callSandbox(sandbox, 'GET', `/applications/${demo}/tokens`, { token: SANDBOX_TOKENS.keysReadOnly });
      assert.equal(tokens.status, 403);
      const ok = await callSandbox(sandbox, 'GET', `/applications/${demo}/keys/${demoKeyId}`, { token: SANDBOX_TOKENS.keysReadOnly });
      assert.equal(ok.status, 200);
      assert.equal(sandbox.state.losant.keys.get(demoKeyId)!.status, 'active');
    });

    it('refuses an application token on another application', async () => {
      for (const token of [SANDBOX_TOKENS.singleApp, SANDBOX_TOKENS.keysReadOnly]) {
        const { status, body } = await callSandbox(sandbox, 'GET', `/applications/${warehouse}/keys`, { token });
        assert.equal(status, 403);
        assert.equal(body.type, 'Forbidden');
      }
      const own = await callSandbox(sandbox, 'GET', `/applications/${demo}`, { token: SANDBOX_TOKENS.singleApp });
      assert.equal(own.status, 200);
    });

    it('does not let an application token list applications', async () => {
      const { status, body } = await callSandbox(sandbox, 'GET', '/applications', { token: SANDBOX_TOKENS.singleApp });
      assert.equal(status, 403);
      assert.equal(body.type, 'Forbidden');
    });
  });

  describe('400 Validation', () => {
    it('rejects a malformed application id', async () => {
      const { status, body } = await callSandbox(sandbox, 'GET', '/applications/not-an-id/keys');
      assert.equal(status, 400);
      assert.equal(body.type, 'Validation');
      assert.match(body.message, /applicationId/);
    });

    it('rejects a malformed key id and token id', async () => {
      const key = await callSandbox(sandbox, 'GET', `/applications/${demo}/keys/${demoKeyId.slice(1)}`);
      assert.equal(key.status, 400);
      assert.match(key.body.message, /applicationKeyId/);
      const token = await callSandbox(sandbox, 'DELETE', `/applications/${demo}/tokens/zzzzzzzzzzzzzzzzzzzzzzzz`);
      assert.equal(token.status, 400);
      assert.match(token.body.message, /apiTokenId/);
    });

    it('rejects bad JSON and a missing body', async () => {
      const bad = await callSandbox(sandbox, 'POST', `/applications/${demo}/keys`, { rawBody: '{"name": ' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.type, 'Validation');
      const empty = await callSandbox(sandbox, 'PATCH', `/applications/${demo}/keys/${demoKeyId}`, { rawBody: '' });
      assert.equal(empty.status, 400);
      assert.match(empty.body.message, /applicationKey/);
    });

    const badBodies: [string, string, unknown, RegExp][] = [
      ['POST', 'keys', { name: 'ok', secret: 'mine' }, /applicationKey\.secret is not allowed/],
      ['POST', 'keys', { name: 42 }, /applicationKey\.name/],
      ['POST', 'keys', { filterType: 'some' }, /applicationKey\.filterType must be one of: all, whitelist, blacklist, none/],
      ['POST', 'keys', { deviceTags: [{ key: 'has space', value: 'v' }] }, /applicationKey\.deviceTags\[0\]\.key/],
      ['POST', 'keys', [], /applicationKey must be object/],
      ['PATCH', 'key', { key: 'new-key-value' }, /applicationKey\.key is not allowed/],
      ['PATCH', 'key', { status: 'paused' }, /applicationKey\.status must be one of: active, inactive/],
      ['PATCH', 'key', { deviceTags: [] }, /applicationKey\.deviceTags is not allowed/],
      ['POST', 'tokens', { description: 'no name' }, /apiToken\.name is required/],
      ['POST', 'tokens', { name: 't', scope: ['all.User'] }, /apiToken\.scope\[0\]/],
      ['POST', 'tokens', { name: 't', expirationDate: 'tomorrow' }, /apiToken\.expirationDate/],
      ['PATCH', 'token', { scope: ['all.Application'] }, /apiToken\.scope is not allowed/],
    ];
    for (const [method, target, body, message] of badBodies) {
      it(`rejects ${method} ${target} ${JSON.stringify(body)}`, async () => {
        const tokenId = [...sandbox.state.losant.apiTokens.values()].find((t) => t.applicationId === demo)!.id;
        const path = {
          keys: `/applications/${demo}/keys`,
          key: `/applications/${demo}/keys/${demoKeyId}`,
          tokens: `/applications/${demo}/tokens`,
          token: `/applications/${demo}/tokens/${tokenId}`,
        }[target]!;
        const before = JSON.stringify([...sandbox.state.losant.keys.values(), ...sandbox.state.losant.apiTokens.values()]);
        const reply = await callSandbox(sandbox, method, path, { body });
        assert.equal(reply.status, 400);
        assert.equal(reply.body.type, 'Validation');
        assert.match(reply.body.message, message);
        const after = JSON.stringify([...sandbox.state.losant.keys.values(), ...sandbox.state.losant.apiTokens.values()]);
        assert.equal(after, before, 'a rejected request must not change anything');
      });
    }
  });

  describe('404 and 405', () => {
    it('reports an unknown application', async () => {
      for (const path of [`/applications/${missingId}`, `/applications/${missingId}/keys`, `/applications/${missingId}/tokens`]) {
        const { status, body } = await callSandbox(sandbox, 'GET', path);
        assert.equal(status, 404, path);
        assert.deepEqual(body, { type: 'NotFound', message: 'Application was not found' });
      }
    });

    it('reports an unknown key, including a key of another application', async () => {
      for (const keyId of [missingId, warehouseKeyId]) {
        const { status, body } = await callSandbox(sandbox, 'GET', `/applications/${demo}/keys/${keyId}`);
        assert.equal(status, 404);
        assert.deepEqual(body, { type: 'NotFound', message: 'ApplicationKey was not found' });
      }
    });

    it('reports an unknown API token', async () => {
      const { status, body } = await callSandbox(sandbox, 'PATCH', `/applications/${demo}/tokens/${missingId}`, { body: { name: 'x' } });
      assert.equal(status, 404);
      assert.deepEqual(body, { type: 'NotFound', message: 'ApiToken was not found' });
    });

    it('reports an unknown route, with or without a token', async () => {
      for (const token of [undefined, null]) {
        const { status, body } = await callSandbox(sandbox, 'GET', '/devices', { token });
        assert.equal(status, 404);
        assert.deepEqual(body, { type: 'NotFound', message: 'Route not found' });
      }
    });

    it('answers a wrong method on a known path with 405 and Allow', async () => {
      const { status, body, headers } = await callSandbox(sandbox, 'PUT', `/applications/${demo}/keys/${demoKeyId}`, { body: {} });
      assert.equal(status, 405);
      assert.equal(body.type, 'MethodNotAllowed');
      assert.equal(headers.get('allow'), 'GET, PATCH, DELETE');
    });
  });
});
