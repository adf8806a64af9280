// Hostile answers and hostile names: redirects are not followed, answers are size-limited, HTML is
// not taken for JSON, and server text in reports stays text.
import * as assert from 'assert';
import { ApiError } from '../../src/core/errors';
import type { ApplicationClient } from '../../src/core/service';
import { renderReport, reportLinks, type ReportTarget } from '../../src/core/staleReport';
import { losantKeys } from '../../src/core/platforms/losantResources';
import { SANDBOX_APPS, SANDBOX_TOKENS, type Sandbox } from '../sandbox';
import { asOneLine, assertElements, elementCounts, HOSTILE_NAMES, linkTargets, readableText, renderMarkdown } from '../support/markdown';
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
    assert.deepStrictEqual(
      sandbox.requests.map((r) => r.status),
      [307, 200],
      'no request followed the Location',
    );
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
    await assert.rejects(
      client.list(keys(), { page: 0, perPage: 50 }),
      (e: unknown) => e instanceof ApiError && e.kind === 'bad-response' && /larger than 4000 bytes/.test(e.message),
    );
    assert.ok((await client.list(keys(), { page: 0, perPage: 1 })).items.length === 1, 'small answers still pass');
  });

  it('turns an HTML error page into a clear error, not a JSON parse failure', async () => {
    sandbox.faults = { failNext: ['html'], methods: ['PATCH'] };
    await assert.rejects(
      client.update(keys(), firstKey().id, { description: 'x' }),
      (e: unknown) => e instanceof ApiError && /answered 502 with text\/html, not JSON/.test(e.message),
    );
  });
});

describe('the stale-keys report shows server text as text', () => {
  const now = Date.parse('2026-11-25T00:00:00Z');
  const reveal = (target: ReportTarget) => `command:appKeys.reveal?${encodeURIComponent(JSON.stringify(target))}`;
  /** A report of one application whose label, host, key names and key values are `names`, and of one that failed with `names[0]`. */
  function report(names: string[]): string {
    const items = names.map((name, i) => ({
      id: `65a0c0deb0000000000000${String(i).padStart(2, '0')}`,
      data: { name, status: 'inactive', key: names[(i + 1) % names.length] },
    }));
    return renderReport(
      [
        { application: { label: names[0], platform: 'Losant', host: names[1], applicationId: fleet.id }, resource: losantKeys, items },
        { application: { label: names[2], platform: 'Losant', host: names[3], applicationId: fleet.id }, resource: losantKeys, items: [], error: names[4] },
      ],
      90,
      now,
      reveal,
    );
  }
  const benign = HOSTILE_NAMES.map((_, i) => `name ${i}`);

  it('renders hostile names, labels, hosts and errors as text: no heading, link, image, quote, list, table or rule of theirs', () => {
    const html = renderMarkdown(report(HOSTILE_NAMES));
    assertElements(html, elementCounts(renderMarkdown(report(benign))));
    const links = linkTargets(html);
    assert.strictEqual(links.length, 2 * HOSTILE_NAMES.length, 'two links per item: inactive, and without a description');
    assert.ok(
      links.every((l) => l.startsWith('command:appKeys.reveal?')),
      links.join(' '),
    );
    const text = readableText(html);
    for (const name of HOSTILE_NAMES) assert.ok(text.includes(asOneLine(name)), `${JSON.stringify(name)} is readable in ${text}`);
  });

  it("finds only the reveal links in the report's text, not a command: link in server text", () => {
    const text = report(HOSTILE_NAMES);
    assert.ok(text.includes('[x](command:workbench.action.quit)'), 'the hostile name is in the text, as text');
    const links = reportLinks(text);
    assert.strictEqual(links.length, 2 * HOSTILE_NAMES.length, 'two links per item: inactive, and without a description');
    for (const { offset, uri } of links) {
      assert.ok(uri.startsWith('command:appKeys.reveal?'), uri);
      assert.strictEqual(text.slice(offset, offset + uri.length), uri);
      assert.strictEqual(text.slice(offset - 2, offset), '](');
    }
    const ids = (found: { uri: string }[]) =>
      found.map((l) => (JSON.parse(decodeURIComponent(l.uri.slice('command:appKeys.reveal?'.length))) as ReportTarget).id);
    assert.deepStrictEqual(ids(links), ids(reportLinks(report(benign))), 'the same items, in the same order');
  });
});
