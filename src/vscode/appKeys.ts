// What every command, the tree and the documents share: the service, the settings, the stored
// credentials, the log and the user. Built once in activate().
import * as vscode from 'vscode';
import { ApiError } from '../core/errors';
import { ApplicationClient, ApplicationRef, AppKeysService } from '../core/service';
import type { CredentialStore, CredentialTarget } from '../core/credentials';
import { readApplications } from './settings';
import { AppKeysLog, maskedLog, MaskedUserInput } from './maskedUserInput';
import type { UserInput } from './userInput';

/** Thrown when an application has no stored credential; the tree offers to set one. */
export class MissingCredentialError extends Error {
  constructor(
    readonly app: ApplicationRef,
    noun: string,
  ) {
    super(vscode.l10n.t('No {0} is stored for {1}. Run "App Keys: Set API Token…" first.', noun, app.label ?? app.applicationId));
    this.name = 'MissingCredentialError';
  }
}

export class AppKeys {
  readonly log: AppKeysLog;
  /** Every question and message, masked (see maskedUserInput.ts). */
  readonly ui: UserInput;

  constructor(
    readonly service: AppKeysService,
    readonly credentials: CredentialStore,
    channel: vscode.LogOutputChannel,
    private input: UserInput,
  ) {
    this.log = maskedLog(channel);
    this.ui = new MaskedUserInput(() => this.input);
  }

  /** Puts another person at the keyboard (the tests' scripted user), or VS Code's window again. */
  setInput(input: UserInput): void {
    this.input = input;
  }

  /** The unmasked input: only for showing a new item's one-time secret, the one time it is shown. */
  get revealOnce(): UserInput {
    return this.input;
  }

  applications(): ApplicationRef[] {
    return readApplications((app) => this.tryApplicationKey(app));
  }

  /** A stable identity for an application: platform, API origin and ID. */
  applicationKey(app: ApplicationRef): string {
    return `${app.platform}:${this.origin(app)}:${app.applicationId}`;
  }

  origin(app: ApplicationRef): string {
    return this.service.apiUrl(app).origin;
  }

  /** The host as shown to people and used in document URIs (with its port, if any). */
  host(app: ApplicationRef): string {
    return this.service.apiUrl(app).host;
  }

  displayName(app: ApplicationRef): string {
    return app.label || app.applicationId;
  }

  credentialNoun(app: ApplicationRef): string {
    try {
      return this.service.platform(app.platform).credentialName;
    } catch {
      return vscode.l10n.t('credential');
    }
  }

  credentialTarget(app: ApplicationRef): CredentialTarget {
    return { platform: app.platform, origin: this.origin(app), applicationId: app.applicationId };
  }

  async hasCredential(app: ApplicationRef): Promise<boolean> {
    return (await this.credentials.get(this.credentialTarget(app))) !== undefined;
  }

  async client(app: ApplicationRef): Promise<ApplicationClient> {
    const secret = await this.credentials.get(this.credentialTarget(app));
    if (!secret) throw new MissingCredentialError(app, this.credentialNoun(app));
    return this.service.forApplication(app, secret);
  }

  /** Finds a configured application by ID (and host, when given). */
  findApplication(applicationId: string, host?: string): ApplicationRef {
    const matches = this.applications().filter((app) => app.applicationId === applicationId && (!host || this.tryHost(app) === host));
    if (matches.length === 0) {
      throw new ApiError(
        host
          ? vscode.l10n.t('Application {0} on {1} is not configured in App Keys', applicationId, host)
          : vscode.l10n.t('Application {0} is not configured in App Keys', applicationId),
        { kind: 'invalid-input' },
      );
    }
    return matches[0];
  }

  /** Asks before the credential App Keys itself uses for `app` is deactivated; throws CancelledError if not. */
  async confirmDeactivatingOwnCredential(app: ApplicationRef): Promise<void> {
    await this.ui.confirm(
      vscode.l10n.t('This is the {0} App Keys itself uses for {1}.', this.credentialNoun(app), this.displayName(app)),
      vscode.l10n.t('Deactivating it cuts App Keys off from {0} until you set another {1}.', this.displayName(app), this.credentialNoun(app)),
      vscode.l10n.t('Deactivate Anyway'),
    );
  }

  /** The host, or undefined for an application whose apiUrl is not allowed (the tree shows why). */
  tryHost(app: ApplicationRef): string | undefined {
    try {
      return this.host(app);
    } catch {
      return undefined;
    }
  }

  /** The application key, or undefined for an application whose apiUrl is not allowed. */
  tryApplicationKey(app: ApplicationRef): string | undefined {
    try {
      return this.applicationKey(app);
    } catch {
      return undefined;
    }
  }
}
