// Adding and removing applications, and setting or clearing their stored credential.
import { ApiError } from '../../core/errors';
import { checkApiUrl } from '../../core/service';
import type { ApplicationRef } from '../../core/service';
import type { AppKeys } from '../appKeys';
import { readApplications, writeApplications } from '../settings';
import type { ApplicationsTreeProvider } from '../tree/ApplicationsTreeProvider';
import { resolveApplication } from './targets';

export interface AddApplicationArgument {
  platform?: string;
  apiUrl?: string;
  /** The API token. Stored in SecretStorage only. */
  token?: string;
  applicationId?: string;
  label?: string;
}

const LOSANT_HOSTS = [
  { label: 'Losant', description: 'api.losant.com', url: 'https://api.losant.com' },
  { label: 'WNology', description: 'api.app.wnology.io', url: 'https://api.app.wnology.io' },
  { label: 'Other host…', description: 'a private instance or another Losant-compatible host', url: '' },
];

function validateUrl(value: string): string | undefined {
  try {
    checkApiUrl(value.trim());
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

async function askApiUrl(appKeys: AppKeys): Promise<string> {
  const host = await appKeys.ui.showQuickPick(LOSANT_HOSTS, { placeHolder: 'Which Losant API host?' });
  if (host.url) return host.url;
  const url = await appKeys.ui.showInputBox({ prompt: 'API base URL', placeHolder: 'https://api.example.com', validateInput: validateUrl });
  return url.trim();
}

async function askToken(appKeys: AppKeys, where: string): Promise<string> {
  const token = await appKeys.ui.showInputBox({
    prompt: `API token for ${where} (stored in VS Code's secret storage only)`,
    password: true,
    validateInput: (v) => (v.trim() ? undefined : 'Enter the API token'),
  });
  return token.trim();
}

export async function addApplication(appKeys: AppKeys, tree: ApplicationsTreeProvider, arg?: AddApplicationArgument): Promise<ApplicationRef> {
  const platform = appKeys.service.platform(arg?.platform ?? 'losant');
  const apiUrl = checkApiUrl(arg?.apiUrl ?? (await askApiUrl(appKeys))).href.replace(/\/$/, '');
  const token = arg?.token ?? (await askToken(appKeys, new URL(apiUrl).host));
  let applicationId = arg?.applicationId;
  let label = arg?.label;
  if (!applicationId) {
    ({ applicationId, label } = await pickApplicationId(appKeys, platform.id, apiUrl, token, label));
  }
  if (!platform.applicationIdPattern.test(applicationId)) {
    throw new ApiError(`Not a valid ${platform.name} application ID: ${applicationId}`, { kind: 'invalid-input' });
  }
  const app: ApplicationRef = { platform: platform.id, applicationId, apiUrl: apiUrl === platform.defaultApiUrl ? undefined : apiUrl };
  // Check the token against this application before keeping anything, and learn its name.
  const found = await appKeys.service.forApplication(app, token).getApplication();
  app.label = label ?? found.name;

  await appKeys.credentials.store(appKeys.credentialTarget(app), token);
  const key = appKeys.applicationKey(app);
  const others = readApplications().filter((a) => safeKey(appKeys, a) !== key);
  await writeApplications([...others, app]);
  tree.refresh();
  appKeys.log.info(`Added application ${app.applicationId} on ${appKeys.host(app)}`);
  return app;
}

function safeKey(appKeys: AppKeys, app: ApplicationRef): string | undefined {
  try {
    return appKeys.applicationKey(app);
  } catch {
    return undefined;
  }
}

async function pickApplicationId(appKeys: AppKeys, platformId: string, apiUrl: string, token: string, label?: string): Promise<{ applicationId: string; label?: string }> {
  let apps: { id: string; name: string }[] = [];
  try {
    apps = await appKeys.service.listApplications(platformId, apiUrl, token);
  } catch (error) {
    // An application-scoped token may not list applications: ask for the ID instead.
    if (!(error instanceof ApiError) || (error.status !== 401 && error.status !== 403)) throw error;
    if (error.status === 401) throw error;
  }
  const enterId = { label: '$(edit) Enter an application ID…', id: '', name: '' };
  const picked = apps.length
    ? await appKeys.ui.showQuickPick([...apps.map((a) => ({ label: a.name, description: a.id, id: a.id, name: a.name })), enterId], {
        placeHolder: 'Choose the application',
        matchOnDescription: true,
      })
    : enterId;
  if (picked.id) return { applicationId: picked.id, label: label ?? picked.name };
  const id = await appKeys.ui.showInputBox({
    prompt: 'Application ID (24 hexadecimal characters, from the application\'s URL or settings page)',
    validateInput: (v) => (/^[A-Fa-f0-9]{24}$/.test(v.trim()) ? undefined : 'An application ID has 24 hexadecimal characters'),
  });
  return { applicationId: id.trim(), label };
}

export async function removeApplication(appKeys: AppKeys, tree: ApplicationsTreeProvider, arg?: unknown): Promise<void> {
  const app = await resolveApplication(appKeys, arg);
  const name = appKeys.displayName(app);
  await appKeys.ui.confirm(`Remove ${name} from App Keys?`, `Its stored ${appKeys.credentialNoun(app)} is deleted too. Nothing changes on the server.`, 'Remove');
  const key = safeKey(appKeys, app);
  if (key) await appKeys.credentials.delete(appKeys.credentialTarget(app));
  await writeApplications(readApplications().filter((a) => !(a.platform === app.platform && a.applicationId === app.applicationId && safeKey(appKeys, a) === key)));
  tree.refresh();
}

export async function setToken(appKeys: AppKeys, tree: ApplicationsTreeProvider, arg?: unknown): Promise<void> {
  const app = await resolveApplication(appKeys, arg);
  const given = arg && typeof arg === 'object' && typeof (arg as { token?: unknown }).token === 'string' ? (arg as { token: string }).token : undefined;
  const token = given ?? (await askToken(appKeys, `${appKeys.displayName(app)} on ${appKeys.host(app)}`));
  await appKeys.credentials.store(appKeys.credentialTarget(app), token);
  tree.refresh();
}

export async function clearToken(appKeys: AppKeys, tree: ApplicationsTreeProvider, arg?: unknown): Promise<void> {
  const app = await resolveApplication(appKeys, arg);
  await appKeys.credentials.delete(appKeys.credentialTarget(app));
  tree.refresh();
}
