// Server numbers cannot drive a loop: a hostile loopback server answers lists with odd totals, odd
// page sizes, ignored page parameters and repeated pages, and every paged read through the real
// service ends after a bounded number of requests, saying when the list may be incomplete.
import * as assert from 'assert';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadAll, readOptions, visitAll } from '../../src/core/listing';
import { IdSet, mayBeIncomplete, takePage, TREE_MAX_ITEMS, type Stop } from '../../src/core/paging';
import type { ApplicationList } from '../../src/core/platforms/platform';
import { AppKeysService, type ApplicationClient } from '../../src/core/service';

const ABSENT = Symbol('absent');
/** A field's value, or ABSENT to leave it out. */
type Field = unknown;

interface Shape {
  name: string;
  /** The total the server claims. */
  total: Field;
  /** The page size Losant echoes (the size asked for unless set). */
  perPage?: Field;
  /** The page number Losant echoes (the one asked for unless set). */
  page?: Field;
  /** Which page it serves when asked for one (the same unless set). */
  serve?: (asked: number) => number;
  /** Items a page holds (the size asked for unless set). */
  size?: number;
  /** Items that exist (endless unless set). */
  items?: number;
  /** The most list requests each read may take, and whether it must say it may be incomplete. */
  expect: { losant: number; ep: number; incomplete: boolean };
}

const newPages = (total: Field, expect: Shape['expect'], more: Partial<Shape> = {}): Omit<Shape, 'name'> => ({ total, expect, ...more });
const SHAPES: Shape[] = [
  { name: 'totalCount missing, page parameter ignored', total: ABSENT, serve: () => 0, expect: { losant: 2, ep: 2, incomplete: true } },
  { name: 'totalCount "abc", page parameter ignored', total: 'abc', serve: () => 0, expect: { losant: 2, ep: 2, incomplete: true } },
  { name: 'totalCount 1e12, page parameter ignored', total: 1e12, serve: () => 0, expect: { losant: 7, ep: 7, incomplete: true } },
  { name: 'totalCount 1e12, every page new', ...newPages(1e12, { losant: 10, ep: 100, incomplete: true }) },
  { name: 'totalCount "abc", every page new', ...newPages('abc', { losant: 10, ep: 100, incomplete: true }) },
  { name: 'totalCount missing, every page new', ...newPages(ABSENT, { losant: 10, ep: 100, incomplete: true }) },
  { name: 'perPage 0, totalCount 1e12', ...newPages(1e12, { losant: 10, ep: 100, incomplete: true }, { perPage: 0 }) },
  { name: 'perPage 1e-9, totalCount 1e12', ...newPages(1e12, { losant: 10, ep: 100, incomplete: true }, { perPage: 1e-9 }) },
  { name: 'perPage -1, totalCount 1e12', ...newPages(1e12, { losant: 10, ep: 100, incomplete: true }, { perPage: -1 }) },
  { name: 'perPage 1 and one item a page, totalCount 1e12', ...newPages(1e12, { losant: 100, ep: 1, incomplete: true }, { perPage: 1, size: 1 }) },
  { name: 'the same page twice (page n serves n/2)', total: 1e12, serve: (n) => Math.floor(n / 2), expect: { losant: 7, ep: 7, incomplete: true } },
  { name: 'short pages of 10 with totalCount 1e12', ...newPages(1e12, { losant: 1, ep: 1, incomplete: true }, { size: 10 }) },
  { name: 'a page echo that lies, 2,500 items (all listed)', ...newPages(2500, { losant: 3, ep: 25, incomplete: false }, { page: 7, items: 2500 }) },
  { name: 'totalCount -5, 2,500 items (all listed, page by page)', ...newPages(-5, { losant: 3, ep: 26, incomplete: false }, { items: 2500 }) },
  { name: 'totalCount 1.5, 2,500 items (all listed, page by page)', ...newPages(1.5, { losant: 3, ep: 26, incomplete: false }, { items: 2500 }) },
];

