// Where credentials live: the editor's secret storage only, under a key bound to the platform, the
// API origin and the application, so a setting that points an application at another host finds no
// credential to send there. When the secret storage fails (on Linux: no keyring), the user may keep
// a credential for this session only, in memory; nothing is ever written elsewhere.
import * as l10n from '@vscode/l10n';
import { registerSecret } from './masking';

/** The part of vscode.SecretStorage used here. */
export interface SecretBackend {
  get(key: string): Thenable<string | undefined>;
  store(key: string, value: string): Thenable<void>;
  delete(key: string): Thenable<void>;
}

export interface CredentialTarget {
  platform: string;
  origin: string;
  applicationId: string;
}

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

export class CredentialStore {
  /** Credentials the user chose to keep for this session only, because the secret storage failed. */
  private readonly sessionOnly = new Map<string, string>();

  /**
   * @param keepForSession asked when storing fails: resolves to keep the credential in memory for
   * this session, rejects (e.g. CancelledError) to give up.
   */
  constructor(
    private readonly backend: SecretBackend,
    private readonly keepForSession: (error: SecretStorageError) => Promise<void>,
  ) {}

  private key(target: CredentialTarget): string {
    return `appKeys.credential:${target.platform}:${target.origin}:${target.applicationId}`;
  }

  async get(target: CredentialTarget): Promise<string | undefined> {
    const key = this.key(target);
    let value = this.sessionOnly.get(key);
    if (value === undefined) {
      try {
        value = (await this.backend.get(key)) || undefined;
      } catch (error) {
        throw new SecretStorageError('read', error);
      }
    }
    registerSecret(value);
    return value;
  }

  /** Returns where the credential was kept. */
  async store(target: CredentialTarget, value: string): Promise<'secret-storage' | 'session'> {
    registerSecret(value);
    const key = this.key(target);
    try {
      await this.backend.store(key, value);
      this.sessionOnly.delete(key);
      return 'secret-storage';
    } catch (error) {
      await this.keepForSession(new SecretStorageError('store', error));
      this.sessionOnly.set(key, value);
      return 'session';
    }
  }

  async delete(target: CredentialTarget): Promise<void> {
    const key = this.key(target);
    this.sessionOnly.delete(key);
    try {
      await this.backend.delete(key);
    } catch (error) {
      throw new SecretStorageError('delete', error);
    }
  }
}
