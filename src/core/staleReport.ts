// The stale-key report: per application, items unused for N days (where the platform records use),
// inactive items, expired and soon-expiring ones (where they expire), and items without a description
// (where they can have one), as Markdown whose
// links reveal each item in the tree. Server text is shown in code spans: text, never Markdown.
import * as l10n from '@vscode/l10n';
import type { ResourceItem, ResourceType } from './platforms/platform';
import { codeSpan } from './text';
import { expiresSoon, expiryOf } from './expiry';

export interface ReportSection {
  application: { label: string; platform: string; host: string; applicationId: string };
  resource: ResourceType;
  /** The items the report may name (a scan keeps only those); all of them where `count` is not set. */
  items: ResourceItem[];
  /** How many items were read, where `items` holds only some of them. */
  count?: number;
  /** The list stopped before its end (see paging.ts). */
  incomplete?: boolean;
  /** Set when the items could not be listed. */
  error?: string;
}

export interface Finding {
  title: string;
  items: ResourceItem[];
}

const DAY_MS = 86_400_000;

export function findings(resource: ResourceType, items: ResourceItem[], days: number, now: number, warningDays = 14): Finding[] {
  const result: Finding[] = [];
  if (resource.expiresAt) {
    const expiries = items.map((item) => ({ item, expiry: expiryOf(resource, item, now) }));
    result.push({ title: 'Expired', items: expiries.filter((e) => e.expiry?.expired).map((e) => e.item) });
    result.push({
      title: `Expiring within ${warningDays} days`,
      items: expiries.filter((e) => expiresSoon(e.expiry, warningDays)).map((e) => e.item),
    });
  }
  if (resource.lastUsed) {
    const cutoff = now - days * DAY_MS;
    const unused = items.filter((item) => {
      const used = resource.lastUsed!(item);
      return used === null || Date.parse(used) < cutoff;
    });
    result.push({ title: l10n.t('Unused for {0} days or more (or never used)', days), items: unused });
  }
  result.push({ title: l10n.t('Inactive'), items: items.filter((item) => !resource.summarize(item).active) });
  const properties = (resource.patchSchema as { properties?: Record<string, unknown> }).properties ?? {};
  if ('description' in properties) {
    result.push({ title: l10n.t('Without a description'), items: items.filter((item) => !resource.fieldValue(item, 'description').trim()) });
  }
  return result;
}

/** What a report link points at: an item of a configured application. */
export interface ReportTarget {
  applicationId: string;
  host: string;
  resource: string;
  id: string;
}

export function reportTarget(section: ReportSection, item: ResourceItem): ReportTarget {
  return { applicationId: section.application.applicationId, host: section.application.host, resource: section.resource.id, id: item.id };
}

/** `link` turns an item into the URI its name links to (the VS Code layer: a short command link). */
export function renderReport(sections: ReportSection[], days: number, now: number, link: (target: ReportTarget) => string, warningDays = 14): string {
  const lines = [
    `# ${l10n.t('Stale keys report')}`,
    '',
    l10n.t(
      'Generated {0} UTC. Unused means no recorded use for {1} days. Each name reveals the item in the App Keys tree.',
      new Date(now).toISOString().slice(0, 16).replace('T', ' '),
      days,
    ),
    '',
  ];
  let total = 0;
  for (const section of sections) {
    const app = section.application;
    lines.push(
      `## ${codeSpan(app.label)} — ${section.resource.label}`,
      '',
      [
        app.platform,
        codeSpan(app.host),
        l10n.t('{0} {1}s', section.count ?? section.items.length, section.resource.noun),
        section.incomplete ? l10n.t('may be incomplete') : undefined,
      ]
        .filter(Boolean)
        .join(' · '),
      '',
    );
    if (section.error) {
      lines.push(l10n.t('Could not list them: {0}', codeSpan(section.error)), '');
      continue;
    }
    for (const finding of findings(section.resource, section.items, days, now, warningDays)) {
      lines.push(`### ${finding.title}: ${finding.items.length}`, '');
      for (const item of finding.items) {
        // The item's own description already says when it was last used, where the platform records it.
        const { label, description } = section.resource.summarize(item);
        lines.push(`- [${codeSpan(label)}](${link(reportTarget(section, item))})${description ? ` — ${codeSpan(description)}` : ''}`);
        total++;
      }
      if (finding.items.length) lines.push('');
    }
  }
  lines.push(`---`, '', l10n.t('{0} findings in {1} lists.', total, sections.length), '');
  return lines.join('\n');
}

/**
 * The report's links: where each item's `(command:…)` starts in the text, and its URI. Only an item
 * line's own link counts: one that starts the line (`- [` and a code span), so a `](command:…)` in
 * server text, which sits inside a code span, is never taken for a link.
 */
export function reportLinks(text: string): { offset: number; uri: string }[] {
  // ^- [ · the code span's fence, all of it · anything without a run as long · the same fence · ](uri)
  const line = /^- \[(`+)(?!`)(?:(?!\1).)*?\1\]\((command:[^)\s]+)\)/gm;
  return [...text.matchAll(line)].map((m) => ({ offset: m.index + m[0].length - 1 - m[2].length, uri: m[2] }));
}
