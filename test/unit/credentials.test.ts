// The credential store over a secret storage that works, and over one that fails as VS Code's does
// on Linux without a keyring (every call rejects).
import * as assert from 'assert';
import { CredentialStore, SecretBackend, SecretStorageError } from '../../src/core/credentials';
import { maskSecrets } from '../../src/core/masking';

class MapBackend implements SecretBackend {
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

const target = { platform: 'losant', origin: 'https://api.losant.com', applicationId: '65a0c0dea000000000000001' };

describe('CredentialStore', () => {
  it('binds a credential to platform, origin and application', async () => {
    const backend = new MapBackend();
    const store = new CredentialStore(backend, async () => assert.fail('not asked'));
    assert.strictEqual(await store.store(target, 'tok_origin_bound_1'), 'secret-storage');
    assert.strictEqual(await store.get(target), 'tok_origin_bound_1');
    assert.strictEqual(await store.get({ ...target, origin: 'https://api.app.wnology.io' }), undefined);
    assert.strictEqual(await store.get({ ...target, applicationId: '65a0c0dea000000000000002' }), undefined);
    assert.deepStrictEqual([...backend.values.keys()], ['appKeys.credential:losant:https://api.losant.com:65a0c0dea000000000000001']);
    await store.delete(target);
    assert.strictEqual(await store.get(target), undefined);
  });

  it('masks every credential it has seen', async () => {
    const store = new CredentialStore(new MapBackend(), async () => undefined);
    await store.store(target, 'tok_seen_by_the_store_42');
    assert.strictEqual(maskSecrets('token tok_seen_by_the_store_42 failed'), 'token *** failed');
  });

  it('without a keyring: names the cause, and keeps the credential for the session only when the user agrees', async () => {
    const backend = new NoKeyringBackend();
    const asked: SecretStorageError[] = [];
    const store = new CredentialStore(backend, async (error) => {
      asked.push(error);
    });
    assert.strictEqual(await store.store(target, 'tok_session_only_7'), 'session');
    assert.strictEqual(asked.length, 1);
    assert.match(asked[0].message, /could not store the credential \(Cannot create an item in a locked collection\)/);
    assert.match(asked[0].message, /keyring/);
    assert.ok(!asked[0].message.includes('tok_session_only_7'));
    assert.strictEqual(await store.get(target), 'tok_session_only_7', 'kept in memory for this session');
    await assert.rejects(store.delete(target), SecretStorageError);
    await assert.rejects(store.get(target), SecretStorageError, 'after delete, the session copy is gone and the storage still fails');
  });

  it('without a keyring: loses nothing silently when the user declines', async () => {
    const store = new CredentialStore(new NoKeyringBackend(), async () => {
      throw Object.assign(new Error('Cancelled'), { name: 'CancelledError' });
    });
    await assert.rejects(store.store(target, 'tok_declined_8'), { name: 'CancelledError' });
    await assert.rejects(store.get(target), (e: unknown) => e instanceof SecretStorageError && /read a stored credential/.test(e.message));
  });
});
