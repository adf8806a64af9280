// The credential store over a secret storage that works, and over one that fails as VS Code's does
// on Linux without a keyring (every call rejects); the metadata store is a plain map (globalState).
import * as assert from 'assert';
import { CredentialStore, legacyKey, MetadataBackend, SecretBackend, SecretStorageError } from '../../src/core/credentials';
import { maskSecrets } from '../../src/core/masking';

export class MapBackend implements SecretBackend {
  readonly values = new Map<string, string>();
  async get(key: string) {
    return this.values.get(key);
  }
  async store(key: string, value: string) {
    this.values.set(key, value);
  }
  async delete(key: string) {
    this.values.delete(key);
  }
}

/** globalState's get is synchronous. */
export class MapMemento implements MetadataBackend {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return structuredClone(this.values.get(key)) as T | undefined;
  }
  async update(key: string, value: unknown) {
    this.values.set(key, structuredClone(value));
  }
}

class NoKeyringBackend implements SecretBackend {
  calls = 0;
  private fail(): Promise<never> {
    this.calls++;
    return Promise.reject(new Error('Cannot create an item in a locked collection'));
  }
  get() {
    return this.fail();
  }
  store() {
    return this.fail();
  }
  delete() {
    return this.fail();
  }
}

const origin = 'https://api.losant.com';
const target = { platform: 'losant', origin, applicationId: '65a0c0dea000000000000001' };
const second = { ...target, applicationId: '65a0c0dea000000000000002' };
const fields = { platform: 'losant', origin, label: 'API token for tests' };

function newStore(
  secrets: SecretBackend = new MapBackend(),
  metadata: MetadataBackend = new MapMemento(),
  keep: (error: SecretStorageError) => Promise<void> = async () => assert.fail('not asked'),
): CredentialStore {
  return new CredentialStore(secrets, metadata, keep);
}