const APP_ID = 'a0000000000000000000000a';
const STORE_ID = '00000000-0000-4000-8000-000000000000';
const losantId = (n: number) => n.toString(16).padStart(24, '0');
const epId = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** A list server with one hostile shape at a time; counts the list requests it answers. */
function hostileServer() {
  const state = { shape: SHAPES[0], lists: 0 };
  const page = (asked: number, size: number, id: (n: number) => string) => {
    const shape = state.shape;
    const served = shape.serve ? shape.serve(asked) : asked;
    const count = shape.size ?? size;
    const start = served * count;
    const end = Math.min(start + count, shape.items ?? Number.POSITIVE_INFINITY);
    return Array.from({ length: Math.max(0, end - start) }, (_, i) => ({ id: id(start + i), name: `item ${start + i}` }));
  };
  const field = (value: Field) => (value === ABSENT ? undefined : value);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'POST' && url.pathname === '/oauth/access_token') {
      req.resume();
      return send({ access_token: 'hostile-token', expires_in: 3600, token_type: 'Bearer' });
    }
    const shape = state.shape;
    if (req.method === 'GET' && (url.pathname === '/applications' || url.pathname === `/applications/${APP_ID}/keys`)) {
      state.lists++;
      const asked = Number(url.searchParams.get('page'));
      const perPage = Number(url.searchParams.get('perPage'));
      const items = page(asked, Math.min(perPage, 1000), losantId);
      return send({
        items,
        count: items.length,
        totalCount: field(shape.total),
        perPage: shape.perPage === undefined ? perPage : field(shape.perPage),
        page: shape.page === undefined ? asked : field(shape.page),
      });
    }
    if (req.method === 'GET' && url.pathname === '/v2/application-keys') {
      state.lists++;
      const limit = Number(url.searchParams.get('page[limit]'));
      const items = page(Math.floor(Number(url.searchParams.get('page[offset]')) / limit), limit, epId);
      return send({ data: items, meta: { page: { limit, offset: Number(url.searchParams.get('page[offset]')) }, results: { total: field(shape.total) } } });
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ type: 'NotFound', message: `${req.method} ${url.pathname}` }));
  });
  return { server, state };
}

