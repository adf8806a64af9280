// The same action on many selected items: one confirmation that lists them, a cancellable progress
// notification, and a summary of what succeeded and what failed.
import * as vscode from 'vscode';
import { runBulk } from '../../core/bulk';
import type { ApplicationClient } from '../../core/service';
import type { AppKeys } from '../appKeys';
import { describe } from '../tree/describe';
import { ItemNode } from '../tree/nodes';

const CONCURRENCY = 6;
const LISTED = 15;

export interface BulkSummary {
  succeeded: string[];
  failed: { id: string; reason: string }[];
  skipped: string[];
}

/** The selected items of a tree command: VS Code passes (clicked, selection) with canSelectMany. */
export function selectedItems(clicked: unknown, selection: unknown): ItemNode[] | undefined {
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
  const noun = `${nodes[0].resource.noun}${nodes.length === 1 ? '' : 's'}`;
  const clients = new Map<string, Promise<ApplicationClient>>();
  const clientFor = (node: ItemNode): Promise<ApplicationClient> => {
    const key = appKeys.applicationKey(node.app);
    if (!clients.has(key)) clients.set(key, appKeys.client(node.app));
    return clients.get(key)!;
  };
  if (verb.confirm) {
    const names = nodes.slice(0, LISTED).map((n) => `• ${nameOf(n)}`);
    if (nodes.length > LISTED) names.push(`… and ${nodes.length - LISTED} more`);
    const own: ItemNode[] = [];
    for (const node of nodes) if ((await clientFor(node)).isOwnCredential(node.resource, node.item)) own.push(node);
    const warning = own.length ? `\n\nThis includes ${own.map(nameOf).join(', ')}, the credential App Keys itself uses: App Keys will be cut off until you set another.` : '';
    await appKeys.ui.confirm(`${verb.button} ${nodes.length} ${noun}?`, `${names.join('\n')}${warning}`, own.length ? `${verb.button} Anyway` : verb.button);
  }
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `${verb.present} ${nodes.length} ${noun}`, cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return runBulk(nodes, async (node, signal) => action(await clientFor(node), node, signal), {
        concurrency: CONCURRENCY,
        signal: abort.signal,
        onSettled: (done, total) => progress.report({ increment: 100 / total, message: `${done} of ${total}` }),
      });
    },
  );
  const summary: BulkSummary = {
    succeeded: outcome.succeeded.map((n) => n.item.id),
    failed: outcome.failed.map(({ item, error }) => ({ id: item.item.id, reason: describe(error) })),
    skipped: outcome.skipped.map((n) => n.item.id),
  };
  for (const { item, error } of outcome.failed) appKeys.log.error(`${verb.present} ${nameOf(item)} (${item.item.id}) failed: ${describe(error)}`);
  const parts = [`${verb.past} ${summary.succeeded.length} of ${nodes.length} ${noun}.`];
  if (summary.failed.length) {
    const listed = outcome.failed.slice(0, 5).map(({ item, error }) => `${nameOf(item)} (${describe(error)})`);
    parts.push(`${summary.failed.length} failed: ${listed.join('; ')}${summary.failed.length > 5 ? '; …' : ''}.`);
  }
  if (summary.skipped.length) parts.push(`${summary.skipped.length} not done (cancelled).`);
  const level = summary.failed.length || summary.skipped.length ? 'warning' : 'info';
  void appKeys.ui.showMessage(level, parts.join(' '), {}, ...(summary.failed.length ? ['Show Log'] : [])).then((choice) => {
    if (choice === 'Show Log') appKeys.log.show();
  });
  return summary;
}
