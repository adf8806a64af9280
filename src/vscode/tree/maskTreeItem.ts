// Tree items pass the one masking function like every other output: labels, descriptions and
// tooltips (and accessibility labels) hold server text, and a server may put a secret anywhere.
import * as vscode from 'vscode';
import { maskSecrets } from '../../core/masking';

export function maskMarkdown(md: vscode.MarkdownString): vscode.MarkdownString {
  const masked = new vscode.MarkdownString(maskSecrets(md.value), md.supportThemeIcons);
  masked.isTrusted = md.isTrusted;
  masked.supportHtml = md.supportHtml;
  return masked;
}

export function maskTreeItem(item: vscode.TreeItem): vscode.TreeItem {
  if (typeof item.label === 'string') item.label = maskSecrets(item.label);
  if (typeof item.description === 'string') item.description = maskSecrets(item.description);
  if (item.accessibilityInformation)
    item.accessibilityInformation = { ...item.accessibilityInformation, label: maskSecrets(item.accessibilityInformation.label) };
  if (typeof item.tooltip === 'string') item.tooltip = maskSecrets(item.tooltip);
  else if (item.tooltip instanceof vscode.MarkdownString) item.tooltip = maskMarkdown(item.tooltip);
  return item;
}
