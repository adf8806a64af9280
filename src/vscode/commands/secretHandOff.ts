// A new item's one-time secrets, shown once in a modal and handed off from there: copied (and
// cleared from the clipboard after appKeys.clipboardClearSeconds if it still holds them), saved
// to a file the user picks, or inserted at the cursor. App Keys stores them nowhere.
// Whatever happens in a hand-off (a question dismissed, a failed save or insert), the modal comes back
// with what happened; it goes away only when the user closes it, and closing before any secret was
// handed off asks first: the secrets cannot be shown again.
import * as path from 'path';
import * as vscode from 'vscode';
import { describeError, isCancellation } from '../../core/errors';
import { maskSecrets } from '../../core/masking';
import type { OneTimeSecret } from '../../core/platforms/platform';
import { addToGitignore, committableIn, formatFor, formatSecrets, type Replaced, type SecretRecord, writeSecretFile } from '../../core/secretFile';
import type { AppKeys } from '../appKeys';
import { copySecret } from '../clipboard';
import { clipboardClearSeconds } from '../settings';

/** Documents a secret may be inserted into: files on disk and untitled ones (not settings, not a collaborator's document). */
const INSERTABLE_SCHEMES = new Set(['file', 'untitled']);

/** An editor the secret can go into: the active text editor, if its document is a file or untitled. */
function insertionTarget(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor && INSERTABLE_SCHEMES.has(editor.document.uri.scheme) ? editor : undefined;
}

/** What a hand-off did: said in the modal's headline next time; `handedOff` when the secrets are now somewhere. */
interface Outcome {
  said: string;
  handedOff: boolean;
}

/** A button of the hand-off modal; undefined from run: nothing happened. */
interface HandOff {
  label: string;
  run: () => Promise<Outcome | undefined>;
}

/** What is lost when the modal closes before a hand-off: the confirmation's words. */
interface Loss {
  message: string;
  detail: string;
}

/**
 * The modal, shown again after each hand-off with what was done, until the user closes it (Close or Escape).
 * A question of a hand-off dismissed brings the modal back; a hand-off that fails says why in it.
 */
async function handOffModal(appKeys: AppKeys, headline: string, detail: string, actions: readonly HandOff[], loss: Loss): Promise<void> {
  let done = '';
  let handedOff = false;
  for (;;) {
    // The one place a secret is shown unmasked: the headline is masked like every message.
    const title = maskSecrets(done ? `${headline} ${done}` : headline);
    const choice = await appKeys.revealOnce.showMessage(
      'info',
      title,
      { modal: true, detail, closeLabel: vscode.l10n.t('Close') },
      ...actions.map((a) => a.label),
    );
    const action = actions.find((a) => a.label === choice);
    if (!action) {
      if (handedOff || (await closeAnyway(appKeys, loss))) return;
      continue;
    }
    let outcome: Outcome | undefined;
    try {
      outcome = await action.run();
    } catch (error) {
      if (!isCancellation(error)) {
        appKeys.log.warn(`Hand-off "${action.label}" failed: ${describeError(error)}`);
        outcome = { said: vscode.l10n.t('{0} failed: {1}', action.label.replace(/…$/, ''), describeError(error)), handedOff: false };
      }
    }
    if (outcome) {
      done = outcome.said;
      handedOff ||= outcome.handedOff;
    }
  }
}

/** Asks before secrets that were never handed off are dropped; true: close. */
async function closeAnyway(appKeys: AppKeys, loss: Loss): Promise<boolean> {
  try {
    await appKeys.ui.confirm(loss.message, loss.detail, vscode.l10n.t('Close Anyway'));
    return true;
  } catch (error) {
    if (isCancellation(error)) return false;
    throw error;
  }
}

function saveAction(appKeys: AppKeys, records: readonly SecretRecord[], defaultName?: string): HandOff {
  return {
    label: vscode.l10n.t('Save to File…'),
    run: async () => {
      const { file, replaced } = await saveSecrets(appKeys, records, defaultName);
      const said =
        replaced === 'file'
          ? vscode.l10n.t('Saved to {0}, replacing the file that was there.', file)
          : replaced === 'link'
            ? vscode.l10n.t('Saved to {0}, replacing the symbolic link that was there (its target is unchanged).', file)
            : vscode.l10n.t('Saved to {0}.', file);
      return { said, handedOff: true };
    },
  };
}

