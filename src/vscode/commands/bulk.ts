// The same action on many selected items: one confirmation that lists them, a cancellable progress
// notification, and a summary of what succeeded and what failed.
import * as vscode from 'vscode';
import { runBulk } from '../../core/bulk';
import type { ApplicationClient } from '../../core/service';
import type { AppKeys } from '../appKeys';
import { describeError } from '../../core/errors';
import { ItemNode } from '../tree/nodes';

const CONCURRENCY = 6;
const LISTED = 15;

export interface BulkSummary {
  succeeded: string[];
  failed: { id: string; reason: string }[];
  skipped: string[];
}

/** The selected items of a tree command (VS Code passes the clicked node, then the selection, with canSelectMany); undefined for one. */
export function selectedItems(selection: unknown): ItemNode[] | undefined {
  const all = Array.isArray(selection) ? selection.filter((n): n is ItemNode => n instanceof ItemNode) : [];
  if (all.length > 1) return all;
  return undefined;
}

function nameOf(node: ItemNode): string {
  return node.resource.summarize(node.item).label;
}

export async function bulk(
  appKeys: AppKeys,
  nodes: ItemNode[],
  verb: { past: string; present: string; button: string; confirm: boolean },
  action: (client: ApplicationClient, node: ItemNode, signal: AbortSignal) => Promise<unknown>,
): Promise<BulkSummary> {
  const noun = nodes.length === 1 ? nodes[0].resource.noun : vscode.l10n.t('{0}s', nodes[0].resource.noun);
  const clients = new Map<string, Promise<ApplicationClient>>();
  const clientFor = (node: ItemNode): Promise<ApplicationClient> => {
    const key = node.app.identity;
    if (!clients.has(key)) clients.set(key, appKeys.client(node.app));
    return clients.get(key)!;
  };
  if (verb.confirm) {
    const names = nodes.slice(0, LISTED).map((n) => `• ${nameOf(n)}`);
    if (nodes.length > LISTED) names.push(vscode.l10n.t('… and {0} more', nodes.length - LISTED));
    const own: ItemNode[] = [];
    for (const node of nodes) if ((await clientFor(node)).isOwnCredential(node.resource, node.item)) own.push(node);
    const warning = own.length
      ? `\n\n${vscode.l10n.t('This includes {0}, the credential App Keys itself uses: App Keys will be cut off until you set another.', own.map(nameOf).join(', '))}`
      : '';
    await appKeys.ui.confirm(
      vscode.l10n.t('{0} {1} {2}?', verb.button, nodes.length, noun),
      `${names.join('\n')}${warning}`,
      own.length ? vscode.l10n.t('{0} Anyway', verb.button) : verb.button,
    );
  }
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('{0} {1} {2}', verb.present, nodes.length, noun), cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return runBulk(nodes, async (node, signal) => action(await clientFor(node), node, signal), {
        concurrency: CONCURRENCY,
        signal: abort.signal,
        onSettled: (done, total) => progress.report({ increment: 100 / total, message: vscode.l10n.t('{0} of {1}', done, total) }),
      });
    },
  );
  const summary: BulkSummary = {
    succeeded: outcome.succeeded.map((n) => n.item.id),
    failed: outcome.failed.map(({ item, error }) => ({ id: item.item.id, reason: describeError(error) })),
    skipped: outcome.skipped.map((n) => n.item.id),
  };
  for (const { item, error } of outcome.failed) appKeys.log.error(`${verb.present} ${nameOf(item)} (${item.item.id}) failed: ${describeError(error)}`);
  const parts = [vscode.l10n.t('{0} {1} of {2} {3}.', verb.past, summary.succeeded.length, nodes.length, noun)];
  if (summary.failed.length) {
    const listed = outcome.failed.slice(0, 5).map(({ item, error }) => `${nameOf(item)} (${describeError(error)})`);
    parts.push(vscode.l10n.t('{0} failed: {1}.', summary.failed.length, `${listed.join('; ')}${summary.failed.length > 5 ? '; …' : ''}`));
  }
  if (summary.skipped.length) parts.push(vscode.l10n.t('{0} not done (cancelled).', summary.skipped.length));
  const level = summary.failed.length || summary.skipped.length ? 'warning' : 'info';
  const showLog = vscode.l10n.t('Show Log');
  void appKeys.ui.showMessage(level, parts.join(' '), {}, ...(summary.failed.length ? [showLog] : [])).then((choice) => {
    if (choice === showLog) appKeys.log.show();
  });
  return summary;
}
