// Adding and removing applications, and setting or clearing the credential they use.
import * as vscode from 'vscode';
import type { ApplicationRef, ConfiguredApplication } from '../../core/application';
import { linkKey } from '../../core/credentials';
import type { AppKeys } from '../appKeys';
import { credentialKindOf, type CredentialKind } from '../commandIds';
import { removeFromUserSettings, scopesOf, SettingsScope } from '../settings';
import type { ApplicationsTreeProvider } from '../tree/ApplicationsTreeProvider';
import { AddApplicationArgument, addApplications } from './addApplications';
import { applicationsUsing, askSecret, credentialDescription, newCredentialLabel } from './credentialPrompts';
import { resolveApplication } from './targets';

export type { AddApplicationArgument } from './addApplications';

/** Adds one application (the palette's Add Application…, and argument objects). */
export async function addApplication(appKeys: AppKeys, tree: ApplicationsTreeProvider, arg?: AddApplicationArgument): Promise<ConfiguredApplication> {
  return (await addApplications(appKeys, tree, arg, false))[0];
}

export async function removeApplication(appKeys: AppKeys, tree: ApplicationsTreeProvider, arg?: unknown): Promise<void> {
  const app = await resolveApplication(appKeys, arg);
  const name = app.displayName;
  const identity = (a: ApplicationRef): string => appKeys.configure(a).identity;
  const scopes = scopesOf(app, identity);
  const elsewhere = scopes.filter((scope) => scope !== 'user');
  if (!scopes.includes('user')) {
    // A workspace's entry is the workspace's to change: say where it is, never rewrite another scope.
    await showWhereDefined(
      appKeys,
      vscode.l10n.t('{0} is defined in {1}, not in your user settings: remove it there. Nothing was changed.', name, scopeName(elsewhere)),
      elsewhere,
    );
    return;
  }
  const record = appKeys.credentials.recordFor(app.credentialTarget);
  const others = record ? applicationsUsing(appKeys, record).filter((n) => n !== name) : [];
  await appKeys.ui.confirm(
    vscode.l10n.t('Remove {0} from App Keys?', name),
    elsewhere.length
      ? vscode.l10n.t('It is removed from your user settings; {0} also define it, so it stays in the tree until removed there.', scopeName(elsewhere))
      : others.length
        ? vscode.l10n.t('Its {0} stays stored: other applications use it ({1}). Nothing changes on the server.', app.credentialNoun, others.join(', '))
        : vscode.l10n.t('Its stored {0} is deleted too. Nothing changes on the server.', app.credentialNoun),
    vscode.l10n.t('Remove'),
  );
  await removeFromUserSettings(app, identity);
  // The workspace's entry still uses the credential: it stays. Otherwise it goes once no application uses it.
  if (elsewhere.length === 0 && app.problem === undefined) await appKeys.credentials.unlink(app.credentialTarget);
  tree.refresh();
  if (elsewhere.length)
    await showWhereDefined(
      appKeys,
      vscode.l10n.t('{0} was removed from your user settings and is still defined in {1}.', name, scopeName(elsewhere)),
      elsewhere,
    );
}

function scopeName(scopes: SettingsScope[]): string {
  return scopes.includes('workspace') ? vscode.l10n.t('the workspace settings') : vscode.l10n.t("a workspace folder's settings (.vscode/settings.json)");
}

async function showWhereDefined(appKeys: AppKeys, message: string, scopes: SettingsScope[]): Promise<void> {
  const open = vscode.l10n.t('Open Workspace Settings');
  const choice = await appKeys.ui.showMessage('warning', message, {}, open);
  if (choice === open)
    await vscode.commands.executeCommand(
      scopes.includes('workspace') ? 'workbench.action.openWorkspaceSettingsFile' : 'workbench.action.openFolderSettingsFile',
    );
}

