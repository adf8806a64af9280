// Sandbox devices list (losant/devices.md): paging, name globs, tag filters in the bracket form
// Losant's official client sends, scopes (the device scopes too), and errors.
import * as assert from 'node:assert/strict';
import { callSandbox, SANDBOX_APPS, SANDBOX_TOKENS, startSandbox, type Sandbox } from '../sandbox';

const fleetDevices = `/applications/${SANDBOX_APPS.demoFleet.id}/devices`;
const names = (body: { items: { name: string }[] }) => body.items.map((d) => d.name);

describe('sandbox: Losant devices', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ plainHttp: true });
  });
  after(async () => {
    await sandbox.close();
  });

  it("lists an application's devices by name with the collection fields and the device fields", async () => {
    const { status, body } = await callSandbox(sandbox, 'GET', fleetDevices, { query: { perPage: '5' } });
    assert.equal(status, 200);
    assert.deepEqual(names(body), ['Truck 01', 'Truck 02', 'Truck 03', 'Truck 04', 'Truck 05']);
    assert.deepEqual([body.count, body.totalCount, body.perPage, body.page, body.sortField, body.sortDirection], [5, 20, 5, 0, 'name', 'asc']);
    assert.equal(body.applicationId, SANDBOX_APPS.demoFleet.id);
    const [first] = body.items;
    assert.equal(first.id, first.deviceId);
    assert.match(first.id, /^[a-f\d]{24}$/);
    assert.deepEqual(first.tags, [
      { key: 'depot', value: 'north' },
      { key: 'floor', value: '2' },
    ]);
    assert.equal(first.deviceClass, 'gateway');
    const second = await callSandbox(sandbox, 'GET', fleetDevices, { query: { perPage: '5', page: '3' } });
    assert.deepEqual(names(second.body), ['Truck 16', 'Truck 17', 'Truck 18', 'Truck 19', 'Truck 20']);
  });

  it('filters by name glob, and by tags given as tagFilter[n][key] / tagFilter[n][value] (either optional)', async () => {
    const byName = await callSandbox(sandbox, 'GET', fleetDevices, { query: { filterField: 'name', filter: '*1?' } });
    assert.deepEqual(names(byName.body), [], 'only * is a wildcard');
    const glob = await callSandbox(sandbox, 'GET', fleetDevices, { query: { filterField: 'name', filter: 'truck 1*' } });
    assert.equal(glob.body.totalCount, 10);
    const tagged = await callSandbox(sandbox, 'GET', fleetDevices, {
      query: { 'tagFilter[0][key]': 'depot', 'tagFilter[0][value]': 'south', 'tagFilter[1][key]': 'floor', 'tagFilter[1][value]': '3' },
    });
    assert.deepEqual(names(tagged.body), ['Truck 11', 'Truck 14', 'Truck 17', 'Truck 20']);
    assert.deepEqual(tagged.body.tagFilter, [
      { key: 'depot', value: 'south' },
      { key: 'floor', value: '3' },
    ]);
    const keyOnly = await callSandbox(sandbox, 'GET', `/applications/${SANDBOX_APPS.warehouseSensors.id}/devices`, { query: { 'tagFilter[0][key]': 'zone' } });
    assert.equal(keyOnly.body.totalCount, 3);
    const valueOnly = await callSandbox(sandbox, 'GET', fleetDevices, { query: { 'tagFilter[0][value]': 'north' } });
    assert.equal(valueOnly.body.totalCount, 10);
  });

  it('refuses malformed tag filters and the advanced query with 400 Validation', async () => {
    const malformed: Record<string, string>[] = [{ 'tagFilter[0][name]': 'x' }, { 'tagFilter[0][key]': 'not a key!' }, { tagFilter: 'floor' }, { query: '{}' }];
    for (const query of malformed) {
      const { status, body } = await callSandbox(sandbox, 'GET', fleetDevices, { query });
      assert.equal(status, 400, JSON.stringify(query));
      assert.equal(body.type, 'Validation');
    }
  });

  it('needs a scope that allows devices.get: an application token has it, a keys-only token does not', async () => {
    assert.equal((await callSandbox(sandbox, 'GET', fleetDevices, { token: SANDBOX_TOKENS.singleApp })).status, 200);
    const denied = await callSandbox(sandbox, 'GET', fleetDevices, { token: SANDBOX_TOKENS.keysReadOnly });
    assert.equal(denied.status, 403);
    assert.match(denied.body.message, /all\.Device\.read.*devices\.get/);
    const other = await callSandbox(sandbox, 'GET', `/applications/${SANDBOX_APPS.warehouseSensors.id}/devices`, { token: SANDBOX_TOKENS.singleApp });
    assert.equal(other.status, 403, 'a token of another application');
    assert.equal((await callSandbox(sandbox, 'GET', '/applications/ffffffffffffffffffffffff/devices')).status, 404);
  });
});
