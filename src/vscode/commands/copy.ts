// Copy an item's value (Losant's public key, Elastic Path's client ID) or its ID to the clipboard.
import * as vscode from 'vscode';
import { statusMessage } from '../maskedUserInput';
import type { AppKeys } from '../appKeys';
import { selectedItems } from './bulk';
import { resolveItem } from './targets';

export async function copyValue(appKeys: AppKeys, arg: unknown, preferred?: string): Promise<string> {
  const target = await resolveItem(appKeys, arg, preferred);
  const client = await appKeys.client(target.app);
  const item =
    target.item ??
    (await appKeys.ui.withProgress(vscode.l10n.t('Fetching {0}…', target.resource.noun), (signal) => client.get(target.resource, target.itemId, signal)));
  const value = target.resource.summarize(item).copyValue ?? item.id;
  await vscode.env.clipboard.writeText(value);
  statusMessage(vscode.l10n.t('App Keys: copied {0}', value), 3000);
  return value;
}

export async function copyId(appKeys: AppKeys, arg: unknown, selection?: unknown): Promise<string> {
  const nodes = selectedItems(selection);
  if (nodes) {
    const ids = nodes.map((n) => n.item.id).join('\n');
    await vscode.env.clipboard.writeText(ids);
    statusMessage(vscode.l10n.t('App Keys: copied {0} IDs', nodes.length), 3000);
    return ids;
  }
  const target = await resolveItem(appKeys, arg);
  await vscode.env.clipboard.writeText(target.itemId);
  statusMessage(vscode.l10n.t('App Keys: copied {0}', target.itemId), 3000);
  return target.itemId;
}
