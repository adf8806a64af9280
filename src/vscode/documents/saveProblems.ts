// The problems of an edit or create document, at their ranges: those a refused save found, until the user edits the
// document, and from then on the ones liveProblems.ts finds as the user types (the same collection: never twice).
import * as vscode from 'vscode';
import type { Problem } from '../../core/validate';

export class SaveProblems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('App Keys');
  private readonly listener = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.contentChanges.length > 0 && this.collection.has(e.document.uri)) this.collection.delete(e.document.uri);
  });

  show(uri: vscode.Uri, text: string, problems: Problem[]): void {
    const lines = lineStarts(text);
    const position = (offset: number): vscode.Position => {
      let line = 0;
      while (line + 1 < lines.length && lines[line + 1] <= offset) line++;
      return new vscode.Position(line, offset - lines[line]);
    };
    this.collection.set(
      uri,
      problems.map((p) => {
        const diagnostic = new vscode.Diagnostic(
          new vscode.Range(position(p.offset), position(p.offset + p.length)),
          p.message,
          vscode.DiagnosticSeverity.Error,
        );
        diagnostic.source = 'App Keys';
        return diagnostic;
      }),
    );
  }

  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  dispose(): void {
    this.listener.dispose();
    this.collection.dispose();
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}