function copyAction(label: string, text: string, said: string, handedOff: boolean): HandOff {
  return {
    label,
    run: async () => {
      await copySecret(text, clipboardClearSeconds());
      return { said, handedOff };
    },
  };
}

/** Insert at Cursor, offered only where there is an editor to insert into; `text` may ask which value (and be dismissed). */
function insertActions(text: (editor: vscode.TextEditor) => Promise<string>): HandOff[] {
  const editor = insertionTarget();
  if (!editor) return [];
  return [
    {
      label: vscode.l10n.t('Insert at Cursor'),
      run: async () => {
        const name = path.basename(editor.document.fileName);
        const value = await text(editor);
        const failed = {
          said: vscode.l10n.t('Not inserted: {0} was closed or changed. Nothing was lost: the secrets are still here.', name),
          handedOff: false,
        };
        if (editor.document.isClosed) return failed;
        const inserted = await editor
          .edit((edit) => edit.replace(editor.selection, value))
          .then(
            (ok) => ok,
            () => false,
          );
        return inserted ? { said: vscode.l10n.t('Inserted in {0}.', name), handedOff: true } : failed;
      },
    },
  ];
}

/**
 * A modal that shows secrets the server reveals only once, until the user closes it. `name` names the item in files;
 * `ids` say what the secrets belong to (the item's ID), in files beside them.
 */
export async function showOneTimeSecrets(
  appKeys: AppKeys,
  headline: string,
  secrets: OneTimeSecret[],
  name = 'secret',
  ids: readonly OneTimeSecret[] = [],
): Promise<void> {
  if (secrets.length === 0) return;
  const record: SecretRecord = { name, ids, secrets };
  const detail = `${secrets.map((s) => `${s.label}: ${s.value}`).join('\n')}\n\n${vscode.l10n.t('This is the only time the secret is shown: App Keys does not store it.')}`;
  const all = vscode.l10n.t('All, as .env lines');
  await handOffModal(
    appKeys,
    headline,
    detail,
    [
      // The whole credential at once (a key and its secret), then each value alone.
      ...(secrets.length > 1
        ? [
            copyAction(
              vscode.l10n.t('Copy All as .env Lines'),
              formatSecrets('env', [record]),
              vscode.l10n.t('Copied {0} as .env lines.', secrets.map((s) => s.label).join(', ')),
              true,
            ),
          ]
        : []),
      ...secrets.map((secret) => copyAction(vscode.l10n.t('Copy {0}', secret.label), secret.value, vscode.l10n.t('Copied {0}.', secret.label), !secret.public)),
      saveAction(appKeys, [record]),
      ...insertActions(async () => {
        if (secrets.length === 1) return secrets[0].value;
        const picked = await appKeys.ui.showQuickPick([{ label: all }, ...secrets.map((s) => ({ label: s.label }))], {
          placeHolder: vscode.l10n.t('Which one to insert?'),
        });
        return picked.label === all ? formatSecrets('env', [record]) : secrets.find((s) => s.label === picked.label)!.value;
      }),
    ],
    {
      message: vscode.l10n.t('The secret of "{0}" will be lost: it is shown only now.', name),
      detail: vscode.l10n.t('"{0}" stays active. Cancel to go back and copy, save or insert it.', name),
    },
  );
}

/**
 * The secrets of many new items (one key per device), handed off at once: shown in the modal when
 * they are few, else only counted there; saved to one file (CSV by default), copied as `.env`
 * lines, or inserted at the cursor.
 */
