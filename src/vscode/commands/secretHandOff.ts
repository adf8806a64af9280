// A new item's one-time secrets, shown once in a modal and handed off from there: copied (and
// cleared from the clipboard after appKeys.clipboardClearSeconds if it still holds them), saved
// to a file the user picks, or inserted at the cursor. App Keys stores them nowhere.
import * as path from 'path';
import * as vscode from 'vscode';
import { maskSecrets } from '../../core/masking';
import type { OneTimeSecret } from '../../core/platforms/platform';
import { addToGitignore, formatFor, formatSecrets, type SecretRecord, unignoredWorkTree, writeSecretFile } from '../../core/secretFile';
import type { AppKeys } from '../appKeys';
import { copySecret } from '../clipboard';
import { clipboardClearSeconds } from '../settings';

/** An editor the secret can go into: a text editor the user can type in (not an App Keys document). */
function insertionTarget(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor && !editor.document.uri.scheme.startsWith('appkeys') ? editor : undefined;
}

/** A modal that shows secrets the server reveals only once, until the user closes it. `name` names the item in files. */
export async function showOneTimeSecrets(appKeys: AppKeys, headline: string, secrets: OneTimeSecret[], name = 'secret'): Promise<void> {
  if (secrets.length === 0) return;
  const detail = `${secrets.map((s) => `${s.label}: ${s.value}`).join('\n')}\n\n${vscode.l10n.t('This is the only time the secret is shown: App Keys does not store it.')}`;
  const editor = insertionTarget();
  let done = '';
  for (;;) {
    const copy = secrets.map((s) => vscode.l10n.t('Copy {0}', s.label));
    const save = vscode.l10n.t('Save to File…');
    const insert = vscode.l10n.t('Insert at Cursor');
    const buttons = [...copy, save, ...(editor ? [insert] : [])];
    // The one place a secret is shown unmasked: the headline is masked like every message.
    const title = maskSecrets(done ? `${headline} ${done}` : headline);
    const choice = await appKeys.revealOnce.showMessage('info', title, { modal: true, detail }, ...buttons);
    const copied = secrets.find((_s, i) => copy[i] === choice);
    if (copied) {
      await copySecret(copied.value, clipboardClearSeconds());
      done = vscode.l10n.t('Copied {0}.', copied.label);
    } else if (choice === save) {
      const file = await saveSecrets(appKeys, [{ name, secrets }]).catch(() => undefined);
      if (file) done = vscode.l10n.t('Saved to {0}.', file);
    } else if (choice === insert && editor) {
      await insertSecret(appKeys, editor, secrets);
      done = vscode.l10n.t('Inserted in {0}.', path.basename(editor.document.fileName));
    } else {
      return;
    }
  }
}

/**
 * The secrets of many new items (one key per device), handed off at once: shown in the modal when
 * they are few, else only counted there; saved to one file (CSV by default), copied as `.env`
 * lines, or inserted at the cursor.
 */
export async function showManyOneTimeSecrets(appKeys: AppKeys, headline: string, records: readonly SecretRecord[]): Promise<void> {
  const withSecrets = records.filter((r) => r.secrets.length > 0);
  if (withSecrets.length === 0) return;
  if (withSecrets.length === 1) return showOneTimeSecrets(appKeys, headline, [...withSecrets[0].secrets], withSecrets[0].name);
  const listed = withSecrets.length <= 5 ? `${withSecrets.flatMap((r) => r.secrets.map((s) => `${r.name} ${s.label}: ${s.value}`)).join('\n')}\n\n` : '';
  const detail = `${listed}${vscode.l10n.t('The {0} secrets are shown only now: App Keys does not store them. Save them to a file, copy them or insert them.', withSecrets.length)}`;
  const editor = insertionTarget();
  let done = '';
  for (;;) {
    const save = vscode.l10n.t('Save to File…');
    const copy = vscode.l10n.t('Copy All');
    const insert = vscode.l10n.t('Insert at Cursor');
    const title = maskSecrets(done ? `${headline} ${done}` : headline);
    const choice = await appKeys.revealOnce.showMessage('info', title, { modal: true, detail }, save, copy, ...(editor ? [insert] : []));
    if (choice === save) {
      const file = await saveSecrets(appKeys, withSecrets, 'device-keys.csv').catch(() => undefined);
      if (file) done = vscode.l10n.t('Saved to {0}.', file);
    } else if (choice === copy) {
      await copySecret(formatSecrets('env', withSecrets), clipboardClearSeconds());
      done = vscode.l10n.t('Copied {0} secrets as .env lines.', withSecrets.length);
    } else if (choice === insert && editor) {
      await editor.edit((edit) => edit.replace(editor.selection, formatSecrets(formatFor(editor.document.fileName), withSecrets)));
      done = vscode.l10n.t('Inserted in {0}.', path.basename(editor.document.fileName));
    } else {
      return;
    }
  }
}

/** Asks where, warns about an unignored git work tree, writes the file (mode 0600). Returns its path. */
export async function saveSecrets(appKeys: AppKeys, records: readonly SecretRecord[], defaultName = '.env'): Promise<string> {
  const base = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = await appKeys.ui.showSaveDialog({
    title: records.length > 1 ? vscode.l10n.t('Save the one-time secrets to a file') : vscode.l10n.t('Save the one-time secret to a file'),
    defaultUri: base ? vscode.Uri.joinPath(base, defaultName) : undefined,
    filters: { [vscode.l10n.t('Environment file')]: ['env'], JSON: ['json'], CSV: ['csv'] },
  });
  const file = uri.fsPath;
  const workTree = await unignoredWorkTree(file);
  if (workTree) {
    const ignore = vscode.l10n.t('Add to .gitignore and Save');
    const anyway = vscode.l10n.t('Save Anyway');
    const choice = await appKeys.ui.confirm(
      vscode.l10n.t('{0} is inside the git work tree {1} and not ignored: it could be committed.', path.basename(file), workTree),
      vscode.l10n.t('Add it to {0} first, or save it as it is.', path.join(workTree, '.gitignore')),
      ignore,
      anyway,
    );
    if (choice === ignore) await addToGitignore(workTree, file);
  }
  await writeSecretFile(file, formatSecrets(formatFor(file), records));
  appKeys.log.info(`Saved one-time secrets to ${file}`);
  return file;
}

async function insertSecret(appKeys: AppKeys, editor: vscode.TextEditor, secrets: OneTimeSecret[]): Promise<void> {
  const secret =
    secrets.length === 1
      ? secrets[0]
      : (
          await appKeys.ui.showQuickPick(
            secrets.map((s) => ({ label: s.label, secret: s })),
            { placeHolder: vscode.l10n.t('Which one to insert?') },
          )
        ).secret;
  await editor.edit((edit) => edit.replace(editor.selection, secret.value));
}
