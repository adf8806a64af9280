// The one item-changed event: every write through an application's client is announced once, with
// the configured application (its identity resolved) and the server's answer; failed writes are not.
import * as assert from 'assert';
import type { ItemChange } from '../../src/core/itemChanges';
import { SANDBOX_APPS, SANDBOX_TOKENS } from '../sandbox';
import { useServiceSandbox } from './serviceSandbox';

const fleet = SANDBOX_APPS.demoFleet;

describe('item changes (against the sandbox)', () => {
  const h = useServiceSandbox();
  let seen: ItemChange[];
  let off: () => void;
  beforeEach(() => {
    seen = [];
    off = h.service.changes.on((change) => seen.push(change));
  });
  afterEach(() => off());

  it("announces create, update, status change and delete, in order, with the server's answers", async () => {
    const client = h.connect({ platform: 'losant', applicationId: fleet.id }, SANDBOX_TOKENS.full);
    const keys = client.resource('keys');
    const created = await client.create(keys, { name: 'Announced' });
    await client.update(keys, created.item.id, { description: 'changed' });
    await client.setStatus(keys, created.item.id, false);
    await client.remove(keys, created.item.id);
    assert.deepStrictEqual(
      seen.map((c) => [c.kind, c.id, c.resource.id]),
      ['created', 'updated', 'statusChanged', 'deleted'].map((kind) => [kind, created.item.id, 'keys']),
    );
    assert.strictEqual(seen[1].item?.data.description, 'changed');
    assert.strictEqual(seen[2].item?.data.status, 'inactive');
    assert.strictEqual(seen[3].item, undefined);
    assert.strictEqual(seen[0].app.identity, `losant:${new URL(h.sandbox.url).origin}:${fleet.id}`);
    assert.ok(!JSON.stringify(seen.map((c) => c.item)).includes(h.sandbox.state.losant.keys.get(created.item.id)?.secret ?? 'gone'));
  });

  it('announces nothing for a write the server refused, and one listener failing does not stop the others', async () => {
    const client = h.connect({ platform: 'losant', applicationId: fleet.id }, SANDBOX_TOKENS.full);
    const keys = client.resource('keys');
    await assert.rejects(client.update(keys, 'ffffffffffffffffffffffff', { description: 'x' }));
    assert.deepStrictEqual(seen, []);
    const failing = h.service.changes.on(() => {
      throw new Error('a broken listener');
    });
    const later: string[] = [];
    const last = h.service.changes.on((c) => later.push(c.kind));
    try {
      await client.create(keys, { name: 'Still announced' });
    } finally {
      failing();
      last();
    }
    assert.deepStrictEqual(later, ['created']);
  });

  it('refuses a status change for a kind without a status, before any request', async () => {
    const ep = h.service.forApplication(
      { platform: 'elasticpath', applicationId: 'e9a5c0de-5707-4e00-8000-000000000001', apiUrl: h.sandbox.url, clientId: 'x' },
      'secret-value',
    );
    const before = h.sandbox.requests.length;
    await assert.rejects(ep.setStatus(ep.resource('keys'), 'e9a5c0de-5707-4e00-8000-000000000002', false), /have no status/);
    assert.strictEqual(h.sandbox.requests.length, before);
  });
});
