import * as vscode from 'vscode';
import type { ResourceItem, ResourceType } from '../../core/platforms/platform';
import { escapeMarkdown } from '../../core/text';

const HIDDEN = new Set(['id', 'applicationId']);

/** The item's fields as a Markdown table of plain text: server text is escaped, never rendered. */
export function itemTooltip(resource: ResourceType, item: ResourceItem): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown(`**${escapeMarkdown(resource.summarize(item).label)}**\n\n`);
  for (const [field, value] of Object.entries(item.data)) {
    if (HIDDEN.has(field) || value === undefined || value === '') continue;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    md.appendMarkdown(`- ${escapeMarkdown(field)}: `);
    md.appendMarkdown(escapeMarkdown(text.length > 300 ? `${text.slice(0, 300)}…` : text));
    md.appendMarkdown('\n');
  }
  return md;
}
