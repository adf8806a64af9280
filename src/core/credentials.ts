// Where credentials live. A credential (a Losant API token, an Elastic Path client ID + secret) is
// stored once per origin and used by every application linked to it. Its secret is in the editor's
// secret storage only, under a key bound to the platform, the origin and the credential's ID; what it
// is called and which applications use it is metadata (no secret) in a second store. A setting that
// points an application at another origin finds no credential to send there. When the secret storage
// fails (on Linux: no keyring), the user may keep a secret for this session only, in memory.
import * as l10n from '@vscode/l10n';
import { randomUUID } from 'crypto';
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

/** The application a link is kept for. */
export function linkKey(target: CredentialTarget): string {
  return `${target.platform}:${target.origin}:${target.applicationId}`;
}

/** The key earlier versions kept one application's secret under (read while it is moved). */
export function legacyKey(target: CredentialTarget): string {
  return `appKeys.credential:${target.platform}:${target.origin}:${target.applicationId}`;
}

function secretKey(record: CredentialRecord): string {
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
    return {
      credentials: Array.isArray(stored?.credentials) ? stored.credentials : [],
      uses: stored?.uses && typeof stored.uses === 'object' ? stored.uses : {},
      moved: Array.isArray(stored?.moved) ? stored.moved : [],
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

  /** The secret of a stored credential. */
  async secretOf(record: CredentialRecord): Promise<string | undefined> {
    return this.readSecret(secretKey(record));
  }

  /** The secret an application uses: its linked credential's, else (while its move is incomplete) the per-application one. */
  async get(target: CredentialTarget): Promise<string | undefined> {
    const record = this.recordFor(target);
    const secret = record ? await this.secretOf(record) : undefined;
    if (secret !== undefined || this.isMoved(target)) return secret;
    return this.readSecret(legacyKey(target));
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
    return this.storeSecret(secretKey(record), secret);
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
    await this.markMoved(target);
    if (id !== undefined && this.usersOf(id).length === 0) await this.remove(id);
  }

  /** Deletes a credential: its secret, its record, and every application's link to it. */
  async remove(id: string): Promise<void> {
    const record = this.record(id);
    if (record) {
      const key = secretKey(record);
      this.sessionOnly.delete(key);
      await this.deleteSecret(key);
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
