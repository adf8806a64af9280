// Server numbers cannot drive a loop, seen in the tree: an application whose API ignores the page
// parameter and answers a total that is not a number. The tree stops, says the list may be
// incomplete, and Load more / Load all end after a page that brings nothing new.
import * as assert from 'assert';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import { children, keyGroup, label, secretsSeen, setting, useHarness } from './harness';

const APP_ID = 'fade0000000000000000beef';
const TOKEN = 'hostile-paging-token-0123456789';
secretsSeen.add(TOKEN);

describe('A server whose paging numbers are nonsense', () => {
  let server: http.Server;
  let url = '';
  const requests: string[] = [];
  before(async () => {
    server = http.createServer((req, res) => {
      const query = new URL(req.url ?? '/', 'http://x').searchParams;
      requests.push(req.url ?? '');
      const perPage = Math.min(Number(query.get('perPage') ?? 50), 1000);
      // The same first page whatever `page` says, a total that is not a number, a page size of 1e-9.
      const items = Array.from({ length: perPage }, (_, i) => ({
        id: (i + 1).toString(16).padStart(24, '0'),
        name: `Key ${i + 1}`,
        key: `k${i}`,
        status: 'active',
      }));
      const body = req.url?.startsWith(`/applications/${APP_ID}/`)
        ? { items, totalCount: 'lots', perPage: 1e-9, page: 0 }
        : { id: APP_ID, name: 'Hostile paging' };
      const text = JSON.stringify(body);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const h = useHarness(async () => {
    await setting('pageSize', 10);
    requests.length = 0;
    await vscode.commands.executeCommand('appKeys.addApplication', { platform: 'losant', apiUrl: url, token: TOKEN, applicationId: APP_ID });
  });
  const listRequests = () => requests.filter((r) => r.includes('/keys')).length;

  it('offers Load more until a page brings nothing new, then says the list may be incomplete', async () => {
    const loaded = await keyGroup(h, APP_ID);
    const group = loaded.group;
    let items = loaded.items;
    assert.strictEqual(items.filter((i) => i.kind === 'item').length, 10);
    const more = items.find((i) => i.kind === 'loadMore' && !(i as { all?: boolean }).all);
    assert.ok(more, items.map((i) => label(h, i)).join(', '));
    await vscode.commands.executeCommand('appKeys.loadMore', more);
    items = await children(h, group);
    assert.strictEqual(items.filter((i) => i.kind === 'item').length, 10, 'the repeated page added nothing');
    assert.ok(!items.some((i) => i.kind === 'loadMore'), 'no more Load more');
    assert.match(String(h.api.tree.getTreeItem(group as never).description), /may be incomplete/);
    assert.strictEqual(listRequests(), 2);
  });

  it('ends Load all after the page that repeats, a few requests in all', async () => {
    await vscode.commands.executeCommand('appKeys.loadAll', { applicationId: APP_ID });
    const { group, items } = await keyGroup(h, APP_ID);
    assert.strictEqual(items.filter((i) => i.kind === 'item').length, 1000);
    assert.match(String(h.api.tree.getTreeItem(group as never).description), /may be incomplete/);
    assert.ok(listRequests() <= 3, `${listRequests()} list requests`);
  });
});
