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

/** A button of the hand-off modal, and what it did (said in the headline next time; undefined: nothing). */
interface HandOff {
  label: string;
  run: () => Promise<string | undefined>;
}

/** The modal, shown again after each hand-off with what was done, until the user closes it. */
async function handOffModal(appKeys: AppKeys, headline: string, detail: string, actions: readonly HandOff[]): Promise<void> {
  let done = '';
  for (;;) {
    // The one place a secret is shown unmasked: the headline is masked like every message.
    const title = maskSecrets(done ? `${headline} ${done}` : headline);
    const choice = await appKeys.revealOnce.showMessage('info', title, { modal: true, detail }, ...actions.map((a) => a.label));
    const action = actions.find((a) => a.label === choice);
    if (!action) return;
    done = (await action.run()) ?? done;
  }
}

function saveAction(appKeys: AppKeys, records: readonly SecretRecord[], defaultName?: string): HandOff {
  return {
    label: vscode.l10n.t('Save to File…'),
    run: async () => {
      const file = await saveSecrets(appKeys, records, defaultName).catch(() => undefined);
      return file === undefined ? undefined : vscode.l10n.t('Saved to {0}.', file);
    },
  };
}

/** Insert at Cursor, offered only where there is an editor to insert into. */
function insertActions(insert: (editor: vscode.TextEditor) => PromiseLike<unknown>): HandOff[] {
  const editor = insertionTarget();
  if (!editor) return [];
  return [
    {
      label: vscode.l10n.t('Insert at Cursor'),
      run: async () => {
        await insert(editor);
        return vscode.l10n.t('Inserted in {0}.', path.basename(editor.document.fileName));
      },
    },
  ];
}

/** A modal that shows secrets the server reveals only once, until the user closes it. `name` names the item in files. */
export async function showOneTimeSecrets(appKeys: AppKeys, headline: string, secrets: OneTimeSecret[], name = 'secret'): Promise<void> {
  if (secrets.length === 0) return;
  const detail = `${secrets.map((s) => `${s.label}: ${s.value}`).join('\n')}\n\n${vscode.l10n.t('This is the only time the secret is shown: App Keys does not store it.')}`;
  await handOffModal(appKeys, headline, detail, [
    ...secrets.map((secret) => ({
      label: vscode.l10n.t('Copy {0}', secret.label),
      run: async () => {
        await copySecret(secret.value, clipboardClearSeconds());
        return vscode.l10n.t('Copied {0}.', secret.label);
      },
    })),
    saveAction(appKeys, [{ name, secrets }]),
    ...insertActions((editor) => insertSecret(appKeys, editor, secrets)),
  ]);
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
  await handOffModal(appKeys, headline, detail, [
    saveAction(appKeys, withSecrets, 'device-keys.csv'),
    {
      label: vscode.l10n.t('Copy All'),
      run: async () => {
        await copySecret(formatSecrets('env', withSecrets), clipboardClearSeconds());
        return vscode.l10n.t('Copied {0} secrets as .env lines.', withSecrets.length);
      },
    },
    ...insertActions((editor) => editor.edit((edit) => edit.replace(editor.selection, formatSecrets(formatFor(editor.document.fileName), withSecrets)))),
  ]);
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
