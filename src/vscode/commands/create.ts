// Create an item of any kind: ask for its fields, create it, then show its one-time secret with Copy buttons.
import * as vscode from 'vscode';
import type { CreateResult, OneTimeSecret } from '../../core/platforms/platform';
import { maskSecrets } from '../../core/masking';
import type { AppKeys } from '../appKeys';
import { argumentObject } from './arguments';
import { askCreateFields } from './createFields';
import { resolveGroup } from './targets';

export async function createItem(appKeys: AppKeys, arg: unknown, preferred?: string): Promise<CreateResult> {
  const { app, resource } = await resolveGroup(appKeys, arg, preferred);
  const input = await askCreateFields(appKeys.ui, resource.createFields, argumentObject(arg) ?? {});
  const client = await appKeys.client(app);
  const created = await appKeys.ui.withProgress(vscode.l10n.t('Creating {0}…', resource.noun), (signal) => client.create(resource, input, signal));
  const label = resource.summarize(created.item).label;
  void showOneTimeSecrets(appKeys, vscode.l10n.t('Created {0} "{1}".', resource.noun, label), created.oneTimeSecrets);
  return created;
}

/** A modal that shows secrets the server reveals only once, until the user closes it. */
export async function showOneTimeSecrets(appKeys: AppKeys, headline: string, secrets: OneTimeSecret[]): Promise<void> {
  if (secrets.length === 0) return;
  const detail = `${secrets.map((s) => `${s.label}: ${s.value}`).join('\n')}\n\n${vscode.l10n.t('This is the only time the secret is shown: App Keys does not store it.')}`;
  let copied = '';
  for (;;) {
    const buttons = secrets.map((s) => vscode.l10n.t('Copy {0}', s.label));
    // The one place a secret is shown unmasked: the headline is masked like every message.
    const title = maskSecrets(copied ? vscode.l10n.t('{0} Copied {1}.', headline, copied) : headline);
    const choice = await appKeys.revealOnce.showMessage('info', title, { modal: true, detail }, ...buttons);
    const secret = secrets.find((_s, i) => buttons[i] === choice);
    if (!secret) return;
    await vscode.env.clipboard.writeText(secret.value);
    copied = secret.label;
  }
}
