// The stale-key report (a read-only Markdown document, shown rendered) and the reveal command its links run.
import * as vscode from 'vscode';
import { ApiError } from '../../core/errors';
import { visitEveryItem } from '../../core/listing';
import { ArgumentObject, argumentObject, numberField, stringField } from './arguments';
import { resolveResource } from './targets';
import { maskSecrets } from '../../core/masking';
import { findings, renderReport, ReportSection } from '../../core/staleReport';
import type { AppKeys } from '../appKeys';
import { expiryWarningDays } from '../settings';
import type { ApplicationsTreeProvider } from '../tree/ApplicationsTreeProvider';
import { describeError } from '../../core/errors';
import type { TreeNode } from '../tree/nodes';
import { COMMANDS } from '../commandIds';
import type { ConfiguredApplication } from '../../core/application';
import type { ResourceItem, ResourceType } from '../../core/platforms/platform';
import { filterHiding, offerClearFilter } from './hiddenByFilter';
import type { ReportDocuments } from '../documents/ReportDocuments';
import type { ReportPanels } from '../documents/reportPanels';

export async function staleKeysReport(appKeys: AppKeys, reports: ReportDocuments, panels: ReportPanels, arg: unknown): Promise<vscode.Uri> {
  const days =
    numberField(argumentObject(arg), 'days') ??
    Number(
      await appKeys.ui.showInputBox({
        prompt: vscode.l10n.t('Report keys unused for how many days?'),
        value: '90',
        validateInput: (v) => (/^\d+$/.test(v.trim()) && Number(v) > 0 ? undefined : vscode.l10n.t('A number of days')),
      }),
    );
  const apps = appKeys.applications();
  if (apps.length === 0) throw new ApiError(vscode.l10n.t('No applications are configured'), { kind: 'invalid-input' });
  const now = Date.now();
  const warningDays = expiryWarningDays();
  const sections = await appKeys.ui.withProgress(vscode.l10n.t('Collecting keys for the stale-keys report…'), async (signal, report) => {
    const result: ReportSection[] = [];
    for (const app of apps) {
      let client;
      try {
        client = await appKeys.client(app);
      } catch {
        continue; // no credential: nothing to report on
      }
      for (const resource of client.platform.resources) {
        const application = { label: app.displayName, platform: client.platform.name, host: app.host, applicationId: app.applicationId };
        try {
          // The whole application, page by page: only the items the report names are kept.
          const items: ResourceItem[] = [];
          const onProgress = (read: number, total?: number) =>
            report(vscode.l10n.t('{0}, {1}: {2} of {3}', app.displayName, resource.label, read, total ?? '?'));
          const summary = await visitEveryItem(
            (query, s) => client.list(resource, query, s),
            resource,
            {},
            { signal, onProgress },
            (fresh) => {
              const named = new Set(findings(resource, fresh, days, now, warningDays).flatMap((f) => f.items));
              items.push(...fresh.filter((item) => named.has(item)));
            },
          );
          result.push({ application, resource, items, count: summary.count, incomplete: summary.incomplete });
        } catch (error) {
          result.push({ application, resource, items: [], error: describeError(error) });
        }
      }
    }
    return result;
  });
  const text = renderReport(sections, days, now, (target) => reports.link(COMMANDS.reveal, target), warningDays);
  const masked = maskSecrets(text);
  const uri = reports.put('stale-keys.md', masked);
  await panels.show(uri, vscode.l10n.t('Stale Keys Report'), masked);
  return uri;
}

/** The item as the server has it now; undefined when it is gone. */
async function existing(appKeys: AppKeys, app: ConfiguredApplication, resource: ResourceType, id: string): Promise<ResourceItem | undefined> {
  const client = await appKeys.client(app);
  try {
    return await appKeys.ui.withProgress(vscode.l10n.t('Fetching {0}…', resource.noun), (signal) => client.get(resource, id, signal));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}

/** Reveals an item (or, when the group's filter hides it, says so and offers Clear Filter): `arg` is { applicationId, host?, resource?, id } or the number of a report link. */
export async function revealItem(
  appKeys: AppKeys,
  tree: ApplicationsTreeProvider,
  view: vscode.TreeView<TreeNode>,
  reports: ReportDocuments,
  arg: unknown,
): Promise<boolean> {
  const given: ArgumentObject | undefined = typeof arg === 'number' ? { ...reports.target(arg) } : argumentObject(arg);
  const applicationId = stringField(given, 'applicationId');
  const id = stringField(given, 'id');
  if (!applicationId || !id) throw new ApiError(vscode.l10n.t('Reveal needs {0}', '{ applicationId, resource, id }'), { kind: 'invalid-input' });
  const app = appKeys.findApplication(applicationId, stringField(given, 'host'));
  const resource = resolveResource(appKeys, app, given);
  const node = await tree.findItem(app.identity, resource.id, id);
  if (!node) {
    // Not in the tree: hidden by the group's filter, or gone from the server.
    const filter = tree.lists.view(`${app.identity}/${resource.id}`).filter;
    const item = filter ? await existing(appKeys, app, resource, id) : undefined;
    const hiding = item && filterHiding(tree, app, resource, item);
    if (item && hiding) return offerClearFilter(appKeys, tree, view, { app, resource, item }, hiding);
    throw new ApiError(vscode.l10n.t('That item is no longer in {0}', app.displayName), { kind: 'invalid-input' });
  }
  await view.reveal(node, { select: true, focus: true, expand: true });
  return true;
}
