// Long actions get a cancellable progress notification, but only once they take noticeably long:
// quick ones finish without flashing one. Cancelling aborts the request at the socket.
import * as vscode from 'vscode';

const SHOW_AFTER_MS = 700;

export async function withCancellableProgress<T>(title: string, task: (signal: AbortSignal, report: (message: string) => void) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  let shown: vscode.Progress<{ message?: string }> | undefined;
  let last: string | undefined;
  const work = task(abort.signal, (message) => {
    last = message;
    shown?.report({ message });
  });
  let settled = false;
  const done = work.then(
    () => (settled = true),
    () => (settled = true),
  );
  const timer = setTimeout(() => {
    if (settled) return;
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
      token.onCancellationRequested(() => abort.abort());
      shown = progress;
      if (last !== undefined) progress.report({ message: last });
      return done;
    });
  }, SHOW_AFTER_MS);
  try {
    return await work;
  } finally {
    clearTimeout(timer);
  }
}
