// A cloned repository's .vscode/settings.json, written as a file (VS Code's API refuses to write
// application-scoped settings to a workspace, but a repository can ship them): set, then restored.
import * as vscode from 'vscode';

function settingsUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration run opens a workspace folder');
  return vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json');
}

async function read(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** Merges `values` into the workspace's settings file; resolves once VS Code has read it. Returns the restore. */
export async function writeWorkspaceSettings(values: Record<string, unknown>): Promise<() => Promise<void>> {
  const uri = settingsUri();
  const original = await read(uri);
  const merged = { ...(original ? (JSON.parse(original) as Record<string, unknown>) : {}), ...values };
  await changed(Object.keys(values), () => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(merged, null, 2))));
  return async () => {
    await changed(Object.keys(values), async () => {
      if (original === undefined) await vscode.workspace.fs.delete(uri);
      else await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(original));
    });
  };
}

async function changed(keys: string[], write: () => Thenable<void> | Promise<void>): Promise<void> {
  const seen = new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      listener.dispose();
      resolve();
    }, 5000);
    const listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!keys.some((k) => e.affectsConfiguration(k))) return;
      clearTimeout(timer);
      listener.dispose();
      resolve();
    });
  });
  await write();
  await seen;
}