describe('CredentialStore', () => {
  it('stores a credential once and lets several applications use it; the secret is bound to platform, origin and credential', async () => {
    const secrets = new MapBackend();
    const metadata = new MapMemento();
    const store = newStore(secrets, metadata);
    const record = await store.add(fields, 'tok_shared_by_two_1');
    await store.use(target, record.id);
    await store.use(second, record.id);
    assert.strictEqual(await store.get(target), 'tok_shared_by_two_1');
    assert.strictEqual(await store.get(second), 'tok_shared_by_two_1');
    assert.deepStrictEqual(store.usersOf(record.id).length, 2);
    assert.deepStrictEqual([...secrets.values.keys()], [`appKeys.secret:${JSON.stringify(['losant', origin, record.id])}`]);
    assert.ok(!JSON.stringify([...metadata.values]).includes('tok_shared_by_two_1'), 'no secret in the metadata');
    assert.strictEqual(await store.get({ ...target, origin: 'https://api.app.wnology.io' }), undefined, 'another origin finds none');
    assert.strictEqual(await store.get({ ...target, applicationId: '65a0c0dea000000000000003' }), undefined, 'an application not linked finds none');
  });

  it('gives back the credential already stored when the same secret is added again on the same origin', async () => {
    const store = newStore();
    const a = await store.add(fields, 'tok_identical_2');
    const b = await store.add({ ...fields, label: 'another label' }, 'tok_identical_2');
    const c = await store.add({ ...fields, origin: 'https://api.app.wnology.io' }, 'tok_identical_2');
    assert.strictEqual(b.id, a.id);
    assert.notStrictEqual(c.id, a.id, 'another origin is another credential');
    assert.strictEqual(store.records().length, 2);
  });

  it('replacing a credential gives every application using it the new secret', async () => {
    const store = newStore();
    const record = await store.add(fields, 'tok_old_3');
    await store.use(target, record.id);
    await store.use(second, record.id);
    await store.replace(record.id, 'tok_new_3');
    assert.strictEqual(await store.get(target), 'tok_new_3');
    assert.strictEqual(await store.get(second), 'tok_new_3');
  });

  it('unlinking the last application deletes the credential; removing one unlinks every application', async () => {
    const secrets = new MapBackend();
    const store = newStore(secrets);
    const record = await store.add(fields, 'tok_unlinked_4');
    await store.use(target, record.id);
    await store.use(second, record.id);
    await store.unlink(target);
    assert.strictEqual(await store.get(target), undefined);
    assert.strictEqual(await store.get(second), 'tok_unlinked_4', 'still used by the second');
    await store.unlink(second);
    assert.deepStrictEqual(store.records(), []);
    assert.strictEqual(secrets.values.size, 0);

    const again = await store.add(fields, 'tok_removed_5');
    await store.use(target, again.id);
    await store.use(second, again.id);
    await store.remove(again.id);
    assert.strictEqual(await store.get(target), undefined);
    assert.strictEqual(await store.get(second), undefined);
    assert.deepStrictEqual(store.usersOf(again.id), []);
    assert.strictEqual(secrets.values.size, 0);
  });

  it('relinking an application to another credential deletes the one nothing uses any more', async () => {
    const secrets = new MapBackend();
    const store = newStore(secrets);
    const first = await store.add(fields, 'tok_first_9');
    await store.use(target, first.id);
    const next = await store.add(fields, 'tok_next_9');
    await store.use(target, next.id);
    assert.deepStrictEqual(
      store.records().map((r) => r.id),
      [next.id],
    );
    assert.strictEqual(secrets.values.size, 1);
  });

  it('an Elastic Path credential fits only its own client ID', async () => {
    const store = newStore();
    const ep = { platform: 'elasticpath', origin: 'https://useast.api.elasticpath.com', clientId: 'client-a' };
    const record = await store.add({ ...ep, label: 'Client secret' }, 'ep_secret_value_6');
    const storeA = { ...ep, applicationId: 'b9c0b8f0-0000-4000-8000-000000000001' };
    await store.use(storeA, record.id);
    assert.strictEqual(await store.get(storeA), 'ep_secret_value_6');
    assert.strictEqual(await store.get({ ...storeA, clientId: 'client-b' }), undefined, 'another client ID finds none');
    assert.deepStrictEqual(store.candidates({ ...storeA, clientId: 'client-b' }), []);
  });

  it("reads an earlier version's per-application secret until the application is linked, then deletes it", async () => {
    const secrets = new MapBackend();
    await secrets.store(legacyKey(target), 'tok_legacy_7');
    const store = newStore(secrets);
    assert.strictEqual(await store.get(target), 'tok_legacy_7');
    const record = await store.add(fields, 'tok_legacy_7');
    await store.use(target, record.id);
    assert.ok(!secrets.values.has(legacyKey(target)));
    assert.strictEqual(await store.get(target), 'tok_legacy_7');
  });

  it('masks every secret it has seen', async () => {
    const store = newStore();
    await store.add(fields, 'tok_seen_by_the_store_42');
    assert.strictEqual(maskSecrets('token tok_seen_by_the_store_42 failed'), 'token *** failed');
  });

  it('without a keyring: names the cause, and keeps the secret for the session only when the user agrees', async () => {
    const asked: SecretStorageError[] = [];
    const store = newStore(new NoKeyringBackend(), new MapMemento(), async (error) => {
      asked.push(error);
    });
    const record = await store.add(fields, 'tok_session_only_7');
    await store.use(target, record.id).catch(() => undefined); // deleting the (absent) old secret fails too
    assert.strictEqual(asked.length, 1);
    assert.match(asked[0].message, /could not store the credential \(Cannot create an item in a locked collection\)/);
    assert.match(asked[0].message, /keyring/);
    assert.ok(!asked[0].message.includes('tok_session_only_7'));
    assert.strictEqual(await store.get(target), 'tok_session_only_7', 'kept in memory for this session');
    await assert.rejects(store.remove(record.id), SecretStorageError);
  });

  it('without a keyring: loses nothing silently when the user declines', async () => {
    const store = newStore(new NoKeyringBackend(), new MapMemento(), async () => {
      throw Object.assign(new Error('Cancelled'), { name: 'CancelledError' });
    });
    await assert.rejects(store.add(fields, 'tok_declined_8'), { name: 'CancelledError' });
    assert.deepStrictEqual(store.records(), [], 'no record without its secret');
    await assert.rejects(store.get(target), (e: unknown) => e instanceof SecretStorageError && /read a stored credential/.test(e.message));
  });
});
