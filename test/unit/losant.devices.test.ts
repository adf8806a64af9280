// Listing an application's devices through the service module (what device restrictions refer to):
// a name glob and tag filters sent as Losant's official client sends them, and the scopes named when refused.
import * as assert from 'assert';
import { ApiError } from '../../src/core/errors';
import { SANDBOX_APPS, SANDBOX_TOKENS } from '../sandbox';
import { useServiceSandbox } from './serviceSandbox';

const fleet = SANDBOX_APPS.demoFleet;

describe('Losant devices through the service module (against the sandbox)', () => {
  const h = useServiceSandbox();

  it('lists devices by name, a page at a time, with their tags', async () => {
    const client = h.connect({ platform: 'losant', applicationId: fleet.id }, SANDBOX_TOKENS.full);
    const page = await client.listDevices({ page: 1, perPage: 5 });
    assert.deepStrictEqual(
      page.devices.map((d) => d.name),
      ['Truck 06', 'Truck 07', 'Truck 08', 'Truck 09', 'Truck 10'],
    );
    assert.deepStrictEqual([page.totalCount, page.page, page.perPage], [20, 1, 5]);
    assert.deepStrictEqual(page.devices[0].tags, [
      { key: 'depot', value: 'north' },
      { key: 'floor', value: '1' },
    ]);
  });

  it('filters on the server by name glob and by tags in the bracket form', async () => {
    const client = h.connect({ platform: 'losant', applicationId: fleet.id }, SANDBOX_TOKENS.full);
    const page = await client.listDevices({ page: 0, perPage: 100, name: 'truck 1*', tags: [{ key: 'depot', value: 'south' }, { value: '3' }] });
    assert.deepStrictEqual(
      page.devices.map((d) => d.name),
      ['Truck 11', 'Truck 14', 'Truck 17'],
    );
    const sent = h.sandbox.requests.at(-1)!.query;
    assert.deepStrictEqual(
      [sent.filterField, sent.filter, sent['tagFilter[0][key]'], sent['tagFilter[0][value]'], sent['tagFilter[1][value]'], 'tagFilter[1][key]' in sent],
      ['name', 'truck 1*', 'depot', 'south', '3', false],
    );
  });

  it('names the scopes that would list devices when a token has none of them', async () => {
    const client = h.connect({ platform: 'losant', applicationId: fleet.id }, SANDBOX_TOKENS.keysReadOnly);
    await assert.rejects(client.listDevices({ page: 0, perPage: 10 }), (e: unknown) => {
      assert.ok(e instanceof ApiError && e.status === 403);
      assert.ok(e.requiredScopes?.includes('all.Device.read') && e.requiredScopes.includes('devices.get'), String(e.requiredScopes));
      return true;
    });
  });

  it('says a platform without devices has none, before any request', async () => {
    const ep = h.service.forApplication(
      { platform: 'elasticpath', applicationId: 'e9a5c0de-5707-4e00-8000-000000000001', apiUrl: h.sandbox.url, clientId: 'x' },
      'secret-value',
    );
    const before = h.sandbox.requests.length;
    await assert.rejects(ep.listDevices({ page: 0, perPage: 10 }), /has no devices/);
    assert.strictEqual(h.sandbox.requests.length, before);
  });
});
