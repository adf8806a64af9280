// App Keys' settings. `appKeys.applications` is read and written one scope at a time (inspect()):
// the user's own list, a trusted workspace's and its folders' lists are shown together, new
// entries go to the user's list, and nothing is ever moved from one scope to another. The safety
// settings are read from user settings only. Never holds a secret.
import * as vscode from 'vscode';
import { timeoutSeconds } from '../core/limits';
import type { ProxySettings } from '../core/proxy';
import { ApplicationRef, settingsEntry, type SettingsScope } from '../core/application';

export const SECTION = 'appKeys';
const APPLICATIONS = 'applications';

export type { SettingsScope };

interface ScopedList {
  scope: SettingsScope;
  /** For a folder's settings. */
  folder?: vscode.WorkspaceFolder;
  entries: unknown[];
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Each scope's own list; a workspace's only when it is trusted (restrictedConfigurations). */
function scopedLists(): ScopedList[] {
  const lists: ScopedList[] = [{ scope: 'user', entries: asList(vscode.workspace.getConfiguration(SECTION).inspect(APPLICATIONS)?.globalValue) }];
  if (!vscode.workspace.isTrusted) return lists;
  lists.push({ scope: 'workspace', entries: asList(vscode.workspace.getConfiguration(SECTION).inspect(APPLICATIONS)?.workspaceValue) });
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    lists.push({
      scope: 'workspaceFolder',
      folder,
      entries: asList(vscode.workspace.getConfiguration(SECTION, folder.uri).inspect(APPLICATIONS)?.workspaceFolderValue),
    });
  }
  return lists;
}

function isApplicationRef(value: unknown): value is ApplicationRef {
  const v = value as Partial<ApplicationRef> | null;
  return !!v && typeof v === 'object' && typeof v.platform === 'string' && typeof v.applicationId === 'string';
}

/** What the application lists hold now, as text: unchanged text means unchanged applications. */
export function applicationsSnapshot(): string {
  return JSON.stringify(scopedLists().map((list) => [list.scope, list.folder?.uri.toString(), list.entries]));
}

/** Every configured application, each resolved once by `configure`, the user's first; one per identity. */
export function readApplications<T extends { identity: string }>(configure: (app: ApplicationRef) => T): T[] {
  const seen = new Set<string>();
  const apps: T[] = [];
  for (const list of scopedLists()) {
    for (const entry of list.entries) {
      if (!isApplicationRef(entry)) continue;
      // The scope goes with the entry: what a workspace may change is less than what the user may (consoleUrl.ts).
      const app = configure({ ...entry, scope: list.scope });
      if (seen.has(app.identity)) continue;
      seen.add(app.identity);
      apps.push(app);
    }
  }
  return apps;
}

/** Where an application is defined. */
export function scopesOf(app: ApplicationRef, identity: (app: ApplicationRef) => string): SettingsScope[] {
  const id = identity(app);
  return scopedLists()
    .filter((list) => list.entries.some((e) => isApplicationRef(e) && identity(e) === id))
    .map((list) => list.scope);
}

/** Adds (or replaces, in place) the application in user settings; the user's other entries stay as they are. */
export async function addToUserSettings(app: ApplicationRef, identity: (app: ApplicationRef) => string): Promise<void> {
  const id = identity(app);
  const entries = [...scopedLists()[0].entries];
  const index = entries.findIndex((e) => isApplicationRef(e) && identity(e) === id);
  if (index >= 0) entries[index] = settingsEntry(app);
  else entries.push(settingsEntry(app));
  await vscode.workspace.getConfiguration(SECTION).update(APPLICATIONS, entries, vscode.ConfigurationTarget.Global);
}

/** Removes the application from user settings only; returns whether it was there. */
export async function removeFromUserSettings(app: ApplicationRef, identity: (app: ApplicationRef) => string): Promise<boolean> {
  const id = identity(app);
  const entries = scopedLists()[0].entries;
  const kept = entries.filter((e) => !(isApplicationRef(e) && identity(e) === id));
  if (kept.length === entries.length) return false;
  await vscode.workspace.getConfiguration(SECTION).update(APPLICATIONS, kept, vscode.ConfigurationTarget.Global);
  return true;
}

/** A safety setting: the user's own value only; a workspace (a cloned repository) cannot change it. */
function userValue<T>(name: string): T | undefined {
  return vscode.workspace.getConfiguration(SECTION).inspect<T>(name)?.globalValue;
}

export function confirmDelete(): boolean {
  return userValue<unknown>('confirmDelete') !== false;
}

/** Seconds after which a copied one-time secret leaves the clipboard (0 keeps it); a user setting. */
export function clipboardClearSeconds(): number {
  const value = userValue<unknown>('clipboardClearSeconds');
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.min(value, 3600) : 60;
}

/** Tokens expiring within this many days get a warning in the tree and the report (0–365; 14 by default). */
export function expiryWarningDays(): number {
  const days = vscode.workspace.getConfiguration(SECTION).get<unknown>('expiryWarningDays');
  return typeof days === 'number' && Number.isFinite(days) ? Math.min(Math.max(Math.floor(days), 0), 365) : 14;
}

export function pageSize(): number {
  const size = vscode.workspace.getConfiguration(SECTION).get<number>('pageSize', 50);
  return Math.min(Math.max(Math.floor(size) || 50, 1), 1000);
}

export function requestTimeoutMs(): number {
  return timeoutSeconds(userValue<unknown>('requestTimeoutSeconds')) * 1000;
}

/** VS Code's own network settings (proxy, its credentials, certificates), honoured by the service module's dispatchers. */
export function proxySettings(): ProxySettings {
  const http = vscode.workspace.getConfiguration('http');
  return {
    proxy: http.get<string>('proxy') || undefined,
    noProxy: http.get<string[]>('noProxy', []),
    strictSSL: http.get<boolean>('proxyStrictSSL', true),
    proxyAuthorization: http.get<string | null>('proxyAuthorization') || undefined,
    systemCertificates: http.get<boolean>('systemCertificates', true),
  };
}
