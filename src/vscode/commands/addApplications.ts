// Adding applications: a wizard (title, step n of m, Back) that asks the platform, the host and a
// credential (one already stored on that host, or a new one), then lists what the credential can
// see and adds the chosen applications at once, all using the one credential. An argument object
// (`{platform, apiUrl, token|clientSecret, clientId, applicationId, label}`) answers its steps.
import * as vscode from 'vscode';
import type { ApplicationRef, ConfiguredApplication } from '../../core/application';
import type { CredentialRecord } from '../../core/credentials';
import { ApiError } from '../../core/errors';
import type { ApplicationList, ApplicationSummary, Platform } from '../../core/platforms/platform';
import { checkApiUrl } from '../../core/service';
import type { AppKeys } from '../appKeys';
import { addToUserSettings } from '../settings';
import { capitalize } from '../text';
import type { ApplicationsTreeProvider } from '../tree/ApplicationsTreeProvider';
import { isBack, runWizard, Step, WizardStep } from '../wizard';
import { askSecret, credentialDescription, newCredentialLabel } from './credentialPrompts';

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

interface AddState {
  platform?: Platform;
  /** A preset's URL, or '' for "Other host…". */
  preset?: string;
  typedUrl?: string;
  /** A stored credential; null or undefined for a new one. */
  credential?: CredentialRecord | null;
  clientId?: string;
  secret?: string;
  chosen?: ApplicationSummary[];
  typedId?: string;
  /** Listing results per credential, so Back and forth does not ask the server again. */
  listed?: { key: string; apps: ApplicationList | undefined };
}