describe('paging against a hostile server', () => {
  const { server, state } = hostileServer();
  let url: string;
  let service: AppKeysService;
  let most = { requests: 0, read: '' };
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    service = new AppKeysService({ timeoutMs: 5000 });
  });
  after(async () => {
    await service.dispose();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    console.log(`      figure: at most ${most.requests} list requests for any hostile paging shape (${most.read})`);
  });

  /** Runs one read against one shape and returns how many list requests it took. */
  async function measure<T>(shape: Shape, read: string, run: () => Promise<T>): Promise<{ result: T; requests: number }> {
    state.shape = shape;
    state.lists = 0;
    const result = await run();
    if (state.lists > most.requests) most = { requests: state.lists, read: `${read}, ${shape.name}` };
    return { result, requests: state.lists };
  }
  // As the tree's Load all reads: a claim of 1e12 new items is a large application, shown up to TREE_MAX_ITEMS.
  const readAll = (client: ApplicationClient) => {
    const resource = client.resource('keys');
    const options = readOptions(resource, undefined, { limit: TREE_MAX_ITEMS });
    return loadAll(
      (q, s) => client.list(resource, q, s),
      (page) => ({ page, perPage: options.perPage }),
      options,
    );
  };

  for (const shape of SHAPES) {
    it(`ends: ${shape.name}`, async function () {
      this.timeout(30_000);
      const apps = await measure(shape, 'Losant applications', () => service.listApplications('losant', url, 'token', undefined));
      assert.ok(apps.requests <= shape.expect.losant, `applications: ${apps.requests} requests`);
      assert.strictEqual((apps.result as ApplicationList).incomplete, shape.expect.incomplete, 'applications: incomplete');
      assert.ok(apps.result!.length <= TREE_MAX_ITEMS);

      const losant = service.forApplication({ platform: 'losant', applicationId: APP_ID, apiUrl: url }, 'token');
      const keys = await measure(shape, 'Losant keys', () => readAll(losant));
      assert.ok(keys.requests <= shape.expect.losant, `keys: ${keys.requests} requests`);
      assert.strictEqual(keys.result.incomplete, shape.expect.incomplete, 'keys: incomplete');
      assert.ok(keys.result.items.length <= TREE_MAX_ITEMS);

      const ep = service.forApplication({ platform: 'elasticpath', applicationId: STORE_ID, apiUrl: url, clientId: 'client' }, 'secret');
      const epKeys = await measure(shape, 'Elastic Path keys', () => readAll(ep));
      assert.ok(epKeys.requests <= shape.expect.ep, `Elastic Path: ${epKeys.requests} requests`);
      assert.strictEqual(epKeys.result.incomplete, shape.expect.incomplete, 'Elastic Path: incomplete');
      assert.ok(epKeys.result.items.length <= TREE_MAX_ITEMS);
      if (!shape.expect.incomplete) {
        for (const result of [apps.result!.length, keys.result.items.length, epKeys.result.items.length]) assert.strictEqual(result, shape.items);
      }
    });
  }

  // The scans (existing keys, the stale keys report, the lost-create lookup) have no limit: what the answers say bounds them.
  const scan = (client: ApplicationClient, signal?: AbortSignal, onPage?: () => void) =>
    visitAll(
      (q, s) => client.list(client.resource('keys'), q, s),
      (page) => ({ page, perPage: 1000 }),
      { perPage: 1000, concurrency: 6, signal },
      () => onPage?.(),
    );
  for (const shape of SHAPES.filter((s) => s.serve || s.size || s.items)) {
    it(`a scan of the whole list, with no limit, ends: ${shape.name}`, async function () {
      this.timeout(30_000);
      const losant = service.forApplication({ platform: 'losant', applicationId: APP_ID, apiUrl: url }, 'token');
      const { result, requests } = await measure(shape, 'Losant scan', () => scan(losant));
      assert.ok(requests <= shape.expect.losant, `scan: ${requests} requests`);
      assert.strictEqual(result.incomplete, shape.expect.incomplete, 'scan: incomplete');
    });
  }

  it('a scan of a server that claims 1e12 items and serves new ones shows progress and ends at Cancel', async function () {
    this.timeout(30_000);
    const losant = service.forApplication({ platform: 'losant', applicationId: APP_ID, apiUrl: url }, 'token');
    const endless = SHAPES.find((s) => s.name === 'totalCount 1e12, every page new')!;
    const controller = new AbortController();
    let pages = 0;
    const { requests } = await measure(endless, 'Losant scan, cancelled', () =>
      assert.rejects(
        scan(losant, controller.signal, () => {
          if (++pages === 20) controller.abort();
        }),
      ),
    );
    assert.ok(requests >= 20 && requests <= 20 + 6, `${requests} requests`);
  });

  it('takes the page number asked for and only sane totals and sizes, whatever the server echoes', async () => {
    const losant = service.forApplication({ platform: 'losant', applicationId: APP_ID, apiUrl: url }, 'token');
    const shape: Shape = { name: 'lies', total: 'abc', perPage: 1e-9, page: 'x', expect: { losant: 1, ep: 1, incomplete: true } };
    const { result } = await measure(shape, 'one page', () => losant.list(losant.resource('keys'), { page: 3, perPage: 50 }));
    assert.deepStrictEqual({ page: result.page, perPage: result.perPage, totalCount: result.totalCount }, { page: 3, perPage: 50, totalCount: undefined });
    state.shape = { ...shape, total: 1e12, perPage: 5000 };
    const huge = await losant.list(losant.resource('keys'), { page: 0, perPage: 50 });
    assert.deepStrictEqual({ perPage: huge.perPage, totalCount: huge.totalCount }, { perPage: 50, totalCount: 1e12 });
  });

  it('stops offering Load more once a page adds nothing (the tree counts pages with takePage)', async () => {
    const losant = service.forApplication({ platform: 'losant', applicationId: APP_ID, apiUrl: url }, 'token');
    const shape: Shape = { name: 'ignored page, 1e12 total', total: 1e12, serve: () => 0, expect: { losant: 2, ep: 2, incomplete: true } };
    const tally = { seen: new IdSet(), pages: 0, perPage: 25 };
    let stop: Stop | undefined;
    let clicks = 0;
    const { requests } = await measure(shape, 'Load more', async () => {
      // As GroupLists.loadNext does, click after click: the page asked for is counted here.
      for (let next = 0; stop === undefined && clicks < 50; next++, clicks++)
        stop = takePage(tally, await losant.list(losant.resource('keys'), { page: next, perPage: 25 })).stop;
    });
    assert.strictEqual(stop, 'stalled');
    assert.strictEqual(requests, 2);
    assert.strictEqual(tally.seen.size, 25);
    assert.ok(mayBeIncomplete(1e12, tally.seen.size, stop), 'the total said there was more');
  });
});
