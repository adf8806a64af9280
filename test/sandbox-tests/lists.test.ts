// Sandbox list endpoints: shape, defaults, pagination, sorting, glob filters, query validation.
import * as assert from 'node:assert/strict';
import { callSandbox, SANDBOX_APPS, SANDBOX_ORG, SANDBOX_TOKENS, SANDBOX_USER, startSandbox, type Sandbox } from '../sandbox';

const demoKeys = `/applications/${SANDBOX_APPS.demoFleet.id}/keys`;

describe('sandbox: Losant lists', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ plainHttp: true });
  });
  after(async () => {
    await sandbox.close();
  });

  it('lists applications sorted by name with the collection fields', async () => {
    const { status, body } = await callSandbox(sandbox, 'GET', '/applications');
    assert.equal(status, 200);
    assert.deepEqual(
      body.items.map((a: { name: string }) => a.name),
      ['Demo Fleet', 'Empty App', 'Warehouse Sensors'],
    );
    assert.equal(body.count, 3);
    assert.equal(body.totalCount, 3);
    assert.equal(body.perPage, 100);
    assert.equal(body.page, 0);
    assert.equal(body.sortField, 'name');
    assert.equal(body.sortDirection, 'asc');
    assert.equal('filter' in body, false);
  });

  it('filters applications with a case-insensitive glob and echoes the filter', async () => {
    const { body } = await callSandbox(sandbox, 'GET', '/applications', { query: { filterField: 'name', filter: '*HOUSE*' } });
    assert.deepEqual(
      body.items.map((a: { name: string }) => a.name),
      ['Warehouse Sensors'],
    );
    assert.equal(body.filter, '*HOUSE*');
    assert.equal(body.filterField, 'name');
  });

  it("applies orgId: blank means the user's own applications, an id means that organization's", async () => {
    const own = await callSandbox(sandbox, 'GET', '/applications', { query: { orgId: '' } });
    assert.deepEqual(
      own.body.items.map((a: { name: string }) => a.name),
      ['Demo Fleet', 'Empty App'],
    );
    const org = await callSandbox(sandbox, 'GET', '/applications', { query: { orgId: SANDBOX_ORG.id } });
    assert.deepEqual(
      org.body.items.map((a: { name: string }) => a.name),
      ['Warehouse Sensors'],
    );
  });

  it('returns one application with its id, owner and organization name', async () => {
    const { status, body } = await callSandbox(sandbox, 'GET', `/applications/${SANDBOX_APPS.warehouseSensors.id}`);
    assert.equal(status, 200);
    assert.equal(body.id, SANDBOX_APPS.warehouseSensors.id);
    assert.equal(body.applicationId, SANDBOX_APPS.warehouseSensors.id);
    assert.equal(body.ownerType, 'organization');
    assert.equal(body.organizationName, SANDBOX_ORG.name);
    assert.equal(body.summary.keyCount, 5);
  });

  it('lists keys newest first by default, without secrets', async () => {
    const { status, body } = await callSandbox(sandbox, 'GET', demoKeys);
    assert.equal(status, 200);
    assert.equal(body.totalCount, 26);
    assert.equal(body.count, 26);
    assert.equal(body.sortField, 'creationDate');
    assert.equal(body.sortDirection, 'desc');
    assert.equal(body.applicationId, SANDBOX_APPS.demoFleet.id);
    for (let i = 1; i < body.items.length; i++) {
      assert.ok(body.items[i - 1].creationDate >= body.items[i].creationDate, `items ${i - 1} and ${i} out of order`);
    }
    for (const key of body.items) {
      assert.equal('secret' in key, false);
      assert.match(key.id, /^[a-f\d]{24}$/);
      assert.equal(key.applicationKeyId, key.id);
    }
  });

  it('pages with perPage and page, and the page after the last is empty', async () => {
    const ids = new Set<string>();
    const counts: number[] = [];
    for (const page of [0, 1, 2]) {
      const { body } = await callSandbox(sandbox, 'GET', demoKeys, { query: { perPage: 10, page } });
      assert.equal(body.page, page);
      assert.equal(body.perPage, 10);
      assert.equal(body.totalCount, 26);
      counts.push(body.count);
      for (const key of body.items) ids.add(key.id);
    }
    assert.deepEqual(counts, [10, 10, 6]);
    assert.equal(ids.size, 26);
    const after = await callSandbox(sandbox, 'GET', demoKeys, { query: { perPage: 10, page: 3 } });
    assert.deepEqual(after.body.items, []);
    assert.equal(after.body.count, 0);
    assert.equal(after.body.totalCount, 26);
  });

  it('sorts keys by name both ways (unnamed keys first ascending)', async () => {
    const asc = await callSandbox(sandbox, 'GET', demoKeys, { query: { sortField: 'name', sortDirection: 'asc' } });
    const names = asc.body.items.map((k: { name?: string }) => k.name ?? '');
    assert.deepEqual(names, [...names].sort());
    assert.equal(names[0], '');
    const desc = await callSandbox(sandbox, 'GET', demoKeys, { query: { sortField: 'name', sortDirection: 'desc' } });
    assert.deepEqual(
      desc.body.items.map((k: { name?: string }) => k.name ?? ''),
      [...names].reverse(),
    );
  });

  it('filters keys by name glob and by status', async () => {
    const trucks = await callSandbox(sandbox, 'GET', demoKeys, { query: { filterField: 'name', filter: 'truck 1*' } });
    assert.deepEqual(
      trucks.body.items.map((k: { name: string }) => k.name).sort(),
      Array.from({ length: 10 }, (_, i) => `Truck ${10 + i} gateway`),
    );
    assert.equal(trucks.body.totalCount, 10);
    const inactive = await callSandbox(sandbox, 'GET', demoKeys, { query: { filterField: 'status', filter: 'inactive' } });
    const expected = [...sandbox.state.losant.keys.values()].filter((k) => k.applicationId === SANDBOX_APPS.demoFleet.id && k.status === 'inactive').length;
    assert.ok(expected > 0);
    assert.equal(inactive.body.totalCount, expected);
    assert.ok(inactive.body.items.every((k: { status: string }) => k.status === 'inactive'));
  });

  it('filters keys by the key value and ignores a filter without filterField', async () => {
    const someKey = [...sandbox.state.losant.keys.values()].find((k) => k.applicationId === SANDBOX_APPS.demoFleet.id)!;
    const byKey = await callSandbox(sandbox, 'GET', demoKeys, { query: { filterField: 'key', filter: `${someKey.key.slice(0, 8)}*` } });
    assert.ok(byKey.body.items.some((k: { id: string }) => k.id === someKey.id));
    assert.ok(byKey.body.totalCount < 26);
    const noField = await callSandbox(sandbox, 'GET', demoKeys, { query: { filter: 'nothing-matches-this' } });
    assert.equal(noField.body.totalCount, 26);
  });

  it('lists no keys for the empty application', async () => {
    const { status, body } = await callSandbox(sandbox, 'GET', `/applications/${SANDBOX_APPS.emptyApp.id}/keys`);
    assert.equal(status, 200);
    assert.deepEqual(body.items, []);
    assert.equal(body.totalCount, 0);
  });

  it('lists API tokens by name without the token strings', async () => {
    const { status, body } = await callSandbox(sandbox, 'GET', `/applications/${SANDBOX_APPS.demoFleet.id}/tokens`);
    assert.equal(status, 200);
    assert.equal(body.totalCount, 4);
    assert.equal(body.sortField, 'name');
    assert.equal(body.ownerId, SANDBOX_APPS.demoFleet.id);
    const names = body.items.map((t: { name: string }) => t.name);
    assert.deepEqual(names, [...names].sort());
    for (const token of body.items) {
      assert.equal('token' in token, false);
      assert.equal(token.ownerType, 'application');
    }
  });

  it('answers GET /me for user tokens only', async () => {
    const me = await callSandbox(sandbox, 'GET', '/me', { token: SANDBOX_TOKENS.readOnly });
    assert.equal(me.status, 200);
    assert.equal(me.body.id, SANDBOX_USER.id);
    assert.equal((await callSandbox(sandbox, 'GET', '/me', { token: SANDBOX_TOKENS.singleApp })).status, 403);
  });

  const badQueries: [Record<string, string>, string][] = [
    [{ perPage: '0' }, 'perPage'],
    [{ perPage: '1001' }, 'perPage'],
    [{ perPage: 'ten' }, 'perPage'],
    [{ perPage: '2.5' }, 'perPage'],
    [{ page: '-1' }, 'page'],
    [{ page: 'first' }, 'page'],
    [{ sortField: 'secret' }, 'sortField'],
    [{ sortDirection: 'up' }, 'sortDirection'],
    [{ filterField: 'description', filter: 'x' }, 'filterField'],
  ];
  for (const [query, param] of badQueries) {
    it(`rejects ${JSON.stringify(query)} with 400 Validation naming ${param}`, async () => {
      const { status, body } = await callSandbox(sandbox, 'GET', demoKeys, { query });
      assert.equal(status, 400);
      assert.equal(body.type, 'Validation');
      assert.ok(body.message.startsWith(param), body.message);
    });
  }

  it('accepts perPage 1000, the maximum', async () => {
    const { status, body } = await callSandbox(sandbox, 'GET', demoKeys, { query: { perPage: 1000 } });
    assert.equal(status, 200);
    assert.equal(body.perPage, 1000);
  });
});
