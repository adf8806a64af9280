// Fleets of 100,000 devices (issue 20): a paged read reaches the end of a list of a million items
// holding only what it needs; the IDs it has seen are kept exactly and compactly.
import * as assert from 'assert';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { visitAll } from '../../src/core/listing';
import { IdSet } from '../../src/core/paging';
import type { ListQuery, Page, ResourceItem } from '../../src/core/platforms/platform';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const MB = 1024 * 1024;

const TOTAL = 1_000_000;
const PER_PAGE = 1000;
const losantId = (n: number) => n.toString(16).padStart(24, '0');

/** A list server in-process: every item a key as Losant describes one, built on demand. */
function fakeServer(total: number) {
  let requests = 0;
  const fetchPage = async (query: ListQuery): Promise<Page> => {
    requests++;
    await new Promise((r) => setImmediate(r));
    const start = query.page * query.perPage;
    const items: ResourceItem[] = [];
    for (let n = start; n < Math.min(total, start + query.perPage); n++) {
      const id = losantId(n);
      items.push({
        id,
        version: '2026-01-01T00:00:00.000Z',
        data: {
          id,
          applicationKeyId: id,
          key: `k${id}`,
          name: `Device key ${n}`,
          description: `Restricted to device ${n}`,
          deviceIds: [losantId(n + 5e6)],
          status: 'active',
        },
      });
    }
    return { items, totalCount: total, page: query.page, perPage: query.perPage };
  };
  return { fetchPage, requests: () => requests };
}

describe('Fleets: a million items', () => {
  it('reads 1,000,000 items in pages of 1,000 to the end, holding their IDs, not the items', async function () {
    this.timeout(120_000);
    const server = fakeServer(TOTAL);
    gc();
    const before = used();
    let peak = 0;
    let visited = 0;
    let restricted = 0;
    const summary = await visitAll(
      server.fetchPage,
      (page) => ({ page, perPage: PER_PAGE }),
      { perPage: PER_PAGE, concurrency: 6 },
      (fresh, page) => {
        visited += fresh.length;
        restricted += fresh.filter((item) => Array.isArray(item.data.deviceIds)).length;
        // Every 50 pages: what the reader holds after the garbage of earlier pages is collected.
        if (page % 50 === 0) {
          gc();
          peak = Math.max(peak, used() - before);
        }
      },
    );
    assert.deepStrictEqual(
      { visited, restricted, count: summary.count, incomplete: summary.incomplete, stop: summary.stop, totalCount: summary.totalCount },
      { visited: TOTAL, restricted: TOTAL, count: TOTAL, incomplete: false, stop: 'end', totalCount: TOTAL },
    );
    assert.strictEqual(server.requests(), TOTAL / PER_PAGE);
    console.log(`      figure: ${TOTAL} items in ${server.requests()} requests; the reader held at most ${(peak / MB).toFixed(1)} MB`);
    // Holding the items would take over 500 MB; a Set of a million ID strings about 90 MB.
    assert.ok(peak < 64 * MB, `the reader held ${(peak / MB).toFixed(1)} MB`);
  });

  it('keeps IDs exactly: hex IDs and UUIDs packed, anything else as it is, no two confused', () => {
    const ids = new IdSet();
    const samples = [
      'a0000000000000000000000a',
      'a0000000000000000000000b',
      'A0000000000000000000000A', // not lower-case hex: kept as text, distinct
      '00000000-0000-4000-8000-000000000001',
      '00000000000040008000000000000001', // the same digits without dashes: another ID
      'a0000000000000000000000a00000000',
      'x',
      '',
    ];
    for (const id of samples) assert.strictEqual(ids.add(id), true, id);
    for (const id of samples) assert.strictEqual(ids.add(id), false, id);
    assert.strictEqual(ids.size, samples.length);
    for (let n = 0; n < 200_000; n++) ids.add(losantId(n * 7919));
    assert.strictEqual(ids.size, samples.length + 200_000);
    for (let n = 0; n < 200_000; n += 997) assert.ok(ids.has(losantId(n * 7919)));
    assert.ok(!ids.has(losantId(7918)));
  });
});
