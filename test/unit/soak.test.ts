// Soak: 2,000 mixed operations through the service module against the sandbox with 10% injected
// faults of every kind. Afterwards the sandbox holds exactly what the client believes (ambiguous
// failures resolved the way a careful client would, by reading the server), no create or update
// was carried out twice, and nothing rejected unhandled.
import * as assert from 'assert';
import { ApiError } from '../../src/core/errors';
import { AppKeysService, type ApplicationClient } from '../../src/core/service';
import { FAULT_KINDS, mulberry32, SANDBOX_APPS, SANDBOX_TOKENS, type Sandbox } from '../sandbox';
import { useServiceSandbox } from './serviceSandbox';

const OPERATIONS = 2000;
const app = SANDBOX_APPS.warehouseSensors;

interface Expected {
  name: string;
  description?: string;
  status: string;
}

describe(`soak: ${OPERATIONS} operations with 10% injected faults`, function () {
  this.timeout(120_000);
  const h = useServiceSandbox(() => ({ timeoutMs: 400, retry: { maxAttempts: 3, baseDelayMs: 2, maxDelayMs: 20 } }));
  let sandbox: Sandbox;
  let service: AppKeysService;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  before(() => {
    process.on('unhandledRejection', onUnhandled);
  });
  beforeEach(() => {
    ({ sandbox, service } = h);
  });
  after(() => {
    process.off('unhandledRejection', onUnhandled);
  });

  it('ends with the expected state, no duplicate writes and no unhandled rejections', async () => {
    const client: ApplicationClient = service.forApplication({ platform: 'losant', applicationId: app.id, apiUrl: sandbox.url }, SANDBOX_TOKENS.full);
    const keys = client.resource('keys');
    const expected = new Map<string, Expected>();
    for (const key of sandbox.state.losant.keys.values()) {
      if (key.applicationId === app.id) expected.set(key.id, { name: key.name ?? '', description: key.description, status: key.status });
    }
    sandbox.faults = { rate: 0.1, kinds: [...FAULT_KINDS], seed: 20261125, retryAfterSeconds: 0 };
    const random = mulberry32(7);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
    const counts = { ok: 0, failed: 0, ambiguous: 0 };
    const serverKey = (id: string) => sandbox.state.losant.keys.get(id);

    for (let n = 0; n < OPERATIONS; n++) {
      const before = sandbox.requests.length;
      const roll = random();
      const ids = [...expected.keys()];
      const processed = () => sandbox.requests.slice(before).some((r) => r.processed && r.status < 400);
      try {
        if (roll < 0.25 || ids.length === 0) {
          await client.list(keys, { page: Math.floor(random() * 3), perPage: 5 });
        } else if (roll < 0.45) {
          const id = pick(ids);
          const got = await client.get(keys, id);
          assert.strictEqual(got.data.description, expected.get(id)!.description, `GET ${id} agrees with what the client wrote`);
          assert.strictEqual(got.data.status, expected.get(id)!.status);
        } else if (roll < 0.65) {
          const name = `soak-${n}`;
          try {
            const created = await client.create(keys, { name, description: `created by op ${n}` });
            expected.set(created.item.id, { name, description: `created by op ${n}`, status: 'active' });
          } catch (error) {
            // Did it happen? Ask the server, as a careful client would.
            const found = [...sandbox.state.losant.keys.values()].filter((k) => k.name === name);
            assert.ok(found.length <= 1, `${name} was created ${found.length} times`);
            assert.strictEqual(found.length === 1, processed(), `${name}: the server has it exactly when a POST was processed`);
            if (found[0]) expected.set(found[0].id, { name, description: found[0].description, status: found[0].status });
            counts.ambiguous += found.length;
            throw error;
          }
        } else if (roll < 0.9) {
          const id = pick(ids);
          const patch = { description: `patched by op ${n}`, status: random() < 0.5 ? 'active' : 'inactive' };
          try {
            await client.update(keys, id, patch);
            Object.assign(expected.get(id)!, patch);
          } catch (error) {
            if (error instanceof ApiError && error.status === 404) throw error;
            const now = serverKey(id);
            if (now?.description === patch.description) {
              Object.assign(expected.get(id)!, patch);
              counts.ambiguous++;
            }
            throw error;
          }
        } else {
          const id = pick(ids);
          try {
            await client.remove(keys, id);
            expected.delete(id);
          } catch (error) {
            if (!serverKey(id)) {
              expected.delete(id);
              counts.ambiguous++;
            }
            throw error;
          }
        }
        counts.ok++;
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        counts.failed++;
      }
    }
    sandbox.faults = { rate: 0, kinds: [] };

    // No create or update carried out twice: each op's marker was processed at most once.
    const writes = new Map<string, number>();
    for (const r of sandbox.requests) {
      if (!r.processed || r.status >= 400 || (r.method !== 'POST' && r.method !== 'PATCH')) continue;
      const marker = `${r.method} ${JSON.stringify(r.body)} ${r.path}`;
      writes.set(marker, (writes.get(marker) ?? 0) + 1);
    }
    const twice = [...writes].filter(([, count]) => count > 1);
    assert.deepStrictEqual(twice, [], 'no write was carried out twice');

    const actual = new Map<string, Expected>();
    for (const key of sandbox.state.losant.keys.values()) {
      if (key.applicationId === app.id) actual.set(key.id, { name: key.name ?? '', description: key.description, status: key.status });
    }
    assert.deepStrictEqual(actual, expected);
    assert.deepStrictEqual(unhandled, []);
    const faults = Object.values(sandbox.faultCounts).reduce((a, b) => a + b, 0);
    const requests = sandbox.requests.length;
    assert.ok(faults / requests > 0.07 && faults / requests < 0.13, `about 10% of requests faulted: ${faults} of ${requests}`);
    console.log(
      `      soak: ${OPERATIONS} operations, ${requests} requests, ${faults} faults injected (${JSON.stringify(sandbox.faultCounts)}), ${counts.ok} succeeded, ${counts.failed} failed after retries, ${counts.ambiguous} resolved by reading the server, ${actual.size} keys at the end`,
    );
  });
});
