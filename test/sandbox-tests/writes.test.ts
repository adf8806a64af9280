// Sandbox writes: create (secret/token shown once), patch (lastUpdated), delete, and new tokens as bearers.
import * as assert from 'node:assert/strict';
import { callSandbox, SANDBOX_APPS, SANDBOX_TOKENS, SANDBOX_USER, startSandbox, type Sandbox } from '../sandbox';

const demo = SANDBOX_APPS.demoFleet.id;
const warehouse = SANDBOX_APPS.warehouseSensors.id;
const keysPath = `/applications/${demo}/keys`;
const tokensPath = `/applications/${demo}/tokens`;

describe('sandbox: Losant writes', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ plainHttp: true });
  });
  beforeEach(() => sandbox.reset());
  after(async () => {
    await sandbox.close();
  });

  describe('application keys', () => {
    it('creates a key and shows its secret only in the 201 response', async () => {
      const created = await callSandbox(sandbox, 'POST', keysPath, {
        body: { name: 'Gateway 7', description: 'bench unit', deviceTags: [{ key: 'floor', value: '2' }] },
      });
      assert.equal(created.status, 201);
      const key = created.body;
      assert.match(key.id, /^[a-f\d]{24}$/);
      assert.match(key.key, /^[a-f\d]{8}-[a-f\d]{4}-[a-f\d]{4}-[a-f\d]{4}-[a-f\d]{12}$/);
      assert.match(key.secret, /^[a-f\d]{64}$/);
      assert.equal(key.status, 'active');
      assert.equal(key.applicationId, demo);
      assert.equal(key.createdById, SANDBOX_USER.id);
      assert.equal(key.createdByType, 'user');
      assert.equal(key.creationDate, key.lastUpdated);
      assert.deepEqual(key.deviceTags, [{ key: 'floor', value: '2' }]);

      const fetched = await callSandbox(sandbox, 'GET', `${keysPath}/${key.id}`);
      assert.equal(fetched.status, 200);
      const { secret, ...withoutSecret } = key;
      assert.deepEqual(fetched.body, withoutSecret);
      assert.equal(sandbox.state.losant.keys.get(key.id)!.secret, secret);

      const list = await callSandbox(sandbox, 'GET', keysPath, { query: { perPage: 1000 } });
      assert.equal(list.body.totalCount, 27);
      const listed = list.body.items.find((k: { id: string }) => k.id === key.id);
      assert.ok(listed);
      assert.equal('secret' in listed, false);
      assert.equal(JSON.stringify(list.body).includes(secret), false);
    });

    it('records an application token as the creator when one is used', async () => {
      const created = await callSandbox(sandbox, 'POST', keysPath, { token: SANDBOX_TOKENS.singleApp, body: {} });
      assert.equal(created.status, 201);
      const singleApp = [...sandbox.state.losant.apiTokens.values()].find((t) => t.token === SANDBOX_TOKENS.singleApp)!;
      assert.equal(created.body.createdByType, 'apiToken');
      assert.equal(created.body.createdById, singleApp.id);
      assert.equal('name' in created.body, false);
    });

    it('patches a key and moves lastUpdated forward on every write', async () => {
      const key = (await callSandbox(sandbox, 'POST', keysPath, { body: { name: 'Patched' } })).body;
      const first = await callSandbox(sandbox, 'PATCH', `${keysPath}/${key.id}`, { body: { status: 'inactive', description: 'retired' } });
      assert.equal(first.status, 200);
      assert.equal(first.body.status, 'inactive');
      assert.equal(first.body.description, 'retired');
      assert.equal(first.body.creationDate, key.creationDate);
      assert.ok(first.body.lastUpdated > key.lastUpdated);
      assert.equal('secret' in first.body, false);

      const second = await callSandbox(sandbox, 'PATCH', `${keysPath}/${key.id}`, { token: SANDBOX_TOKENS.singleApp, body: {} });
      assert.equal(second.status, 200);
      assert.ok(second.body.lastUpdated > first.body.lastUpdated, 'an empty patch is still a write');
      assert.equal(second.body.lastUpdatedByType, 'apiToken');
      assert.equal(second.body.createdByType, 'user');
    });

    it('removes the name when patched with name null', async () => {
      const key = (await callSandbox(sandbox, 'POST', keysPath, { body: { name: 'Temporary' } })).body;
      const { status, body } = await callSandbox(sandbox, 'PATCH', `${keysPath}/${key.id}`, { body: { name: null } });
      assert.equal(status, 200);
      assert.equal('name' in body, false);
    });

    it('gives concurrent writes distinct, increasing lastUpdated values', async () => {
      const replies = await Promise.all(Array.from({ length: 8 }, (_, i) => callSandbox(sandbox, 'POST', keysPath, { body: { name: `Burst ${i}` } })));
      const stamps = replies.map((r) => r.body.lastUpdated as string);
      assert.equal(new Set(stamps).size, stamps.length);
    });

    it('deletes a key, after which it is not found', async () => {
      const key = (await callSandbox(sandbox, 'POST', keysPath, { body: { name: 'Doomed' } })).body;
      const deleted = await callSandbox(sandbox, 'DELETE', `${keysPath}/${key.id}`);
      assert.equal(deleted.status, 200);
      assert.deepEqual(deleted.body, { success: true });
      const again = await callSandbox(sandbox, 'GET', `${keysPath}/${key.id}`);
      assert.equal(again.status, 404);
      assert.equal(again.body.message, 'ApplicationKey was not found');
      const twice = await callSandbox(sandbox, 'DELETE', `${keysPath}/${key.id}`);
      assert.equal(twice.status, 404);
      assert.equal((await callSandbox(sandbox, 'GET', keysPath)).body.totalCount, 26);
    });
  });

  describe('application API tokens', () => {
    it('creates a token, shows its token string only in the 201 response, and the token works at once', async () => {
      const created = await callSandbox(sandbox, 'POST', tokensPath, {
        body: { name: 'Deploy bot', description: 'created by a test', scope: ['applicationKeys.*', 'applicationKey.*'] },
      });
      assert.equal(created.status, 201);
      const token = created.body;
      assert.match(token.token, /^[\w-]+\.[\w-]+\.[\w-]+$/, 'looks like a JWT');
      assert.equal(token.ownerId, demo);
      assert.equal(token.ownerType, 'application');
      assert.equal(token.creatorType, 'user');
      assert.equal(token.creatorId, SANDBOX_USER.id);
      assert.equal(token.status, 'active');
      assert.deepEqual(token.scope, ['applicationKeys.*', 'applicationKey.*']);

      const fetched = await callSandbox(sandbox, 'GET', `${tokensPath}/${token.id}`);
      assert.equal(fetched.status, 200);
      assert.equal('token' in fetched.body, false);
      const list = await callSandbox(sandbox, 'GET', tokensPath);
      assert.equal(JSON.stringify(list.body).includes(token.token), false);

      const used = await callSandbox(sandbox, 'POST', keysPath, { token: token.token, body: { name: 'Made by bot' } });
      assert.equal(used.status, 201);
      assert.equal(used.body.createdByType, 'apiToken');
      assert.equal(used.body.createdById, token.id);
      assert.equal(sandbox.requests.at(-1)!.tokenName, `apiToken:${token.id}`);
    });

    it('limits a created token to its scopes and its application', async () => {
      const token = (await callSandbox(sandbox, 'POST', tokensPath, { body: { name: 'Lister', scope: ['applicationKeys.get'] } })).body.token;
      assert.equal((await callSandbox(sandbox, 'GET', keysPath, { token })).status, 200);
      const keyId = [...sandbox.state.losant.keys.values()].find((k) => k.applicationId === demo)!.id;
      assert.equal((await callSandbox(sandbox, 'GET', `${keysPath}/${keyId}`, { token })).status, 403);
      assert.equal((await callSandbox(sandbox, 'GET', `/applications/${warehouse}/keys`, { token })).status, 403);
    });

    it('defaults a token without scope to all.Application', async () => {
      const { body } = await callSandbox(sandbox, 'POST', tokensPath, { body: { name: 'Default scope' } });
      assert.deepEqual(body.scope, ['all.Application']);
    });

    it('stops accepting a token once it is made inactive, and again when reactivated', async () => {
      const token = (await callSandbox(sandbox, 'POST', tokensPath, { body: { name: 'Switchable' } })).body;
      const patched = await callSandbox(sandbox, 'PATCH', `${tokensPath}/${token.id}`, { body: { status: 'inactive', description: 'paused' } });
      assert.equal(patched.status, 200);
      assert.equal(patched.body.status, 'inactive');
      assert.ok(patched.body.lastUpdated > token.lastUpdated);
      assert.equal('token' in patched.body, false);
      assert.equal((await callSandbox(sandbox, 'GET', keysPath, { token: token.token })).status, 401);
      await callSandbox(sandbox, 'PATCH', `${tokensPath}/${token.id}`, { body: { status: 'active' } });
      assert.equal((await callSandbox(sandbox, 'GET', keysPath, { token: token.token })).status, 200);
    });

    it('deletes a token, after which it is not found and no longer authenticates', async () => {
      const token = (await callSandbox(sandbox, 'POST', tokensPath, { body: { name: 'Short-lived' } })).body;
      const deleted = await callSandbox(sandbox, 'DELETE', `${tokensPath}/${token.id}`);
      assert.deepEqual([deleted.status, deleted.body], [200, { success: true }]);
      assert.equal((await callSandbox(sandbox, 'GET', `${tokensPath}/${token.id}`)).status, 404);
      const refused = await callSandbox(sandbox, 'GET', keysPath, { token: token.token });
      assert.equal(refused.status, 401);
      assert.equal(refused.body.type, 'Unauthorized');
    });

    it('refuses a token whose expirationDate has passed', async () => {
      const past = new Date(Date.now() - 60_000).toISOString();
      const token = (await callSandbox(sandbox, 'POST', tokensPath, { body: { name: 'Stale', expirationDate: past } })).body;
      assert.equal(token.expirationDate, past);
      assert.equal((await callSandbox(sandbox, 'GET', keysPath, { token: token.token })).status, 401);
    });
  });
});
