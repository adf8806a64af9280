// The move of per-application secrets to shared credentials, interrupted after every possible
// number of writes: nothing is lost at any point, and the next run finishes it.
import * as assert from 'assert';
import { moveLegacyCredentials, MoveTarget } from '../../src/core/credentialMove';
import { CredentialStore, legacyKey } from '../../src/core/credentials';
import { interruptedAfter } from '../../src/core/testHooks';
import { MapBackend, MapMemento } from './credentials.test';

const A = 'https://api.losant.com';
const B = 'https://api.app.wnology.io';
const EP = 'https://useast.api.elasticpath.com';
const apps: (MoveTarget & { secret: string })[] = [
  { platform: 'losant', origin: A, applicationId: '65a0c0dea000000000000001', label: 'one', secret: 'tok_same_on_a_1' },
  { platform: 'losant', origin: A, applicationId: '65a0c0dea000000000000002', label: 'two', secret: 'tok_same_on_a_1' },
  { platform: 'losant', origin: A, applicationId: '65a0c0dea000000000000003', label: 'three', secret: 'tok_other_on_a_2' },
  { platform: 'losant', origin: B, applicationId: '65a0c0dea000000000000001', label: 'four', secret: 'tok_same_on_a_1' },
  { platform: 'elasticpath', origin: EP, applicationId: 'b9c0b8f0-0000-4000-8000-000000000001', clientId: 'client-a', label: 'five', secret: 'ep_secret_3' },
];
const noAsk = async (): Promise<void> => assert.fail('the move never asks');

async function planted(): Promise<{ secrets: MapBackend; metadata: MapMemento }> {
  const secrets = new MapBackend();
  for (const app of apps) await secrets.store(legacyKey(app), app.secret);
  return { secrets, metadata: new MapMemento() };
}

async function assertEveryAppReads(store: CredentialStore, when: string): Promise<void> {
  for (const app of apps) assert.strictEqual(await store.get(app), app.secret, `${app.label} ${when}`);
}

/** Secrets under a credential's key; the other entries are move pointers (`appKeys.moved:`, an ID and a label). */
function credentialSecrets(secrets: MapBackend): number {
  return [...secrets.values.keys()].filter((k) => k.startsWith('appKeys.secret:') || k.startsWith('appKeys.credential:')).length;
}

function assertPointersHoldNoSecret(secrets: MapBackend): void {
  for (const [key, value] of secrets.values) {
    if (!key.startsWith('appKeys.moved:')) continue;
    for (const app of apps) assert.ok(!value.includes(app.secret), `${key} holds no secret`);
  }
}

describe('Moving per-application secrets to shared credentials', () => {
  it('makes one credential per origin and secret, links every application and deletes the old keys', async () => {
    const { secrets, metadata } = await planted();
    const store = new CredentialStore(secrets, metadata, noAsk);
    const report = await moveLegacyCredentials(store, apps);
    assert.deepStrictEqual(report, { created: 4, joined: 1 });
    await assertEveryAppReads(store, 'after the move');
    assert.strictEqual(store.records().length, 4);
    assert.strictEqual(store.recordFor(apps[0])?.id, store.recordFor(apps[1])?.id, 'identical secrets on one origin: one credential');
    assert.notStrictEqual(store.recordFor(apps[0])?.id, store.recordFor(apps[3])?.id, 'another origin: another credential');
    assert.deepStrictEqual(
      [...secrets.values.keys()].filter((k) => k.startsWith('appKeys.credential:')),
      [],
      'no old key left',
    );
    assert.strictEqual(credentialSecrets(secrets), 4);
    assertPointersHoldNoSecret(secrets);
    assert.deepStrictEqual(await moveLegacyCredentials(store, apps), { created: 0, joined: 0 }, 'a second run has nothing to do');
  });

  it('interrupted after any number of writes: every application still reads its secret, and the next run finishes the move', async () => {
    let interruptions = 0;
    for (let writes = 0; ; writes++) {
      const { secrets, metadata } = await planted();
      const failing = interruptedAfter(writes, secrets, metadata);
      const interrupted = await moveLegacyCredentials(new CredentialStore(failing.secrets, failing.metadata, noAsk), apps).then(
        () => false,
        (error: Error) => (assert.match(error.message, /interrupted/), true),
      );
      const store = new CredentialStore(secrets, metadata, noAsk);
      await assertEveryAppReads(store, `after an interruption after ${writes} writes`);
      await moveLegacyCredentials(store, apps);
      await assertEveryAppReads(store, `after the move was finished (interrupted after ${writes} writes)`);
      assert.strictEqual(store.records().length, 4, `${writes} writes: one credential per origin and secret`);
      assert.strictEqual(credentialSecrets(secrets), 4, `${writes} writes: only the credentials' secrets are left (no old key, no orphan)`);
      assert.strictEqual(secrets.values.size, 4 + apps.length, `${writes} writes: besides them, one move pointer per application`);
      assertPointersHoldNoSecret(secrets);
      if (!interrupted) break;
      interruptions++;
    }
    assert.ok(interruptions >= 15, `interrupted at ${interruptions} points`);
  });
});
