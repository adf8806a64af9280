// Hostile answers and hostile names: redirects are not followed, answers are size-limited, HTML is
// not taken for JSON, and server text in reports is escaped.
import * as assert from 'assert';
import { ApiError } from '../../src/core/errors';
import type { ApplicationClient } from '../../src/core/service';
import { renderReport } from '../../src/core/staleReport';
import { losantKeys } from '../../src/core/platforms/losantResources';
import { SANDBOX_APPS, SANDBOX_TOKENS, type Sandbox } from '../sandbox';
import { useServiceSandbox } from './serviceSandbox';

const fleet = SANDBOX_APPS.demoFleet;

describe('hostile answers (against the sandbox)', () => {
  const h = useServiceSandbox(() => ({ timeoutMs: 2000, maxBodyBytes: 4000, retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 } }));
  let sandbox: Sandbox;
  let client: ApplicationClient;
  beforeEach(() => {
    sandbox = h.sandbox;
    client = h.connect({ platform: 'losant', applicationId: fleet.id }, SANDBOX_TOKENS.full);
  });
  const keys = () => client.resource('keys');
  const firstKey = () => [...sandbox.state.losant.keys.values()].find((k) => k.applicationId === fleet.id)!;

  it('does not follow a redirect to another origin (a read is tried again, at the same origin)', async () => {
    sandbox.faults = { failNext: ['redirect'] };
    const key = await client.get(keys(), firstKey().id);
    assert.strictEqual(key.id, firstKey().id);
    assert.deepStrictEqual(sandbox.requests.map((r) => r.status), [307, 200], 'no request followed the Location');
  });

  it('refuses a redirect on an update with a clear error, sending nothing more', async () => {
    sandbox.faults = { failNext: ['redirect'] };
    const before = firstKey().lastUpdated;
    await assert.rejects(client.update(keys(), firstKey().id, { description: 'x' }), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.match(e.message, /redirected to http:\/\/localhost:\d+\/applications\/.* App Keys does not follow redirects/);
      return true;
    });
    assert.strictEqual(sandbox.requests.length, 1);
    assert.strictEqual(firstKey().lastUpdated, before);
  });

  it('stops reading an answer larger than the limit', async () => {
    await assert.rejects(client.list(keys(), { page: 0, perPage: 50 }), (e: unknown) => e instanceof ApiError && e.kind === 'bad-response' && /larger than 4000 bytes/.test(e.message));
    assert.ok((await client.list(keys(), { page: 0, perPage: 1 })).items.length === 1, 'small answers still pass');
  });

  it('turns an HTML error page into a clear error, not a JSON parse failure', async () => {
    sandbox.faults = { failNext: ['html'], methods: ['PATCH'] };
    await assert.rejects(client.update(keys(), firstKey().id, { description: 'x' }), (e: unknown) => e instanceof ApiError && /answered 502 with text\/html, not JSON/.test(e.message));
  });
});

describe('the stale-keys report escapes server text', () => {
  it('shows a hostile key name as text: no link, no HTML', () => {
    const evil = { id: '65a0c0deb000000000000099', data: { name: '[x](command:workbench.action.quit) <img src=x onerror=alert(1)>', status: 'inactive', key: 'k' } };
    const text = renderReport(
      [{ application: { label: 'App <b>', platform: 'Losant', host: 'api.losant.com', applicationId: fleet.id }, resource: losantKeys, items: [evil] }],
      90,
      Date.parse('2026-11-25T00:00:00Z'),
      (target) => `command:appKeys.reveal?${encodeURIComponent(JSON.stringify(target))}`,
    );
    assert.ok(!text.includes('<img'), text);
    assert.ok(!text.includes('<b>'), text);
    assert.ok(!/\[x\]\(command:workbench/.test(text), text);
    const links = [...text.matchAll(/\]\((command:[^)]+)\)/g)].map((m) => m[1]);
    assert.ok(links.length > 0 && links.every((l) => l.startsWith('command:appKeys.reveal?')), links.join(' '));
  });
});
