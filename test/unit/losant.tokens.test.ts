// Losant application API tokens through the service module, against the sandbox.
import * as assert from 'assert';
import { ApiError } from '../../src/core/errors';
import { losantTokenId } from '../../src/core/platforms/losantResources';
import { AppKeysService, type ApplicationClient } from '../../src/core/service';
import { SANDBOX_APPS, SANDBOX_TOKENS, type Sandbox } from '../sandbox';
import { useServiceSandbox } from './serviceSandbox';

const fleet = SANDBOX_APPS.demoFleet;

describe('Losant API tokens through the service module (against the sandbox)', () => {
  const h = useServiceSandbox();
  let sandbox: Sandbox;
  let service: AppKeysService;
  let client: ApplicationClient;
  beforeEach(() => {
    ({ sandbox, service } = h);
    client = h.connect({ platform: 'losant', applicationId: fleet.id }, SANDBOX_TOKENS.full);
  });
  const tokens = () => client.resource('tokens');
  const serverTokens = () => [...sandbox.state.losant.apiTokens.values()].filter((t) => t.applicationId === fleet.id);

  it("lists the application's tokens with pagination fields, never their token strings", async () => {
    const page = await client.list(tokens(), { page: 0, perPage: 2, sortField: 'name', sortDirection: 'asc' });
    assert.strictEqual(page.totalCount, serverTokens().length);
    assert.strictEqual(page.items.length, 2);
    assert.ok(page.items.every((i) => i.data.token === undefined));
    const last = await client.list(tokens(), { page: 1, perPage: 2, sortField: 'name', sortDirection: 'asc' });
    assert.strictEqual(page.items.length + last.items.length, Math.min(4, serverTokens().length));
    const request = sandbox.requests.find((r) => r.path === `/applications/${fleet.id}/tokens`);
    assert.deepStrictEqual(
      { page: request?.query.page, perPage: request?.query.perPage, sortField: request?.query.sortField },
      { page: '0', perPage: '2', sortField: 'name' },
    );
  });

  it('creates a token with scopes and an expiration date; the token comes back once and works at once', async () => {
    const expirationDate = new Date(Date.now() + 86_400_000).toISOString();
    const created = await client.create(tokens(), {
      name: 'CI deploys',
      description: 'for the pipeline',
      expirationDate,
      scope: ['applicationKeys.get', 'applicationKey.get'],
    });
    assert.deepStrictEqual(
      created.oneTimeSecrets.map((s) => s.label),
      ['token'],
    );
    const token = created.oneTimeSecrets[0].value;
    assert.strictEqual(created.item.data.token, undefined);
    assert.strictEqual(losantTokenId(token), created.item.id, 'the JWT names its own token ID');
    const withIt = service.forApplication({ platform: 'losant', applicationId: fleet.id, apiUrl: sandbox.url }, token);
    const keys = await withIt.list(withIt.resource('keys'), { page: 0, perPage: 1 });
    assert.ok((keys.totalCount ?? 0) > 0);
    await assert.rejects(withIt.list(tokens(), { page: 0, perPage: 1 }), (e: unknown) => e instanceof ApiError && e.status === 403);
    assert.ok(withIt.isOwnCredential(tokens(), created.item), 'a client knows its own token');
    assert.ok(!client.isOwnCredential(tokens(), created.item));
  });

  it('gets, patches (lastUpdated moves) and deletes a token', async () => {
    const [first] = serverTokens();
    const got = await client.get(tokens(), first.id);
    assert.strictEqual(got.data.name, first.name);
    const patched = await client.update(tokens(), first.id, { description: 'rotated', status: 'inactive' });
    assert.strictEqual(patched.data.status, 'inactive');
    assert.notStrictEqual(patched.version, got.version);
    await client.remove(tokens(), first.id);
    await assert.rejects(client.get(tokens(), first.id), (e: unknown) => e instanceof ApiError && e.status === 404 && e.type === 'NotFound');
  });

  it('names the token scopes needed when refused', async () => {
    const readOnly = service.forApplication({ platform: 'losant', applicationId: fleet.id, apiUrl: sandbox.url }, SANDBOX_TOKENS.readOnly);
    await assert.rejects(readOnly.create(tokens(), { name: 'x' }), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.strictEqual(e.status, 403);
      assert.deepStrictEqual(e.requiredScopes, ['all.Application', 'all.Organization', 'all.User', 'applicationApiTokens.*', 'applicationApiTokens.post']);
      return true;
    });
  });

  it('refuses a patch with fields outside the schema (400 Validation)', async () => {
    const [first] = serverTokens();
    await assert.rejects(
      client.update(tokens(), first.id, { scope: ['all.Application'] }),
      (e: unknown) => e instanceof ApiError && e.status === 400 && e.type === 'Validation',
    );
  });
});

describe('losantTokenId', () => {
  it('reads the token ID from a JWT and nothing from other strings', () => {
    const jwt = (payload: object) => `e30.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;
    assert.strictEqual(losantTokenId(jwt({ sub: '65a0c0dec000000000000001' })), '65a0c0dec000000000000001');
    assert.strictEqual(losantTokenId(jwt({ sub: '../x' })), undefined);
    assert.strictEqual(losantTokenId('sbx_full_10f9437ec06240146016ea49b87e233'), undefined);
    assert.strictEqual(losantTokenId('a.%%%.b'), undefined);
  });
});
