// A small FileSystemProvider base (after vscode-azuretools' AzExtTreeFileSystem): subclasses only
// read and write whole documents; the base answers stat, refuses folder operations, and keeps
// each document's mtime stable between a read and the next write, so saves are never refused
// as "the file is newer".
import * as vscode from 'vscode';
import { maskSecrets } from '../../core/masking';

export abstract class ApiFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  private readonly mtimes = new Map<string, number>();

  protected abstract read(uri: vscode.Uri): Promise<string>;
  protected abstract write(uri: vscode.Uri, text: string): Promise<void>;
  protected readonly readonly: boolean = false;

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    return {
      type: vscode.FileType.File,
      ctime: 0,
      mtime: this.mtime(uri),
      size: 0,
      permissions: this.readonly ? vscode.FilePermission.Readonly : undefined,
    };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    this.mtime(uri);
    try {
      return new TextEncoder().encode(await this.read(uri));
    } catch (error) {
      throw masked(error);
    }
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    if (this.readonly) throw vscode.FileSystemError.NoPermissions(uri);
    try {
      await this.write(uri, new TextDecoder().decode(content));
    } catch (error) {
      throw masked(error);
    }
    this.touch(uri);
  }

  /**
   * Before showing a document again: VS Code keeps closed documents for a while and would show
   * the old text. A clean one is read again from the server (a dirty one keeps the user's text).
   */
  async refreshIfOpen(uri: vscode.Uri): Promise<void> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!open || open.isDirty) return;
    const fresh = await this.read(uri);
    if (fresh === open.getText()) return;
    const reloaded = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        listener.dispose();
        resolve();
      }, 3000);
      const listener = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() !== uri.toString()) return;
        clearTimeout(timer);
        listener.dispose();
        resolve();
      });
    });
    this.changed(uri);
    await reloaded;
  }

  /** Tells open editors that the document changed on the server side, so they read it again. */
  protected changed(uri: vscode.Uri): void {
    this.touch(uri);
    this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  private mtime(uri: vscode.Uri): number {
    const key = uri.toString();
    let mtime = this.mtimes.get(key);
    if (mtime === undefined) {
      mtime = Date.now();
      this.mtimes.set(key, mtime);
    }
    return mtime;
  }

  private touch(uri: vscode.Uri): void {
    const key = uri.toString();
    this.mtimes.set(key, Math.max(Date.now(), (this.mtimes.get(key) ?? 0) + 1));
  }

  readDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.FileNotADirectory(uri);
  }
  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/** VS Code shows a file system's errors itself (editor placeholders, save errors): masked like every message. */
function masked(error: unknown): unknown {
  if (error instanceof vscode.FileSystemError || !(error instanceof Error)) return error;
  const text = maskSecrets(error.message);
  if (text === error.message) return error;
  const copy = new Error(text);
  copy.name = error.name;
  return copy;
}
