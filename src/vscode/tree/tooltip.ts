import * as vscode from 'vscode';
import type { ResourceItem, ResourceType } from '../../core/platforms/platform';
import { codeSpan } from '../../core/text';
import { expiryOf, expiryText } from '../../core/expiry';

const HIDDEN = new Set(['id', 'applicationId']);

/** An untrusted Markdown tooltip: no command links, no HTML, no $(icons). */
export function plainTooltip(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.supportThemeIcons = false;
  return md;
}

/**
 * The item's name and fields. Every piece of server text (names included) is a code span: text,
 * never Markdown, HTML or a link, bare URLs included (which `appendText` would leave to autolinking).
 */
export function itemTooltip(resource: ResourceType, item: ResourceItem, deviceNames?: readonly string[]): vscode.MarkdownString {
  const md = plainTooltip();
  md.appendMarkdown(`**${codeSpan(resource.summarize(item).label)}**\n\n`);
  const expiry = expiryOf(resource, item, Date.now());
  if (expiry) md.appendMarkdown(`${expiryText(expiry)} (${new Date(expiry.at).toISOString().slice(0, 16).replace('T', ' ')} UTC)\n\n`);
  if (deviceNames?.length) md.appendMarkdown(`${vscode.l10n.t('Restricted to the devices')} ${deviceNames.map(codeSpan).join(', ')}\n\n`);
  for (const [field, value] of Object.entries(item.data)) {
    if (HIDDEN.has(field) || value === undefined || value === '') continue;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    md.appendMarkdown(`- ${codeSpan(field)}: ${codeSpan(text.length > 300 ? `${text.slice(0, 300)}…` : text)}\n`);
  }
  return md;
}