/**
 * Sets the credential an application uses; resolves to true once it is stored. A linked credential is
 * replaced, so every application using it gets the new secret; otherwise one stored for the same
 * origin can be chosen, or a new one is stored.
 */
export async function setToken(appKeys: AppKeys, tree: ApplicationsTreeProvider, arg?: unknown, kind?: CredentialKind): Promise<boolean> {
  const app = await resolveApplication(appKeys, arg, ofKind(appKeys, kind));
  const given = arg && typeof arg === 'object' && typeof (arg as { token?: unknown }).token === 'string' ? (arg as { token: string }).token : undefined;
  const linked = appKeys.credentials.recordFor(app.credentialTarget);
  if (given !== undefined) {
    await storeCredentialFor(appKeys, app, given);
  } else if (linked) {
    const users = applicationsUsing(appKeys, linked);
    const where =
      users.length > 1 ? vscode.l10n.t('{0} (used by {1})', linked.label, users.join(', ')) : vscode.l10n.t('{0} on {1}', app.displayName, app.host);
    await appKeys.credentials.replace(linked.id, await askSecret(appKeys.ui, app.credentialNoun, where));
  } else {
    const stored = appKeys.credentials.candidates(app.credentialTarget);
    const fresh = { label: vscode.l10n.t('$(add) New {0}…', app.credentialNoun), id: '' };
    const picked = stored.length
      ? await appKeys.ui.showQuickPick([...stored.map((r) => ({ label: r.label, description: credentialDescription(appKeys, r), id: r.id })), fresh], {
          placeHolder: vscode.l10n.t('Which {0} for {1}?', app.credentialNoun, app.displayName),
        })
      : fresh;
    if (picked.id) await appKeys.credentials.use(app.credentialTarget, picked.id);
    else await storeCredentialFor(appKeys, app, await askSecret(appKeys.ui, app.credentialNoun, vscode.l10n.t('{0} on {1}', app.displayName, app.host)));
  }
  forgetDevicesOfUsers(appKeys, app); // another token may see other devices
  tree.refresh();
  return true;
}

/** Replaces the application's credential, or stores a new one (an identical one on the origin is shared) and links it. */
async function storeCredentialFor(appKeys: AppKeys, app: ConfiguredApplication, secret: string): Promise<void> {
  const linked = appKeys.credentials.recordFor(app.credentialTarget);
  if (linked) {
    await appKeys.credentials.replace(linked.id, secret);
    return;
  }
  const { platform, origin, clientId } = app.credentialTarget;
  const record = await appKeys.credentials.add({ platform, origin, clientId, label: newCredentialLabel(appKeys, app.credentialNoun, origin) }, secret);
  await appKeys.credentials.use(app.credentialTarget, record.id);
}

/** The applications whose credential is of `kind` (all of them when it is undefined). */
function ofKind(appKeys: AppKeys, kind: CredentialKind | undefined): ((app: ConfiguredApplication) => boolean) | undefined {
  return kind && ((app) => credentialKindOf(appKeys.service.allPlatforms.find((p) => p.id === app.platform)) === kind);
}

function forgetDevicesOfUsers(appKeys: AppKeys, app: ConfiguredApplication): void {
  appKeys.devices.forget(app.identity);
  const record = appKeys.credentials.recordFor(app.credentialTarget);
  const users = new Set(record ? appKeys.credentials.usersOf(record.id) : []);
  for (const other of appKeys.applications()) if (users.has(linkKey(other.credentialTarget))) appKeys.devices.forget(other.identity);
}

/** The application no longer uses its credential; the credential is deleted when no other application uses it. */
export async function clearToken(appKeys: AppKeys, tree: ApplicationsTreeProvider, arg?: unknown, kind?: CredentialKind): Promise<void> {
  const app = await resolveApplication(appKeys, arg, ofKind(appKeys, kind));
  await appKeys.credentials.unlink(app.credentialTarget);
  appKeys.devices.forget(app.identity);
  tree.refresh();
}
