// Reports as people read them: the report's Markdown rendered (by VS Code's own Markdown extension) in a
// webview titled by what it reports on, where each item's name is a link. Only App Keys' own reveal command
// runs from it (enableCommandUris names it); no script runs (no enableScripts, a CSP without script-src);
// server text is in code spans (core/staleReport.ts, core/deviceKeys.ts), so it is never a link or HTML.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';

/** The commands a report's links may run: reveal an item in the tree, nothing else. */
export const REPORT_LINK_COMMANDS: readonly string[] = [COMMANDS.reveal];

export class ReportPanels implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();

  /**
   * Shows the report document `uri` (its `text`) rendered, in a panel titled `title` (one per report: shown again, it is
   * updated). Where VS Code's Markdown extension is not there to render it, the document opens as text.
   */
  async show(uri: vscode.Uri, title: string, text: string): Promise<void> {
    let body: string;
    try {
      body = await vscode.commands.executeCommand<string>('markdown.api.render', text);
    } catch {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
      return;
    }
    const key = uri.toString();
    let panel = this.panels.get(key);
    if (panel) {
      panel.title = title;
      panel.reveal(undefined, true);
    } else {
      // Shown without taking the focus: a question may follow (the secrets' hand-off), and the tree keeps its place.
      panel = vscode.window.createWebviewPanel(
        'appKeys.report',
        title,
        { viewColumn: vscode.ViewColumn.Active, preserveFocus: true },
        {
          enableScripts: false,
          enableForms: false,
          enableCommandUris: REPORT_LINK_COMMANDS,
          localResourceRoots: [],
        },
      );
      this.panels.set(key, panel);
      panel.onDidDispose(() => this.panels.delete(key));
    }
    panel.webview.html = page(title, body);
  }

  /** What the open panels show (for tests). */
  shown(): { title: string; html: string; enableCommandUris: unknown }[] {
    return [...this.panels.values()].map((p) => ({ title: p.title, html: p.webview.html, enableCommandUris: p.webview.options.enableCommandUris }));
  }

  dispose(): void {
    for (const panel of this.panels.values()) panel.dispose();
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); line-height: 1.5; padding: 0 20px 20px; max-width: 960px; }
  code { font-family: var(--vscode-editor-font-family); font-size: 0.95em; background: var(--vscode-textCodeBlock-background); padding: 1px 4px; border-radius: 3px; }
  a { color: var(--vscode-textLink-foreground); text-decoration: none; }
  a:hover, a:focus { color: var(--vscode-textLink-activeForeground); text-decoration: underline; }
  h1, h2, h3 { font-weight: 600; }
  h2 { border-bottom: 1px solid var(--vscode-panel-border, transparent); padding-bottom: 4px; margin-top: 28px; }
  hr { border: 0; border-top: 1px solid var(--vscode-panel-border, transparent); }
  ul { padding-left: 20px; }
</style>
</head>
<body>
${body}
</body>
</html>`;
}