function validateUrl(value: string): string | undefined {
  try {
    checkApiUrl(value.trim());
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function apiUrlOf(state: AddState): string {
  return checkApiUrl(state.preset || state.typedUrl?.trim() || '').href.replace(/\/$/, '');
}

/** Adds the applications the user chooses (one when `many` is false); each uses the same credential. */
export async function addApplications(
  appKeys: AppKeys,
  tree: ApplicationsTreeProvider,
  arg: AddApplicationArgument | undefined,
  many: boolean,
): Promise<ConfiguredApplication[]> {
  const givenSecret = arg?.token ?? arg?.clientSecret;
  const state: AddState = {
    platform: arg?.platform ? appKeys.service.platform(arg.platform) : undefined,
    preset: arg?.apiUrl !== undefined ? checkApiUrl(arg.apiUrl).href : undefined,
    credential: givenSecret !== undefined ? null : undefined,
    clientId: arg?.clientId,
    secret: givenSecret,
    chosen: arg?.applicationId ? [{ id: arg.applicationId, name: arg.label ?? '' }] : undefined,
  };
  // Credentials stored for the platform and host chosen (none while the host is not known yet).
  const stored = (s: AddState): CredentialRecord[] => {
    if (!s.platform || !(s.preset || s.typedUrl)) return [];
    const origin = new URL(apiUrlOf(s)).origin;
    return appKeys.credentials.records().filter((r) => r.platform === s.platform?.id && r.origin === origin);
  };
  // A step whose need is not known yet (the host, the platform not chosen) is counted: "step n of m" may shrink as
  // answers come, never grow, so going Back never shows a step with another count than the step left.
  const hostKnown = (s: AddState) => !!s.platform && !!(s.preset || s.typedUrl);
  const mayHaveStored = (s: AddState) => appKeys.credentials.records().some((r) => !s.platform || r.platform === s.platform.id);
  const mayNeedClientId = (s: AddState) => (s.platform ? s.platform.needsClientId : appKeys.service.allPlatforms.some((p) => p.needsClientId));
  const steps: WizardStep<AddState>[] = [
    { skip: () => arg?.platform !== undefined, run: (s, step) => askPlatform(appKeys, s, step) },
    { skip: () => arg?.apiUrl !== undefined, run: (s, step) => askHost(appKeys, s, step) },
    { skip: (s) => arg?.apiUrl !== undefined || !!s.preset, run: (s, step) => askUrl(appKeys, s, step) },
    {
      skip: (s) => givenSecret !== undefined || (hostKnown(s) ? stored(s).length === 0 : !mayHaveStored(s)),
      run: (s, step) => askCredential(appKeys, s, step, stored(s)),
    },
    { skip: (s) => !mayNeedClientId(s) || !!s.credential || arg?.clientId !== undefined, run: (s, step) => askClientId(appKeys, s, step) },
    { skip: (s) => !!s.credential || givenSecret !== undefined, run: (s, step) => askNewSecret(appKeys, s, step) },
    { skip: () => arg?.applicationId !== undefined, run: (s, step) => askApplications(appKeys, s, step, many) },
  ];
  const title = many ? vscode.l10n.t('Add Applications') : vscode.l10n.t('Add Application');
  await runWizard(title, state, steps);
  return addChosen(appKeys, tree, state, arg);
}

async function askPlatform(appKeys: AppKeys, s: AddState, step: Step): Promise<void> {
  const picked = await appKeys.ui.showQuickPick(
    appKeys.service.allPlatforms.map((platform) => ({
      label: platform.name,
      description: platform.hostPresets.map((h) => new URL(h.url).host).join(', '),
      platform,
      picked: platform === s.platform,
    })),
    { placeHolder: vscode.l10n.t('Which platform?'), step },
  );
  if (picked.platform !== s.platform) Object.assign(s, { preset: undefined, credential: undefined, clientId: undefined, secret: undefined, listed: undefined });
  s.platform = picked.platform;
}

async function askHost(appKeys: AppKeys, s: AddState, step: Step): Promise<void> {
  const platform = s.platform!;
  const other = {
    label: vscode.l10n.t('Other host…'),
    description: vscode.l10n.t('a private instance or another {0}-compatible host', platform.name),
    url: '',
  };
  const items = [...platform.hostPresets.map((h) => ({ label: h.label, description: new URL(h.url).host, url: h.url })), other];
  const host = await appKeys.ui.showQuickPick(
    items.map((i) => ({ ...i, picked: i.url === s.preset })),
    { placeHolder: vscode.l10n.t('Which {0} API host?', platform.name), step },
  );
  if (host.url !== s.preset) s.credential = undefined;
  s.preset = host.url;
}

async function askUrl(appKeys: AppKeys, s: AddState, step: Step): Promise<void> {
  const before = s.typedUrl;
  s.typedUrl = (
    await appKeys.ui.showInputBox({
      prompt: vscode.l10n.t('API base URL'),
      placeHolder: vscode.l10n.t('https://api.example.com'),
      value: s.typedUrl,
      validateInput: validateUrl,
      step,
    })
  ).trim();
  if (s.typedUrl !== before) s.credential = undefined; // a credential chosen for the other host is not sent here
}

async function askCredential(appKeys: AppKeys, s: AddState, step: Step, stored: CredentialRecord[]): Promise<void> {
  const platform = s.platform!;
  const fresh = { label: vscode.l10n.t('$(add) New {0}…', platform.credentialName), record: null, picked: s.credential === null };
  const picked = await appKeys.ui.showQuickPick(
    [
      ...stored.map((record) => ({ label: record.label, description: credentialDescription(appKeys, record), record, picked: s.credential?.id === record.id })),
      fresh,
    ],
    { placeHolder: vscode.l10n.t('Which {0}? One stored for {1} already, or a new one', platform.credentialName, new URL(apiUrlOf(s)).host), step },
  );
  s.credential = picked.record;
}

async function askClientId(appKeys: AppKeys, s: AddState, step: Step): Promise<void> {
  s.clientId = (
    await appKeys.ui.showInputBox({
      prompt: vscode.l10n.t('Client ID for {0}', new URL(apiUrlOf(s)).host),
      value: s.clientId,
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter the client ID')),
      step,
    })
  ).trim();
}

async function askNewSecret(appKeys: AppKeys, s: AddState, step: Step): Promise<void> {
  s.secret = await askSecret(appKeys.ui, s.platform!.credentialName, new URL(apiUrlOf(s)).host, { step, value: s.secret });
}

/** The secret the wizard goes on with: a stored credential's, or the new one. */
async function secretOf(appKeys: AppKeys, s: AddState): Promise<{ secret: string; clientId?: string }> {
  if (s.credential) {
    // A stored secret goes only to the origin it is bound to.
    if (s.credential.platform !== s.platform!.id || s.credential.origin !== new URL(apiUrlOf(s)).origin)
      throw new ApiError(vscode.l10n.t('The {0} "{1}" belongs to another host.', s.platform!.credentialName, s.credential.label), { kind: 'invalid-input' });
    const secret = await appKeys.credentials.secretOf(s.credential);
    if (secret === undefined)
      throw new ApiError(vscode.l10n.t('The stored {0} "{1}" could not be read.', s.platform!.credentialName, s.credential.label), { kind: 'invalid-input' });
    return { secret, clientId: s.credential.clientId };
  }
  return { secret: s.secret!, clientId: s.clientId };
}

async function list(appKeys: AppKeys, s: AddState): Promise<ApplicationList | undefined> {
  const platform = s.platform!;
  const apiUrl = apiUrlOf(s);
  const { secret, clientId } = await secretOf(appKeys, s);
  const key = `${s.credential?.id ?? 'new'}\n${apiUrl}\n${clientId ?? ''}\n${secret}`;
  if (s.listed?.key === key) return s.listed.apps;
  let apps: ApplicationList | undefined;
  try {
    apps = await appKeys.ui.withProgress(vscode.l10n.t('Listing the {0}s the {1} can see…', platform.applicationNoun, platform.credentialName), (signal) =>
      appKeys.service.listApplications(platform.id, apiUrl, secret, clientId, signal),
    );
  } catch (error) {
    // An application-scoped token may not list applications (403): ask for the ID instead.
    if (!(error instanceof ApiError) || error.status !== 403) throw error;
  }
  s.listed = { key, apps };
  return apps;
}

async function askApplications(appKeys: AppKeys, s: AddState, step: Step, many: boolean): Promise<void> {
  const platform = s.platform!;
  const apps = await list(appKeys, s);
  if (!apps?.length) {
    s.chosen = [{ id: await askId(appKeys, s, step), name: '' }];
    return;
  }
  const noun = many ? vscode.l10n.t('{0}s', platform.applicationNoun) : platform.applicationNoun;
  const configured = new Set(appKeys.applications().map((a) => a.identity));
  const before = new Set(s.chosen?.map((c) => c.id));
  const items = apps.map((a): vscode.QuickPickItem & { app?: ApplicationSummary } => {
    const already = configured.has(appKeys.configure({ platform: platform.id, applicationId: a.id, apiUrl: apiUrlOf(s) }).identity);
    return {
      label: a.name,
      description: already ? vscode.l10n.t('{0} · added already', a.id) : a.id,
      app: a,
      picked: before.has(a.id),
    };
  });
  const enterId = { label: vscode.l10n.t('$(edit) Enter the {0} ID…', platform.applicationNoun), app: undefined, picked: s.typedId !== undefined && many };
  const placeHolder = apps.incomplete
    ? vscode.l10n.t("Choose the {0} (the server's list may be incomplete: enter the ID if yours is missing)", noun)
    : vscode.l10n.t('Choose the {0}', noun);
  for (;;) {
    const picked = many
      ? await appKeys.ui.showQuickPickMany([...items, enterId], { placeHolder, matchOnDescription: true, step })
      : [await appKeys.ui.showQuickPick([...items, enterId], { placeHolder, matchOnDescription: true, step })];
    const chosen = picked.flatMap((p) => (p.app ? [p.app] : []));
    if (!picked.includes(enterId)) {
      if (chosen.length === 0) continue; // nothing ticked: ask again
      s.chosen = chosen;
      s.typedId = undefined;
      return;
    }
    try {
      s.chosen = [...chosen, { id: await askId(appKeys, s, { ...step, back: true }), name: '' }];
      return;
    } catch (error) {
      if (!isBack(error)) throw error; // Back from the ID: the list again
    }
  }
}

async function askId(appKeys: AppKeys, s: AddState, step: Step): Promise<string> {
  const platform = s.platform!;
  s.typedId = (
    await appKeys.ui.showInputBox({
      prompt: vscode.l10n.t('{0} ID ({1})', capitalize(platform.applicationNoun), platform.applicationIdHint),
      value: s.typedId,
      validateInput: (v) =>
        platform.applicationIdPattern.test(v.trim()) ? undefined : vscode.l10n.t('Not a {0} {1} ID', platform.name, platform.applicationNoun),
      step,
    })
  ).trim();
  return s.typedId;
}

/** Checks the credential against each chosen application, stores it once, links them all and writes them to user settings. */
async function addChosen(
  appKeys: AppKeys,
  tree: ApplicationsTreeProvider,
  s: AddState,
  arg: AddApplicationArgument | undefined,
): Promise<ConfiguredApplication[]> {
  const platform = s.platform!;
  const apiUrl = apiUrlOf(s);
  const host = new URL(apiUrl).host;
  const { secret, clientId } = await secretOf(appKeys, s);
  const refs: { ref: ApplicationRef; label?: string }[] = [];
  for (const chosen of s.chosen ?? []) {
    if (!platform.applicationIdPattern.test(chosen.id)) {
      throw new ApiError(vscode.l10n.t('Not a valid {0} {1} ID: {2}', platform.name, platform.applicationNoun, chosen.id), { kind: 'invalid-input' });
    }
    const ref: ApplicationRef = { platform: platform.id, applicationId: chosen.id, apiUrl: apiUrl === platform.defaultApiUrl ? undefined : apiUrl, clientId };
    refs.push({ ref, label: chosen.name || undefined });
  }
  // Check the credential against every application before keeping anything, and learn their names.
  const found = await appKeys.ui.withProgress(vscode.l10n.t('Checking the {0} against {1}…', platform.credentialName, host), (signal) =>
    Promise.all(refs.map(({ ref }) => appKeys.service.forApplication(ref, secret).getApplication(signal))),
  );
  const apps: ConfiguredApplication[] = [];
  const configured = new Set(appKeys.applications().map((a) => a.identity));
  for (const [i, { ref, label }] of refs.entries()) {
    let name = label ?? (found[i].name !== ref.applicationId ? found[i].name : undefined);
    if (!name && !arg?.applicationId) {
      name = (await appKeys.ui.showInputBox({ prompt: vscode.l10n.t('A name to show for this {0} (optional)', platform.applicationNoun) })).trim() || undefined;
    }
    apps.push(appKeys.configure({ ...ref, label: name }));
  }
  const record =
    s.credential ??
    (await appKeys.credentials.add(
      {
        platform: platform.id,
        origin: new URL(apiUrl).origin,
        clientId,
        label: newCredentialLabel(appKeys, platform.credentialName, new URL(apiUrl).origin),
      },
      secret,
    ));
  // Applications added already: what their credential was, to say what changed.
  const again = apps.filter((app) => configured.has(app.identity)).map((app) => ({ app, before: appKeys.credentials.recordFor(app.credentialTarget) }));
  for (const app of apps) {
    await appKeys.credentials.use(app.credentialTarget, record.id);
    appKeys.devices.forget(app.identity);
    await addToUserSettings(app, (a) => appKeys.configure(a).identity);
    appKeys.log.info(`Added ${platform.name} ${platform.applicationNoun} ${app.applicationId} on ${app.host}`);
  }
  tree.refresh();
  sayWhatChanged(appKeys, again, record);
  return apps;
}

/** Re-added applications: whose credential changed (and from which), or that nothing did. */
function sayWhatChanged(appKeys: AppKeys, again: { app: ConfiguredApplication; before?: CredentialRecord }[], record: CredentialRecord): void {
  const names = (list: typeof again) => list.map((a) => a.app.displayName).join(', ');
  const same = again.filter((a) => a.before?.id === record.id);
  const changed = again.filter((a) => a.before?.id !== record.id);
  for (const { app, before } of changed) {
    void appKeys.ui.showMessage(
      'info',
      before
        ? vscode.l10n.t('{0} was added already. Its credential changed: it now uses "{1}" instead of "{2}".', app.displayName, record.label, before.label)
        : vscode.l10n.t('{0} was added already. Its credential changed: it now uses "{1}".', app.displayName, record.label),
    );
  }
  if (same.length) void appKeys.ui.showMessage('info', vscode.l10n.t('Added already, with the same credential "{0}": {1}.', record.label, names(same)));
}