export async function showManyOneTimeSecrets(appKeys: AppKeys, headline: string, records: readonly SecretRecord[]): Promise<void> {
  const withSecrets = records.filter((r) => r.secrets.length > 0);
  if (withSecrets.length === 0) return;
  if (withSecrets.length === 1) return showOneTimeSecrets(appKeys, headline, [...withSecrets[0].secrets], withSecrets[0].name, withSecrets[0].ids);
  const listed =
    withSecrets.length <= 5
      ? `${withSecrets.flatMap((r) => [...(r.ids ?? []), ...r.secrets].map((s) => `${r.name} ${s.label}: ${s.value}`)).join('\n')}\n\n`
      : '';
  const detail = `${listed}${vscode.l10n.t('The {0} secrets are shown only now: App Keys does not store them. Save them to a file, copy them or insert them.', withSecrets.length)}`;
  await handOffModal(
    appKeys,
    headline,
    detail,
    [
      saveAction(appKeys, withSecrets, 'device-keys.csv'),
      copyAction(vscode.l10n.t('Copy All'), formatSecrets('env', withSecrets), vscode.l10n.t('Copied {0} secrets as .env lines.', withSecrets.length), true),
      ...insertActions(async (editor) => formatSecrets(formatFor(editor.document.fileName), withSecrets)),
    ],
    {
      message: vscode.l10n.t('{0} secrets will be lost; the keys stay active.', withSecrets.length),
      detail: vscode.l10n.t('They are shown only now and cannot be fetched again. Cancel to go back and save, copy or insert them.'),
    },
  );
}

/**
 * Asks where, warns when git could commit the file there (decided without running git), writes it (mode 0600 from the
 * first byte, never through a link; an existing file replaced atomically). Returns its path and what it replaced.
 */
export async function saveSecrets(appKeys: AppKeys, records: readonly SecretRecord[], defaultName = '.env'): Promise<{ file: string; replaced: Replaced }> {
  const file = await askSecretsFile(
    appKeys,
    records.length > 1 ? vscode.l10n.t('Save the one-time secrets to a file') : vscode.l10n.t('Save the one-time secret to a file'),
    defaultName,
    { [vscode.l10n.t('Environment file')]: ['env'], JSON: ['json'], CSV: ['csv'] },
  );
  const replaced = await writeSecretFile(file, formatSecrets(formatFor(file), records));
  appKeys.log.info(`Saved one-time secrets to ${file}${replaced === 'nothing' ? '' : ` (replaced a ${replaced === 'link' ? 'symbolic link' : 'file'})`}`);
  return { file, replaced };
}

/** Asks where secrets go (a save dialog), then warns when git could commit the file there (decided without running git). */
export async function askSecretsFile(appKeys: AppKeys, title: string, defaultName: string, filters: Record<string, string[]>): Promise<string> {
  const base = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = await appKeys.ui.showSaveDialog({ title, defaultUri: base ? vscode.Uri.joinPath(base, defaultName) : undefined, filters });
  const file = uri.fsPath;
  await warnIfCommittable(appKeys, file);
  return file;
}

async function warnIfCommittable(appKeys: AppKeys, file: string): Promise<void> {
  const committable = await committableIn(file);
  const anyway = vscode.l10n.t('Save Anyway');
  if (committable?.tracked) {
    await appKeys.ui.confirm(
      vscode.l10n.t('{0} is tracked by git in {1}: the secrets would be in its next commit.', path.basename(file), committable.workTree),
      vscode.l10n.t('A .gitignore entry does not stop git from committing a tracked file. Save it elsewhere, or save it as it is.'),
      anyway,
    );
  } else if (committable) {
    const ignore = vscode.l10n.t('Add to .gitignore and Save');
    const choice = await appKeys.ui.confirm(
      vscode.l10n.t('{0} is inside the git work tree {1} and not ignored: it could be committed.', path.basename(file), committable.workTree),
      vscode.l10n.t('Add it to {0} first, or save it as it is.', path.join(committable.workTree, '.gitignore')),
      ignore,
      anyway,
    );
    if (choice === ignore && !(await addToGitignore(committable.workTree, file))) {
      await appKeys.ui.confirm(
        vscode.l10n.t('{0} is still not ignored: a .gitignore deeper in {1} includes it again.', path.basename(file), committable.workTree),
        vscode.l10n.t('Save it elsewhere, or save it as it is.'),
        anyway,
      );
    }
  }
}
