// Read-only generated documents (reports), kept in memory, with their command links clickable.
import * as vscode from 'vscode';
import { reportLinks, type ReportTarget } from '../../core/staleReport';
import { ApiFileSystem } from './ApiFileSystem';

export const REPORT_SCHEME = 'appkeys-report';

export class ReportDocuments extends ApiFileSystem implements vscode.DocumentLinkProvider {
  protected override readonly readonly = true;
  private readonly texts = new Map<string, string>();
  /** What each report link points at: links carry a number, not the whole target (readable source). */
  private readonly targets: ReportTarget[] = [];

  /** A short command link that reveals the target in the tree. */
  link(command: string, target: ReportTarget): string {
    this.targets.push(target);
    return `command:${command}?${encodeURIComponent(JSON.stringify([this.targets.length - 1]))}`;
  }

  target(index: number): ReportTarget | undefined {
    return this.targets[index];
  }

  private version = 0;

  /**
   * Stores (or replaces) a report and returns its URI: a new one each time (its query counts), so that a document
   * VS Code holds open for an earlier report is never read in its stead before VS Code reloads it.
   */
  put(name: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${name}`, query: String(++this.version) });
    this.texts.set(uri.path, text);
    return uri;
  }

  protected read(uri: vscode.Uri): Promise<string> {
    const text = this.texts.get(uri.path);
    return text === undefined ? Promise.reject(vscode.FileSystemError.FileNotFound(uri)) : Promise.resolve(text);
  }

  protected write(): Promise<void> {
    return Promise.reject(new Error(vscode.l10n.t('Reports are read-only')));
  }

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const links: vscode.DocumentLink[] = [];
    const text = document.getText();
    for (const { offset, uri } of reportLinks(text)) {
      const start = document.positionAt(offset);
      const link = new vscode.DocumentLink(new vscode.Range(start, start.translate(0, uri.length)), vscode.Uri.parse(uri));
      link.tooltip = vscode.l10n.t('Reveal in the App Keys tree');
      links.push(link);
    }
    return links;
  }
}
