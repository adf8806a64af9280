// Credentials live only in SecretStorage, under a key bound to the API origin and the application,
// so a setting that points an application at another host finds no credential to send there.
import * as vscode from 'vscode';
import { registerSecret } from '../core/masking';

export interface CredentialTarget {
  platform: string;
  origin: string;
  applicationId: string;
}

export class CredentialStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  private key(target: CredentialTarget): string {
    return `appKeys.credential:${target.platform}:${target.origin}:${target.applicationId}`;
  }

  async get(target: CredentialTarget): Promise<string | undefined> {
    const value = await this.secrets.get(this.key(target));
    registerSecret(value);
    return value || undefined;
  }

  async store(target: CredentialTarget, value: string): Promise<void> {
    registerSecret(value);
    await this.secrets.store(this.key(target), value);
  }

  async delete(target: CredentialTarget): Promise<void> {
    await this.secrets.delete(this.key(target));
  }
}
