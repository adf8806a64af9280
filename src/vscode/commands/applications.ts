// Adding and removing applications, and setting or clearing their stored credential.
import * as vscode from 'vscode';
import { ApiError } from '../../core/errors';
import { checkApiUrl } from '../../core/service';
import type { ApplicationList, Platform } from '../../core/platforms/platform';
import type { ApplicationRef, ConfiguredApplication } from '../../core/application';
import type { AppKeys } from '../appKeys';
import { addToUserSettings, removeFromUserSettings, scopesOf, SettingsScope } from '../settings';
import type { ApplicationsTreeProvider } from '../tree/ApplicationsTreeProvider';
import { capitalize } from '../text';
import { resolveApplication } from './targets';

export interface AddApplicationArgument {
  platform?: string;
  apiUrl?: string;
  /** The API token (Losant) or client secret (Elastic Path). Stored in SecretStorage only. */
  token?: string;
  clientSecret?: string;
  /** Elastic Path: the client ID of the application key App Keys signs in with. */
  clientId?: string;
  applicationId?: string;
  label?: string;
}

function validateUrl(value: string): string | undefined {
  try {
    checkApiUrl(value.trim());
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

async function askPlatform(appKeys: AppKeys): Promise<Platform> {
  const platforms = appKeys.service.allPlatforms;
  const picked = await appKeys.ui.showQuickPick(
    platforms.map((platform) => ({ label: platform.name, description: platform.hostPresets.map((h) => new URL(h.url).host).join(', '), platform })),
    { placeHolder: vscode.l10n.t('Which platform?') },
  );
  return picked.platform;
}

async function askApiUrl(appKeys: AppKeys, platform: Platform): Promise<string> {
  const other = {
    label: vscode.l10n.t('Other host…'),
    description: vscode.l10n.t('a private instance or another {0}-compatible host', platform.name),
    url: '',
  };
  const host = await appKeys.ui.showQuickPick([...platform.hostPresets.map((h) => ({ label: h.label, description: new URL(h.url).host, url: h.url })), other], {
    placeHolder: vscode.l10n.t('Which {0} API host?', platform.name),
  });
  if (host.url) return host.url;
  const url = await appKeys.ui.showInputBox({
    prompt: vscode.l10n.t('API base URL'),
    placeHolder: vscode.l10n.t('https://api.example.com'),
    validateInput: validateUrl,
  });
  return url.trim();
}

async function askSecret(appKeys: AppKeys, noun: string, where: string): Promise<string> {
  const secret = await appKeys.ui.showInputBox({
    prompt: vscode.l10n.t("{0} for {1} (stored in VS Code's secret storage only)", capitalize(noun), where),
    password: true,
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter the {0}', noun)),
  });
  return secret.trim();
}

export async function addApplication(appKeys: AppKeys, tree: ApplicationsTreeProvider, arg?: AddApplicationArgument): Promise<ConfiguredApplication> {
  const platform = arg?.platform ? appKeys.service.platform(arg.platform) : await askPlatform(appKeys);
  const apiUrl = checkApiUrl(arg?.apiUrl ?? (await askApiUrl(appKeys, platform))).href.replace(/\/$/, '');
  const host = new URL(apiUrl).host;
  let clientId: string | undefined;
  if (platform.needsClientId) {
    clientId =
      arg?.clientId ??
      (
        await appKeys.ui.showInputBox({
          prompt: vscode.l10n.t('Client ID for {0}', host),
          validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter the client ID')),
        })
      ).trim();
  }
  const secret = arg?.token ?? arg?.clientSecret ?? (await askSecret(appKeys, platform.credentialName, host));
  let applicationId = arg?.applicationId;
  let label = arg?.label;
  if (!applicationId) {
    ({ applicationId, label } = await pickApplicationId(appKeys, platform, apiUrl, secret, clientId, label));
  }
  if (!platform.applicationIdPattern.test(applicationId)) {
    throw new ApiError(vscode.l10n.t('Not a valid {0} {1} ID: {2}', platform.name, platform.applicationNoun, applicationId), { kind: 'invalid-input' });
  }
  const ref: ApplicationRef = { platform: platform.id, applicationId, apiUrl: apiUrl === platform.defaultApiUrl ? undefined : apiUrl, clientId };
  // Check the credential against this application before keeping anything, and learn its name.
  const found = await appKeys.ui.withProgress(vscode.l10n.t('Checking the {0} against {1}…', platform.credentialName, host), (signal) =>
    appKeys.service.forApplication(ref, secret).getApplication(signal),
  );
  if (!label && found.name === applicationId && !arg?.applicationId) {
    label = (await appKeys.ui.showInputBox({ prompt: vscode.l10n.t('A name to show for this {0} (optional)', platform.applicationNoun) })).trim() || undefined;
  }
  const app = appKeys.configure({ ...ref, label: label ?? (found.name !== applicationId ? found.name : undefined) });

  await appKeys.credentials.store(app.credentialTarget, secret);
  await addToUserSettings(app, (a) => appKeys.configure(a).identity);
  tree.refresh();
  appKeys.log.info(`Added ${platform.name} ${platform.applicationNoun} ${app.applicationId} on ${app.host}`);
  return app;
}

async function pickApplicationId(
  appKeys: AppKeys,
  platform: Platform,
  apiUrl: string,
  secret: string,
  clientId: string | undefined,
  label?: string,
): Promise<{ applicationId: string; label?: string }> {
  let apps: ApplicationList | undefined;
  try {
    apps = await appKeys.ui.withProgress(vscode.l10n.t('Listing the {0}s the {1} can see…', platform.applicationNoun, platform.credentialName), (signal) =>
      appKeys.service.listApplications(platform.id, apiUrl, secret, clientId, signal),
    );
  } catch (error) {
    // An application-scoped token may not list applications (403): ask for the ID instead.
    if (!(error instanceof ApiError) || error.status !== 403) throw error;
  }
  const enterId = { label: vscode.l10n.t('$(edit) Enter the {0} ID…', platform.applicationNoun), id: '', name: '' };
  const picked = apps?.length
    ? await appKeys.ui.showQuickPick([...apps.map((a) => ({ label: a.name, description: a.id, id: a.id, name: a.name })), enterId], {
        placeHolder: apps.incomplete
          ? vscode.l10n.t("Choose the {0} (the server's list may be incomplete: enter the ID if yours is missing)", platform.applicationNoun)
          : vscode.l10n.t('Choose the {0}', platform.applicationNoun),
        matchOnDescription: true,
      })
    : enterId;
  if (picked.id) return { applicationId: picked.id, label: label ?? picked.name };
  const id = await appKeys.ui.showInputBox({
    prompt: vscode.l10n.t('{0} ID ({1})', capitalize(platform.applicationNoun), platform.applicationIdHint),
    validateInput: (v) =>
      platform.applicationIdPattern.test(v.trim()) ? undefined : vscode.l10n.t('Not a {0} {1} ID', platform.name, platform.applicationNoun),
  });
  return { applicationId: id.trim(), label };
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
  await appKeys.ui.confirm(
    vscode.l10n.t('Remove {0} from App Keys?', name),
    elsewhere.length
      ? vscode.l10n.t('It is removed from your user settings; {0} also define it, so it stays in the tree until removed there.', scopeName(elsewhere))
      : vscode.l10n.t('Its stored {0} is deleted too. Nothing changes on the server.', app.credentialNoun),
    vscode.l10n.t('Remove'),
  );
  await removeFromUserSettings(app, identity);
  // The workspace's entry still uses the credential: it stays.
  if (elsewhere.length === 0 && app.problem === undefined) await appKeys.credentials.delete(app.credentialTarget);
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

/** Resolves to true once a credential is stored. */
export async function setToken(appKeys: AppKeys, tree: ApplicationsTreeProvider, arg?: unknown): Promise<boolean> {
  const app = await resolveApplication(appKeys, arg);
  const given = arg && typeof arg === 'object' && typeof (arg as { token?: unknown }).token === 'string' ? (arg as { token: string }).token : undefined;
  const token = given ?? (await askSecret(appKeys, app.credentialNoun, vscode.l10n.t('{0} on {1}', app.displayName, app.host)));
  await appKeys.credentials.store(app.credentialTarget, token);
  appKeys.devices.forget(app.identity); // another token may see other devices
  tree.refresh();
  return true;
}

export async function clearToken(appKeys: AppKeys, tree: ApplicationsTreeProvider, arg?: unknown): Promise<void> {
  const app = await resolveApplication(appKeys, arg);
  await appKeys.credentials.delete(app.credentialTarget);
  appKeys.devices.forget(app.identity);
  tree.refresh();
}
