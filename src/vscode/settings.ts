// The `appKeys.applications` setting: which applications the tree shows. Never holds a secret.
import * as vscode from 'vscode';
import type { ProxySettings } from '../core/proxy';
import type { ApplicationRef } from '../core/service';

export const SECTION = 'appKeys';

export function readApplications(): ApplicationRef[] {
  const raw = vscode.workspace.getConfiguration(SECTION).get<unknown[]>('applications', []);
  return (Array.isArray(raw) ? raw : []).filter(isApplicationRef);
}

function isApplicationRef(value: unknown): value is ApplicationRef {
  const v = value as Partial<ApplicationRef> | null;
  return !!v && typeof v === 'object' && typeof v.platform === 'string' && typeof v.applicationId === 'string';
}

/** Writes the list to user settings (where addApplication and removeApplication keep it). */
export async function writeApplications(apps: ApplicationRef[]): Promise<void> {
  const clean = apps.map(({ platform, applicationId, label, apiUrl, clientId }) =>
    Object.fromEntries(Object.entries({ platform, applicationId, label, apiUrl, clientId }).filter(([, v]) => v !== undefined)),
  );
  await vscode.workspace.getConfiguration(SECTION).update('applications', clean, vscode.ConfigurationTarget.Global);
}

export function confirmDelete(): boolean {
  return vscode.workspace.getConfiguration(SECTION).get<boolean>('confirmDelete', true);
}

export function pageSize(): number {
  const size = vscode.workspace.getConfiguration(SECTION).get<number>('pageSize', 50);
  return Math.min(Math.max(Math.floor(size) || 50, 1), 1000);
}

export function requestTimeoutMs(): number {
  const seconds = vscode.workspace.getConfiguration(SECTION).get<number>('requestTimeoutSeconds', 30);
  return Math.max(1, seconds) * 1000;
}

/** VS Code's own proxy settings, honoured by the service module's dispatchers. */
export function proxySettings(): ProxySettings {
  const http = vscode.workspace.getConfiguration('http');
  return {
    proxy: http.get<string>('proxy') || undefined,
    noProxy: http.get<string[]>('noProxy', []),
    strictSSL: http.get<boolean>('proxyStrictSSL', true),
  };
}
