// Where credentials live. A credential (a Losant API token, an Elastic Path client ID + secret) is
// stored once per origin and used by every application linked to it. Its secret is in the editor's
// secret storage only, under a key bound to the platform, the origin and the credential's ID; what it
// is called and which applications use it is metadata (no secret) in a second store. A setting that
// points an application at another origin finds no credential to send there. When the secret storage
// fails (on Linux: no keyring), the user may keep a secret for this session only, in memory.
// Keys are structured (JSON of a tuple), so no origin or ID can run into the next part; keys of the earlier
// form (`appKeys.secret:<platform>:<origin>:<id>`, links `<platform>:<origin>:<id>`) are re-keyed when read.
// Secret storage is shared by every window, globalState is each window's own until synced: a moved
// application's credential is also named in secret storage (its move pointer), so a window that has not
// seen (or has overwritten) the other's globalState still finds it.
import * as l10n from '@vscode/l10n';
import { createHash, randomUUID } from 'crypto';
import { registerSecret } from './masking';

/** The part of vscode.SecretStorage used here. */
export interface SecretBackend {
  get(key: string): Thenable<string | undefined>;
  store(key: string, value: string): Thenable<void>;
  delete(key: string): Thenable<void>;
}

/** The part of vscode.Memento (globalState) used here: metadata only, never a secret. */
export interface MetadataBackend {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

/** What an application needs a credential for: its platform, origin, ID and (Elastic Path) client ID. */
export interface CredentialTarget {
  platform: string;
  origin: string;
  applicationId: string;
  clientId?: string;
}

/** A stored credential, without its secret. */
export interface CredentialRecord {
  id: string;
  platform: string;
  origin: string;
  /** Elastic Path: the client ID the secret belongs to. */
  clientId?: string;
  label: string;
}

interface Metadata {
  credentials: CredentialRecord[];
  /** Application (linkKey) → credential ID. */
  uses: Record<string, string>;
  /** Applications whose per-application secret of earlier versions has been moved and deleted. */
  moved: string[];
}

/** The metadata's key in its store (globalState). */
export const CREDENTIALS_METADATA_KEY = 'appKeys.credentials';
const METADATA_KEY = CREDENTIALS_METADATA_KEY;

/** Raised when the secret storage itself fails; names the cause. */
export class SecretStorageError extends Error {
  constructor(action: 'read' | 'store' | 'delete', cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const failed = {
      read: () => l10n.t("VS Code's secret storage could not read a stored credential ({0}).", reason),
      store: () => l10n.t("VS Code's secret storage could not store the credential ({0}).", reason),
      delete: () => l10n.t("VS Code's secret storage could not delete a stored credential ({0}).", reason),
    }[action]();
    super(`${failed} ${l10n.t('On Linux this usually means no keyring (GNOME Keyring or KWallet, through libsecret) is running.')}`, { cause });
    this.name = 'SecretStorageError';
  }
}

/** The application a link is kept for: a JSON tuple, so no origin or ID can pass for another's. */
export function linkKey(target: CredentialTarget): string {
  return JSON.stringify([target.platform, target.origin, target.applicationId]);
}

/** A link key of earlier versions (`<platform>:<origin>:<id>`) in today's form; IDs never hold ':'. */
function currentLinkKey(key: string): string {
  if (key.startsWith('[')) return key;
  const first = key.indexOf(':');
  const last = key.lastIndexOf(':');
  if (first < 0 || last <= first) return key;
  return linkKey({ platform: key.slice(0, first), origin: key.slice(first + 1, last), applicationId: key.slice(last + 1) });
}

/** Where a moved application's credential is named in the shared secret storage (not a secret: ID and label). */
function movePointerKey(target: CredentialTarget): string {
  return `appKeys.moved:${linkKey(target)}`;
}

/**
 * The ID a moved secret gets: the same in every window for the same platform, origin, client ID and secret, so
 * two windows moving at once write one record. A truncated SHA-256 of a generated token: it names, never reveals.
 */
export function movedCredentialId(target: CredentialTarget, secret: string): string {
  const hash = createHash('sha256').update(JSON.stringify(['appKeys.credential', target.platform, target.origin, target.clientId ?? '', secret]));
  return `moved-${hash.digest('hex').slice(0, 32)}`;
}

/** The key earlier versions kept one application's secret under (read while it is moved). */
export function legacyKey(target: CredentialTarget): string {
  return `appKeys.credential:${target.platform}:${target.origin}:${target.applicationId}`;
}

function secretKey(record: CredentialRecord): string {
  return `appKeys.secret:${JSON.stringify([record.platform, record.origin, record.id])}`;
}

/** The key earlier versions kept a credential's secret under; re-keyed at its first read. */
function earlierSecretKey(record: CredentialRecord): string {
  return `appKeys.secret:${record.platform}:${record.origin}:${record.id}`;
}

/** Whether a credential may be sent for the target: same platform and origin, and for a client ID, the same one. */
export function fits(record: CredentialRecord, target: CredentialTarget): boolean {
  return record.platform === target.platform && record.origin === target.origin && (record.clientId ?? '') === (target.clientId ?? '');
}

export class CredentialStore {
  /** Secrets the user chose to keep for this session only, because the secret storage failed. */
  private readonly sessionOnly = new Map<string, string>();

