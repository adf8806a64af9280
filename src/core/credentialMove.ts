// The move of earlier versions' per-application secrets to shared credentials, at activation and
// without asking. Each step keeps something readable: the credential is written (secret, then
// record), read back, linked, and only then is the per-application secret deleted; until an
// application's move is done, reading falls back to its old secret. An interruption at any point
// loses nothing, and the next run finishes the move. Identical secrets on one origin become one credential.
import { createHash } from 'crypto';
import { CredentialStore, CredentialTarget, linkKey } from './credentials';

export interface MoveTarget extends CredentialTarget {
  /** The new credential's label, if this application's secret makes one. */
  label: string;
}

export interface MoveReport {
  /** Applications whose secret became a credential of its own. */
  created: number;
  /** Applications whose secret was the same as a credential's already stored. */
  joined: number;
}

export async function moveLegacyCredentials(store: CredentialStore, targets: readonly MoveTarget[]): Promise<MoveReport> {
  const report: MoveReport = { created: 0, joined: 0 };
  for (const target of targets) {
    if (store.isMoved(target)) continue;
    const old = await store.readLegacy(target);
    if (old === undefined) {
      await store.markMoved(target);
      continue;
    }
    const linked = store.recordFor(target);
    if (linked) {
      // Linked before the old secret was deleted: the link is the newer choice; delete once it reads.
      if ((await store.secretOf(linked)) === undefined) continue;
      await store.deleteLegacy(target);
      await store.markMoved(target);
      continue;
    }
    const before = store.records().length;
    // An ID of its own per application: a run interrupted between the secret and its record overwrites it next time.
    const id = `moved-${createHash('sha256').update(linkKey(target)).digest('hex').slice(0, 24)}`;
    const record = await store.add({ id, platform: target.platform, origin: target.origin, clientId: target.clientId, label: target.label }, old, 'throw');
    if ((await store.secretOf(record)) !== old) continue; // not readable back: keep the old secret, try again next time
    await store.use(target, record.id);
    if (store.records().length > before) report.created++;
    else report.joined++;
  }
  return report;
}
