// What every command, the tree and the documents share: the service, the configured applications
// (read from the settings once per change), the stored credentials, the log and the user.
import * as vscode from 'vscode';
import type { ApplicationRef, ConfiguredApplication } from '../core/application';
import { ApiError } from '../core/errors';
import type { ApplicationClient, AppKeysService } from '../core/service';
import type { CredentialStore } from '../core/credentials';
import { DeviceDirectory } from '../core/deviceDirectory';
import { applicationsSnapshot, readApplications } from './settings';
import { AppKeysLog, maskedLog, MaskedUserInput } from './maskedUserInput';
import type { UserInput } from './userInput';

/** Thrown when an application has no stored credential; the tree offers to set one. */
export class MissingCredentialError extends Error {
  constructor(
    readonly app: ConfiguredApplication,
    noun: string,
  ) {
    super(vscode.l10n.t('No {0} is stored for {1}. Run "App Keys: Set API Token…" first.', noun, app.displayName));
    this.name = 'MissingCredentialError';
  }
}

export class AppKeys {
  readonly log: AppKeysLog;
  /** Every question and message, masked (see maskedUserInput.ts). */
  readonly ui: UserInput;
  /** Each application's devices, loaded at the first need and kept for the session. */
  readonly devices = new DeviceDirectory();
  private configured: { snapshot: string; apps: ConfiguredApplication[] } = { snapshot: '', apps: [] };

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

  /** The configured applications, each resolved once per change of its settings (or of Workspace Trust). */
  applications(): ConfiguredApplication[] {
    const snapshot = applicationsSnapshot();
    if (snapshot !== this.configured.snapshot) {
      const apps = readApplications((ref) => this.configure(ref));
      this.configured = { snapshot, apps };
    }
    return this.configured.apps;
  }

  configure(ref: ApplicationRef): ConfiguredApplication {
    return this.service.configure(ref);
  }

  async hasCredential(app: ConfiguredApplication): Promise<boolean> {
    return (await this.credentials.get(app.credentialTarget)) !== undefined;
  }

  async client(app: ConfiguredApplication): Promise<ApplicationClient> {
    if (app.problem !== undefined) throw new ApiError(app.problem, { kind: 'invalid-input' });
    const secret = await this.credentials.get(app.credentialTarget);
    if (!secret) throw new MissingCredentialError(app, app.credentialNoun);
    return this.service.forApplication(app, secret);
  }

  /** Finds a configured application by ID (and host, when given). */
  findApplication(applicationId: string, host?: string): ConfiguredApplication {
    const found = this.applications().find((app) => app.applicationId === applicationId && (!host || app.host === host));
    if (!found) {
      throw new ApiError(
        host
          ? vscode.l10n.t('Application {0} on {1} is not configured in App Keys', applicationId, host)
          : vscode.l10n.t('Application {0} is not configured in App Keys', applicationId),
        { kind: 'invalid-input' },
      );
    }
    return found;
  }

  /**
   * The one confirmation before App Keys cuts itself off: deleting or deactivating the very credential it
   * uses for `app` (asked even when appKeys.confirmDelete is off). Throws CancelledError if not confirmed.
   */
  async confirmOwnCredential(app: ConfiguredApplication, action: 'delete' | 'deactivate', name?: string): Promise<void> {
    const deleting = action === 'delete';
    await this.ui.confirm(
      name
        ? vscode.l10n.t('{0} is the {1} App Keys itself uses for {2}.', name, app.credentialNoun, app.displayName)
        : vscode.l10n.t('This is the {0} App Keys itself uses for {1}.', app.credentialNoun, app.displayName),
      deleting
        ? vscode.l10n.t('After deleting it, App Keys cannot reach {0} until you set another {1}.', app.displayName, app.credentialNoun)
        : vscode.l10n.t('Deactivating it cuts App Keys off from {0} until you set another {1}.', app.displayName, app.credentialNoun),
      deleting ? vscode.l10n.t('Delete Anyway') : vscode.l10n.t('Deactivate Anyway'),
    );
  }
}
