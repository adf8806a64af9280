// Creating from the tree: a new, unsaved document holding the fields a user sets (device
// restrictions and topic filters included, which only creation can set), checked against the post
// schema while typing and on save; a valid save sends exactly one POST with the document's fields,
// then the document gives way to the new key's edit document and the one-time secret is shown.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { SANDBOX_EP } from '../sandbox';
import { parseObject } from '../support/json';
import {
  addElasticPathStore,
  addApplication,
  createKeyDocument,
  children,
  keyGroup,
  label,
  replaceText,
  SANDBOX_APPS,
  SANDBOX_TOKENS,
  useHarness,
  waitFor,
} from './harness';
import { CLOSE_SECRETS } from './scriptedUserInput';

const fleet = SANDBOX_APPS.demoFleet;

describe('Create documents', () => {
  const h = useHarness(async () => addApplication(h, fleet.id, SANDBOX_TOKENS.full));
  const posts = () => h.sandbox.requests.filter((r) => r.method === 'POST');

  const newKeyDocument = () => createKeyDocument(h, fleet.id);

  it('opens an unsaved document with the fields of a new Losant key, devices and topics included', async () => {
    const document = await newKeyDocument();
    assert.ok(document.isDirty, 'new and unsaved');
    assert.match(document.uri.path, /\/Application Keys\/New application key \d+\.json$/);
    assert.deepStrictEqual(Object.keys(parseObject(document.getText())), [
      'name',
      'description',
      'deviceIds',
      'deviceTags',
      'filterType',
      'pubTopics',
      'subTopics',
    ]);
    assert.strictEqual(posts().length, 0);
  });

  it('creates a key restricted to devices with one POST of exactly the document, then opens its edit document', async () => {
    const document = await newKeyDocument();
    const fields = {
      name: 'Truck 77 gateway (restricted)',
      description: 'Only for truck 07',
      deviceIds: ['65a0c0de00000000000000d7'],
      deviceTags: [{ key: 'floor', value: '3' }],
      filterType: 'whitelist',
      pubTopics: ['trucks/07/state'],
      subTopics: ['trucks/07/commands'],
    };
    await replaceText(document, JSON.stringify(fields, null, 2));
    h.ui.answer(...CLOSE_SECRETS);
    assert.ok(await document.save(), 'saved');
    assert.deepStrictEqual(
      posts().map((p) => p.body),
      [fields],
      'one POST, exactly the fields of the document',
    );
    const created = [...h.sandbox.state.losant.keys.values()].find((k) => k.name === 'Truck 77 gateway (restricted)')!;
    assert.deepStrictEqual([created.deviceIds, created.deviceTags], [fields.deviceIds, fields.deviceTags]);
    const modal = await waitFor('the one-time secret', () => h.ui.shown.find((m) => m.message === 'Created application key "Truck 77 gateway (restricted)".'));
    assert.ok(modal.detail?.includes(created.secret));
    const edit = await waitFor('the edit document of the new key', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputText && t.input.uri.path.endsWith(`/Application Keys/${created.name} (edit).json`)),
    );
    assert.ok(edit);
    await waitFor(
      'the create document to close',
      () =>
        !vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .some((t) => t.input instanceof vscode.TabInputText && /\/New application key \d+\.json$/.test(t.input.uri.path)),
    );
    assert.ok(
      (await children(h, (await keyGroup(h, fleet.id)).group)).some((n) => label(h, n) === 'Truck 77 gateway (restricted)'),
      'the tree shows it',
    );
  });

  it('sends nothing for an invalid document, keeps its text dirty and marks the problems, while typing too (against the post schema)', async () => {
    const document = await newKeyDocument();
    const bad = JSON.stringify({ name: '', deviceIds: ['not-an-id'], filterType: 'some' }, null, 2);
    await replaceText(document, bad);
    // Checked as typed, before any save: deviceIds only the post schema has.
    const live = await waitFor('the problems while typing', () => {
      const found = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'App Keys');
      return found.length >= 3 ? found : undefined;
    });
    assert.deepStrictEqual([...new Set(live.map((d) => d.range.start.line))].sort(), [1, 3, 5]);
    assert.strictEqual(await document.save(), false);
    assert.strictEqual(posts().length, 0);
    assert.ok(document.isDirty);
    assert.strictEqual(document.getText(), bad);
    const ours = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'App Keys');
    assert.deepStrictEqual([...new Set(ours.map((d) => d.range.start.line))].sort(), [1, 3, 5]);
  });

  it('creates an Elastic Path key from its own template', async () => {
    await addElasticPathStore(h);
    const { group } = await keyGroup(h, SANDBOX_EP.storeId);
    const document = await vscode.workspace.openTextDocument(await vscode.commands.executeCommand<vscode.Uri>('appKeys.create', group));
    assert.deepStrictEqual(parseObject(document.getText()), { name: '', reserved_rate_limit: 0 });
    await replaceText(document, JSON.stringify({ name: 'From a document', reserved_rate_limit: 0 }));
    h.ui.answer(...CLOSE_SECRETS);
    assert.ok(await document.save());
    assert.ok([...h.sandbox.state.elasticpath.keys.values()].some((k) => k.name === 'From a document'));
    await waitFor('the secret modal', () => h.ui.pending === 0);
  });
});

describe("Create from an argument object, with the create document's fields", () => {
  const h = useHarness(async () => addApplication(h, fleet.id, SANDBOX_TOKENS.full));

  it('takes device restrictions and topic filters from the argument object, checked against the post schema', async () => {
    const created = await vscode.commands.executeCommand<{ item: { id: string } }>('appKeys.createKey', {
      applicationId: fleet.id,
      name: 'Scripted restricted key',
      description: '',
      deviceIds: ['65a0c0de00000000000000d8'],
      filterType: 'whitelist',
      pubTopics: ['a/b'],
    });
    const key = h.sandbox.state.losant.keys.get(created.item.id)!;
    assert.deepStrictEqual([key.deviceIds, key.filterType, key.pubTopics], [['65a0c0de00000000000000d8'], 'whitelist', ['a/b']]);
    h.ui.reset();
    const before = h.sandbox.requests.length;
    await vscode.commands.executeCommand('appKeys.createKey', { applicationId: fleet.id, name: 'Bad', description: '', deviceIds: ['nope'] });
    assert.match(h.ui.messages('error').pop() ?? '', /Not created: .*deviceIds.*Nothing was sent/);
    assert.strictEqual(h.sandbox.requests.length, before);
  });
});
