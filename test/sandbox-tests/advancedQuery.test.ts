// The keys list's advanced `query` parameter (advancedApplicationKeyQuery): one JSON text in one query
// parameter, as Losant's official client sends it (losant-rest: JSON.stringify, then qs). The sandbox
// answers what that client sends and what App Keys sends alike; refuses what the schema refuses with
// 400 Validation; lets `query` override filterField/filter; and, in the ignoreQuery fault mode, answers
// as a server that ignores it.
import * as assert from 'node:assert/strict';
import { AppKeysService } from '../../src/core/service';
import { callSandbox, SANDBOX_APPS, SANDBOX_TOKENS, startSandbox, type Sandbox } from '../sandbox';

const app = SANDBOX_APPS.emptyApp;
const keysPath = `/applications/${app.id}/keys`;
const EXTRA = 2000;
const device = (n: number) => `dec0${n.toString(16).padStart(20, '0')}`;

interface LosantRest {
  applicationKeys: {
    get(p: { applicationId: string; perPage?: number; page?: number; query?: object; filterField?: string; filter?: string }): Promise<{
      items: { id: string; name?: string; deviceIds?: string[] }[];
      totalCount: number;
      count: number;
      filter?: string;
    }>;
  };
}

describe('sandbox: the keys list query parameter', () => {
  let sandbox: Sandbox;
  let official: LosantRest;
  let service: AppKeysService;
  before(async () => {
    sandbox = await startSandbox({ plainHttp: true, extraKeys: [{ applicationId: app.id, count: EXTRA }] });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    official = (require('losant-rest') as { createClient(o: { accessToken: string; url: string }): LosantRest }).createClient({
      accessToken: SANDBOX_TOKENS.full,
      url: sandbox.url,
    });
    service = new AppKeysService({ timeoutMs: 10_000 });
  });
  beforeEach(() => {
    sandbox.reset();
    // Every 100th key restricted to a device of its own (20 keys), every 250th also described.
    [...sandbox.state.losant.keys.values()]
      .filter((k) => k.applicationId === app.id)
      .forEach((k, i) => {
        if (i % 100 === 0) k.deviceIds = [device(i / 100)];
        if (i % 250 === 0) k.description = `Described Key ${i}`;
      });
  });
  after(async () => {
    await service.dispose();
    await sandbox.close();
  });
  const restricted = (ids: string[]) =>
    [...sandbox.state.losant.keys.values()]
      .filter((k) => k.applicationId === app.id && k.deviceIds?.some((d) => ids.includes(d)))
      .map((k) => k.id)
      .sort();

  it("answers Losant's official client and App Keys alike: the same parameter, the same keys", async () => {
    const wanted = [device(3), device(7), device(11), device(99)];
    const answer = await official.applicationKeys.get({ applicationId: app.id, perPage: 1000, query: { deviceIds: { $in: wanted } } });
    assert.deepEqual(answer.items.map((k) => k.id).sort(), restricted(wanted));
    assert.equal(answer.totalCount, 3);
    assert.equal(answer.count, 3);
    const sentByOfficial = sandbox.requests.at(-1)!.query.query;
    assert.equal(sentByOfficial, JSON.stringify({ deviceIds: { $in: wanted } }));

    const client = service.forApplication({ platform: 'losant', applicationId: app.id, apiUrl: sandbox.url }, SANDBOX_TOKENS.full);
    const page = await client.list(client.resource('keys'), { page: 0, perPage: 1000, anyOf: { field: 'deviceIds', values: wanted } });
    assert.deepEqual(page.items.map((k) => k.id).sort(), restricted(wanted));
    assert.equal(sandbox.requests.at(-1)!.query.query, sentByOfficial, 'App Keys sends the text the official client sends');
  });

  it('evaluates the operators: $in, $nin, $ne, $contains with $ci, $startsWith, $or, $and, $nor, null', async () => {
    const names = async (query: object) => (await official.applicationKeys.get({ applicationId: app.id, perPage: 1000, query })).items.map((k) => k.name);
    assert.deepEqual(await names({ name: { $contains: 'KEY 0000', $ci: true } }), await names({ name: { $startsWith: 'Generated key 0000' } }));
    assert.equal((await names({ name: { $contains: 'KEY 0000' } })).length, 0, 'case counts without $ci');
    assert.equal((await names({ description: { $contains: 'described', $ci: true } })).length, EXTRA / 250);
    assert.equal((await official.applicationKeys.get({ applicationId: app.id, query: { description: null } })).totalCount, EXTRA - EXTRA / 250);
    const both = await official.applicationKeys.get({
      applicationId: app.id,
      query: { $and: [{ deviceIds: { $in: [device(0), device(3)] } }, { description: { $ne: null } }] },
    });
    assert.equal(both.totalCount, 1, 'key 0 is restricted and described, key 300 only restricted');
    const either = await official.applicationKeys.get({ applicationId: app.id, query: { $or: [{ deviceIds: device(1) }, { deviceIds: device(2) }] } });
    assert.equal(either.totalCount, 2);
    const neither = await official.applicationKeys.get({ applicationId: app.id, query: { $nor: [{ deviceIds: { $ne: null } }] } });
    assert.equal(neither.totalCount, EXTRA - 20);
    const notThese = await official.applicationKeys.get({ applicationId: app.id, query: { deviceIds: { $nin: [device(1)] }, description: { $ne: null } } });
    assert.equal(notThese.totalCount, EXTRA / 250);
  });

  it('pages through the matches, totalCount counting only them; query overrides filterField and filter', async () => {
    const query = JSON.stringify({ deviceIds: { $ne: null } });
    const pages = [];
    for (let page = 0; page < 5; page++) {
      const { status, body } = await callSandbox(sandbox, 'GET', keysPath, { query: { query, perPage: 5, page, filterField: 'name', filter: 'nothing*' } });
      assert.equal(status, 200);
      assert.equal(body.totalCount, 20);
      assert.equal('filter' in body || 'filterField' in body, false, 'the overridden filter is not echoed');
      pages.push(...body.items.map((k: { id: string }) => k.id));
    }
    assert.equal(new Set(pages).size, 20);
    const blank = await callSandbox(sandbox, 'GET', keysPath, { query: { query: '', perPage: 1 } });
    assert.equal(blank.body.totalCount, EXTRA, 'a blank query is no query');
  });

  it('refuses a query that is not JSON or that the schema refuses with 400 Validation', async () => {
    const bad = [
      'deviceIds=abc',
      '[1,2]',
      JSON.stringify({ deviceIds: { $in: ['not an id'] } }),
      JSON.stringify({ name: { $regex: 'x' } }),
      JSON.stringify({ deviceIds: { $in: Array.from({ length: 101 }, (_, i) => device(i)) } }),
      JSON.stringify({ id: { $eq: device(1), $ne: device(2) } }),
      JSON.stringify({ $or: [{ name: { $contains: '' } }] }),
    ];
    for (const query of bad) {
      const { status, body } = await callSandbox(sandbox, 'GET', keysPath, { query: { query } });
      assert.equal(status, 400, query);
      assert.equal(body.type, 'Validation', query);
      assert.equal(typeof body.message, 'string');
      assert.deepEqual(Object.keys(body).sort(), ['message', 'type']);
    }
  });

  it('in the ignoreQuery fault mode, answers as if no query had been sent', async () => {
    sandbox.faults = { ignoreQuery: true };
    const answer = await official.applicationKeys.get({ applicationId: app.id, query: { deviceIds: { $in: [device(3)] } } });
    assert.equal(answer.totalCount, EXTRA);
    sandbox.faults = {};
    const honoured = await official.applicationKeys.get({ applicationId: app.id, query: { deviceIds: { $in: [device(3)] } } });
    assert.equal(honoured.totalCount, 1);
  });
});
