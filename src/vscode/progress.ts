// Long actions get a cancellable progress notification, but only once they take noticeably long:
// quick ones finish without flashing one. Cancelling aborts the request at the socket.
import * as vscode from 'vscode';

const SHOW_AFTER_MS = 700;

export async function withCancellableProgress<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  const work = task(abort.signal);
  let settled = false;
  const done = work.then(
    () => (settled = true),
    () => (settled = true),
  );
  const timer = setTimeout(() => {
    if (settled) return;
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_progress, token) => {
      token.onCancellationRequested(() => abort.abort());
      return done;
    });
  }, SHOW_AFTER_MS);
  try {
    return await work;
  } finally {
    clearTimeout(timer);
  }
}
