// The move of earlier versions' per-application secrets to shared credentials, at activation and
// without asking, safe when two windows run it at once (secret storage is shared, each window's
// globalState its own until synced). Each step keeps something readable: the credential's secret is
// written under an ID derived from platform, origin, client ID and secret (both windows write the same),
// read back, its record kept and the application linked; then the move pointer in secret storage names
// the credential, and only then is the per-application secret deleted. A window that finds the old
// secret gone follows the pointer; at every start, a moved application whose link this window's state
// lacks (the other window's state overwrote it) is linked again from its pointer. Credentials stored
// under earlier versions' keys are re-keyed (credentials.ts secretOf).
import { CredentialRecord, CredentialStore, CredentialTarget, movedCredentialId } from './credentials';

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

/** Links the target to the credential its move pointer names, if that credential's secret reads. */
async function relink(store: CredentialStore, target: MoveTarget): Promise<boolean> {
  const record = await store.movedRecord(target);
  if (!record || (await store.secretOf(record)) === undefined) return false;
  await store.keepRecord(record);
  await store.link(target, record.id);
  return true;
}

export async function moveLegacyCredentials(store: CredentialStore, targets: readonly MoveTarget[]): Promise<MoveReport> {
  const report: MoveReport = { created: 0, joined: 0 };
  // Secrets under earlier versions' keys: re-keyed now rather than at their first use.
  for (const record of store.records()) await store.secretOf(record);
  for (const target of targets) {
    if (store.isMoved(target)) {
      const linked = store.recordFor(target);
      if (!linked || (await store.secretOf(linked)) === undefined) await relink(store, target);
      continue;
    }
    const old = await store.readLegacy(target);
    if (old === undefined) {
      // Nothing here, or another window moved it: its pointer says where.
      await relink(store, target);
      await store.markMoved(target);
      continue;
    }
    let record: CredentialRecord | undefined = store.recordFor(target);
    let created = false;
    if (!record || (await store.secretOf(record)) === undefined) {
      // A credential of this window with the very same secret, else the one both windows derive from it.
      record = undefined;
      for (const candidate of store.candidates(target)) if ((await store.secretOf(candidate)) === old) record = candidate;
      if (!record) {
        const id = movedCredentialId(target, old);
        record = store.record(id) ?? { id, platform: target.platform, origin: target.origin, clientId: target.clientId, label: target.label };
        const there = await store.storedUnder(record);
        if (there !== undefined && there !== old) continue; // replaced meanwhile: never overwritten; the next start looks again
        if (there === undefined) await store.storeMoved(record, old);
        if ((await store.storedUnder(record)) !== old) continue; // not readable back: keep the old secret, try again next time
        created = !store.record(id);
        await store.keepRecord(record);
      }
      await store.link(target, record.id);
    }
    // Read back through the link, as every later read will; then name it for other windows, then delete.
    if (store.recordFor(target)?.id !== record.id || (await store.get(target)) === undefined) continue;
    await store.writeMovePointer(target, record);
    await store.deleteLegacy(target);
    await store.markMoved(target);
    if (created) report.created++;
    else report.joined++;
  }
  return report;
}