  /**
   * @param keepForSession asked when storing fails: resolves to keep the secret in memory for this
   * session, rejects (e.g. CancelledError) to give up.
   */
  constructor(
    private readonly secrets: SecretBackend,
    private readonly metadata: MetadataBackend,
    private readonly keepForSession: (error: SecretStorageError) => Promise<void>,
  ) {}

  private read(): Metadata {
    const stored = this.metadata.get<Partial<Metadata>>(METADATA_KEY);
    const uses = stored?.uses && typeof stored.uses === 'object' ? stored.uses : {};
    return {
      credentials: Array.isArray(stored?.credentials) ? stored.credentials : [],
      // Links of earlier versions are read in today's form (and written so at the next write).
      uses: Object.fromEntries(Object.entries(uses).map(([key, id]) => [currentLinkKey(key), id])),
      moved: Array.isArray(stored?.moved) ? [...new Set(stored.moved.map(currentLinkKey))] : [],
    };
  }

  private async write(change: (m: Metadata) => void): Promise<void> {
    const m = this.read();
    change(m);
    await this.metadata.update(METADATA_KEY, m);
  }

  /** Every stored credential. */
  records(): CredentialRecord[] {
    return this.read().credentials;
  }

  record(id: string): CredentialRecord | undefined {
    return this.read().credentials.find((r) => r.id === id);
  }

  /** Credentials that may be used for the target (same platform, origin and client ID). */
  candidates(target: CredentialTarget): CredentialRecord[] {
    return this.records().filter((r) => fits(r, target));
  }

  /** The credential linked to the application, if it still fits it (another origin finds none). */
  recordFor(target: CredentialTarget): CredentialRecord | undefined {
    const m = this.read();
    const id = m.uses[linkKey(target)];
    const record = m.credentials.find((r) => r.id === id);
    return record && fits(record, target) ? record : undefined;
  }

  /** The applications (link keys) that use a credential. */
  usersOf(id: string): string[] {
    return Object.entries(this.read().uses)
      .filter(([, used]) => used === id)
      .map(([key]) => key);
  }

  /** Whether the move of the target's per-application secret is done (or there was none). */
  isMoved(target: CredentialTarget): boolean {
    return this.read().moved.includes(linkKey(target));
  }

