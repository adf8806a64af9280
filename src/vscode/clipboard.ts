// A copied secret leaves the clipboard after a while, if the clipboard still holds it (the user may
// have copied something else since: that is left alone).
import * as vscode from 'vscode';

export async function copySecret(value: string, clearAfterSeconds: number): Promise<void> {
  await vscode.env.clipboard.writeText(value);
  if (clearAfterSeconds <= 0) return;
  setTimeout(() => {
    void vscode.env.clipboard.readText().then(async (now) => {
      if (now === value) await vscode.env.clipboard.writeText('');
    });
  }, clearAfterSeconds * 1000);
}