  /**
   * The secret of a stored credential. One under an earlier version's key is copied to today's key, read back,
   * and only then deleted there; another window may be doing the same, so a miss looks at today's key again.
   */
  async secretOf(record: CredentialRecord): Promise<string | undefined> {
    const key = secretKey(record);
    const current = await this.readSecret(key);
    if (current !== undefined) return current;
    const earlier = await this.readSecret(earlierSecretKey(record));
    if (earlier === undefined) return this.readSecret(key);
    if (this.sessionOnly.has(earlierSecretKey(record))) return earlier;
    await this.storeSecret(key, earlier, 'throw');
    if ((await this.readSecret(key)) === earlier) await this.deleteSecret(earlierSecretKey(record));
    return earlier;
  }

  /**
   * The secret an application uses: its linked credential's; while its move is incomplete, the per-application
   * one; else the credential its move pointer names (moved by another window whose globalState this one lacks).
   */
  async get(target: CredentialTarget): Promise<string | undefined> {
    const record = this.recordFor(target);
    const secret = record ? await this.secretOf(record) : undefined;
    if (secret !== undefined) return secret;
    if (!this.isMoved(target)) {
      const legacy = await this.readSecret(legacyKey(target));
      if (legacy !== undefined) return legacy;
    }
    const moved = await this.movedRecord(target);
    return moved && moved.id !== record?.id ? this.secretOf(moved) : undefined;
  }

  /** The credential the shared move pointer names for the target, if any. */
  async movedRecord(target: CredentialTarget & { label?: string }): Promise<CredentialRecord | undefined> {
    const text = await this.readSecret(movePointerKey(target));
    if (text === undefined) return undefined;
    try {
      const pointer = JSON.parse(text) as { id?: unknown; label?: unknown };
      if (typeof pointer.id !== 'string') return undefined;
      const label = typeof pointer.label === 'string' ? pointer.label : (target.label ?? pointer.id);
      return { id: pointer.id, platform: target.platform, origin: target.origin, clientId: target.clientId, label };
    } catch {
      return undefined;
    }
  }

  /** Names the target's credential in the shared secret storage, before its per-application secret is deleted. */
  async writeMovePointer(target: CredentialTarget, record: CredentialRecord): Promise<void> {
    await this.storeSecret(movePointerKey(target), JSON.stringify({ id: record.id, label: record.label }), 'throw');
  }

  /** Keeps a record (its secret already stored), as it is if this window has it. */
  async keepRecord(record: CredentialRecord): Promise<void> {
    if (this.record(record.id)) return;
    await this.write((m) => {
      if (!m.credentials.some((r) => r.id === record.id)) m.credentials.push(record);
    });
  }

  /** Links the application to a credential and nothing more (the move deletes the old secret itself, once it reads). */
  async link(target: CredentialTarget, id: string): Promise<void> {
    if (this.read().uses[linkKey(target)] === id) return;
    await this.write((m) => {
      m.uses[linkKey(target)] = id;
    });
  }

  /** What a moved secret's credential would hold now, under today's key (undefined: nothing). */
  storedUnder(record: CredentialRecord): Promise<string | undefined> {
    return this.readSecret(secretKey(record));
  }

  /** Stores a moved secret under its credential's key; throws when the secret storage fails (the move tries again later). */
  storeMoved(record: CredentialRecord, secret: string): Promise<'secret-storage' | 'session'> {
    registerSecret(secret);
    return this.storeSecret(secretKey(record), secret, 'throw');
  }

  /**
   * Stores a credential (secret first, then its record) and returns it; a credential on the same origin
   * (and client ID) with the very same secret is returned instead of a second copy. A given `id` makes
   * storing again after an interruption overwrite the same secret rather than leave one behind.
   */
  async add(fields: Omit<CredentialRecord, 'id'> & { id?: string }, secret: string, ifStorageFails: 'ask' | 'throw' = 'ask'): Promise<CredentialRecord> {
    registerSecret(secret);
    for (const existing of this.candidates({ ...fields, applicationId: '' })) {
      if ((await this.secretOf(existing)) === secret) return existing;
    }
    const record: CredentialRecord = { ...fields, id: fields.id ?? randomUUID() };
    await this.storeSecret(secretKey(record), secret, ifStorageFails);
    await this.write((m) => {
      m.credentials = [...m.credentials.filter((r) => r.id !== record.id), record];
    });
    return record;
  }

  /** Links the application to a credential (its per-application secret, if any, is no longer read). */
  async use(target: CredentialTarget, id: string): Promise<void> {
    const before = this.read().uses[linkKey(target)];
    await this.write((m) => {
      m.uses[linkKey(target)] = id;
    });
    // Only after the link is written: until then the per-application secret is what is read.
    await this.deleteSecret(legacyKey(target));
    await this.markMoved(target);
    // The credential the application used before goes when nothing uses it any more.
    if (before !== undefined && before !== id && this.usersOf(before).length === 0) await this.remove(before);
  }

  /** Replaces a credential's secret: every application using it uses the new one. */
  async replace(id: string, secret: string): Promise<'secret-storage' | 'session'> {
    const record = this.record(id);
    if (!record) throw new Error(l10n.t('The credential is no longer stored.'));
    const where = await this.storeSecret(secretKey(record), secret);
    if (where === 'secret-storage') await this.deleteSecret(earlierSecretKey(record));
    return where;
  }

  async rename(id: string, label: string): Promise<void> {
    await this.write((m) => {
      m.credentials = m.credentials.map((r) => (r.id === id ? { ...r, label } : r));
    });
  }

  /** Unlinks the application; its credential is deleted when no other application uses it. */
  async unlink(target: CredentialTarget): Promise<void> {
    const key = linkKey(target);
    const id = this.read().uses[key];
    await this.write((m) => {
      delete m.uses[key];
    });
    await this.deleteSecret(legacyKey(target));
    await this.deleteSecret(movePointerKey(target));
    await this.markMoved(target);
    if (id !== undefined && this.usersOf(id).length === 0) await this.remove(id);
  }

  /** Deletes a credential: its secret, its record, and every application's link to it. */
  async remove(id: string): Promise<void> {
    const record = this.record(id);
    if (record) {
      await this.deleteSecret(secretKey(record));
      await this.deleteSecret(earlierSecretKey(record));
    }
    await this.write((m) => {
      m.credentials = m.credentials.filter((r) => r.id !== id);
      m.uses = Object.fromEntries(Object.entries(m.uses).filter(([, used]) => used !== id));
    });
  }

  /** Marks the per-application secret of the target as moved, once it is deleted (or there was none). */
  async markMoved(target: CredentialTarget): Promise<void> {
    const key = linkKey(target);
    if (!this.read().moved.includes(key)) await this.write((m) => void m.moved.push(key));
  }

  /** The per-application secret of an earlier version, if still there. */
  readLegacy(target: CredentialTarget): Promise<string | undefined> {
    return this.readSecret(legacyKey(target));
  }

  deleteLegacy(target: CredentialTarget): Promise<void> {
    return this.deleteSecret(legacyKey(target));
  }

  private async readSecret(key: string): Promise<string | undefined> {
    let value = this.sessionOnly.get(key);
    if (value === undefined) {
      try {
        value = (await this.secrets.get(key)) || undefined;
      } catch (error) {
        throw new SecretStorageError('read', error);
      }
    }
    registerSecret(value);
    return value;
  }

  private async storeSecret(key: string, value: string, ifStorageFails: 'ask' | 'throw' = 'ask'): Promise<'secret-storage' | 'session'> {
    registerSecret(value);
    try {
      await this.secrets.store(key, value);
      this.sessionOnly.delete(key);
      return 'secret-storage';
    } catch (error) {
      const failure = new SecretStorageError('store', error);
      if (ifStorageFails === 'throw') throw failure;
      await this.keepForSession(failure);
      this.sessionOnly.set(key, value);
      return 'session';
    }
  }

  private async deleteSecret(key: string): Promise<void> {
    this.sessionOnly.delete(key);
    try {
      await this.secrets.delete(key);
    } catch (error) {
      throw new SecretStorageError('delete', error);
    }
  }
}
