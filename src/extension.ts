// activate(): builds the service and registers the VS Code layer. No network and no file I/O here.
import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';
import { interruptedAfter, testHooksFor } from './core/testHooks';
import { AppKeysService } from './core/service';
import { AppKeys } from './vscode/appKeys';
import { registerCommands } from './vscode/commands';
import { ItemEditFileSystem } from './vscode/documents/ItemEditFileSystem';
import { ItemViewFileSystem } from './vscode/documents/ItemViewFileSystem';
import { SaveProblems } from './vscode/documents/saveProblems';
import { DeviceAssist } from './vscode/documents/deviceAssist';
import { CreateGuide } from './vscode/documents/createGuide';
import { LiveProblems } from './vscode/documents/liveProblems';
import { REPORT_SCHEME, ReportDocuments } from './vscode/documents/ReportDocuments';
import { ReportPanels } from './vscode/documents/reportPanels';
import { EDIT_SCHEME, VIEW_SCHEME } from './vscode/documents/uris';
import { CREDENTIALS_METADATA_KEY, CredentialRecord, CredentialStore, SecretStorageError } from './core/credentials';
import { moveCredentials } from './vscode/moveCredentials';
import { proxySettings, requestTimeoutMs, SECTION } from './vscode/settings';
import { ApplicationsTreeProvider } from './vscode/tree/ApplicationsTreeProvider';
import { ItemDecorations } from './vscode/tree/itemDecorations';
import { followItemChanges } from './vscode/followItemChanges';
import { followPlatformContext, platformContextValues } from './vscode/platformContext';
import { UserInput, WindowUserInput } from './vscode/userInput';
import { maskedLog } from './vscode/maskedUserInput';

/**
 * Test hooks: let the integration tests stand in for the person at the keyboard and reach the tree.
 * Exported only when VS Code runs the extension's tests (ExtensionMode.Test): otherwise any other
 * installed extension could read them from `exports` and replace the password prompt.
 */
export interface AppKeysTestHooks {
  setUserInput(ui: UserInput | undefined): void;
  /** The move of per-application secrets that activation started. */
  readonly credentialsMoved: Promise<void>;
  /** Runs the move again; with a number, the stores fail after that many writes (an interruption). Rejects as the move does. */
  moveCredentials(failAfterWrites?: number): Promise<void>;
  /** Deletes every stored credential and its metadata (a fresh start for a test). */
  forgetCredentials(): Promise<void>;
  /** The extension's secret storage, for tests that plant what earlier versions stored. */
  readonly secrets: vscode.SecretStorage;
  /** The stored credentials (metadata only) and the applications (platform:origin:ID) using each. */
  credentialRecords(): (CredentialRecord & { users: string[] })[];
  readonly tree: ApplicationsTreeProvider;
  readonly treeView: vscode.TreeView<unknown>;
  /** The reports shown rendered: each panel's title, HTML and the commands its links may run. */
  reportPanels(): { title: string; html: string; enableCommandUris: unknown }[];
  /** The platform context keys as last set (appKeys.hasLosant, appKeys.hasElasticPath). */
  contextKeys(): Readonly<Record<string, boolean>>;
  /** The extension's log folder (tests search the logs around it for secrets). */
  readonly logUri: vscode.Uri;
  /** Read by the benchmark (performance.now() times are the extension host's clock). */
  readonly stats: {
    /** Milliseconds spent inside activate(). */
    activateMs: number;
    /** When dist/extension.js began to run (its first line, esbuild.mjs `banner`); NaN when not bundled. */
    loadStartedAt: number;
    /** When its first require('vscode') returned: the host makes each extension's API then. NaN when not bundled. */
    vscodeLoadedAt: number;
    /** When dist/extension.js had run (its last line, esbuild.mjs `footer`); NaN when not bundled. */
    loadEndedAt: number;
    /** When activate() was called. */
    activateStartedAt: number;
  };
}
/** @deprecated name kept for the tests: the hooks are not a public API. */
export type AppKeysApi = AppKeysTestHooks;

/** VS Code's settings that change how App Keys connects (settings.ts proxySettings). */
const NETWORK_SETTINGS = ['http.proxy', 'http.noProxy', 'http.proxyStrictSSL', 'http.proxyAuthorization', 'http.systemCertificates'];

/** Written by the bundle's first and last lines (esbuild.mjs `banner` and `footer`). */
const bundleClock = globalThis as { __appKeysLoadStartedAt?: number; __appKeysVscodeLoadedAt?: number; __appKeysLoadEndedAt?: number };

export function activate(context: vscode.ExtensionContext): AppKeysTestHooks | undefined {
  const started = performance.now();
  // The core's strings (src/core, plain Node) in VS Code's display language: the bundle VS Code already read for us.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const channel = vscode.window.createOutputChannel('App Keys', { log: true });
  const log = maskedLog(channel);
  const service = new AppKeysService({
    timeoutMs: requestTimeoutMs(),
    proxy: proxySettings(),
    notice: (message) => log.warn(message),
    log: (e) => {
      if (e.retryInMs !== undefined) {
        log.warn(`${e.method} ${e.url}: try ${e.attempt} failed (${e.status ?? e.error ?? ''}), trying again in ${e.retryInMs} ms`);
        return;
      }
      const line = `${e.method} ${e.url} ${e.status ?? e.error ?? ''} ${Math.round(e.durationMs)} ms${e.attempt > 1 ? ` (try ${e.attempt})` : ''}`;
      if (e.error || (e.status ?? 0) >= 400) log.warn(line);
      else log.info(line);
    },
  });
  const keepForSession = async (error: SecretStorageError): Promise<void> => {
    await appKeys.ui.confirm(
      error.message,
      vscode.l10n.t('App Keys can keep it in memory for this session only: it is gone when VS Code closes, and never written anywhere.'),
      vscode.l10n.t('Keep for This Session Only'),
    );
  };
  const credentials = new CredentialStore(context.secrets, context.globalState, keepForSession);
  const windowInput = new WindowUserInput();
  const appKeys: AppKeys = new AppKeys(service, credentials, channel, windowInput);
  const tree = new ApplicationsTreeProvider(appKeys);
  const problems = new SaveProblems();
  const views = new ItemViewFileSystem(appKeys);
  const edits = new ItemEditFileSystem(appKeys, problems, views);
  const reports = new ReportDocuments();
  const reportPanels = new ReportPanels();
  const treeView = vscode.window.createTreeView('appKeys.applications', { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });

  context.subscriptions.push(
    channel,
    tree,
    problems,
    views,
    edits,
    treeView,
    reports,
    reportPanels,
    vscode.workspace.registerFileSystemProvider(REPORT_SCHEME, reports, { isCaseSensitive: true, isReadonly: true }),
    vscode.languages.registerDocumentLinkProvider({ scheme: REPORT_SCHEME }, reports),
    vscode.window.registerFileDecorationProvider(new ItemDecorations()),
    vscode.workspace.registerFileSystemProvider(EDIT_SCHEME, edits, { isCaseSensitive: true }),
    vscode.workspace.registerFileSystemProvider(VIEW_SCHEME, views, {
      isCaseSensitive: true,
      // Shown when the user types in a fetched document: where the editable one is.
      isReadonly: new vscode.MarkdownString(
        vscode.l10n.t('This is a fetched copy of the item, read-only. To change it, click **Edit** in the title bar of the editor.'),
      ),
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.applications`)) tree.refresh();
      else if (e.affectsConfiguration(`${SECTION}.expiryWarningDays`)) tree.redraw();
      if (e.affectsConfiguration(`${SECTION}.requestTimeoutSeconds`)) service.http.timeoutMs = requestTimeoutMs();
      if (NETWORK_SETTINGS.some((s) => e.affectsConfiguration(s))) service.http.setProxy(proxySettings());
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      // A trusted workspace's own applications now count (restrictedConfigurations).
      tree.refresh();
    }),
    followItemChanges(appKeys, tree, { edits, views }),
    followPlatformContext(),
    new DeviceAssist(appKeys).register(),
    new CreateGuide(appKeys).register(),
    new LiveProblems(appKeys, problems),
    ...registerCommands(appKeys, tree, treeView, { edits, views, reports, panels: reportPanels }),
    { dispose: () => void service.dispose() },
  );

  // Earlier versions' per-application secrets become shared credentials, without asking (after activate() returns).
  const moved = Promise.resolve()
    .then(() => moveCredentials(appKeys, credentials))
    .then(() => tree.refresh());

  const hooks: AppKeysTestHooks = {
    credentialsMoved: moved,
    moveCredentials: async (failAfterWrites) => {
      const store =
        failAfterWrites === undefined
          ? credentials
          : (({ secrets, metadata }) => new CredentialStore(secrets, metadata, keepForSession))(
              interruptedAfter(failAfterWrites, context.secrets, context.globalState),
            );
      await moveCredentials(appKeys, store, true);
      tree.refresh();
    },
    forgetCredentials: async () => {
      for (const record of credentials.records()) await credentials.remove(record.id);
      await context.globalState.update(CREDENTIALS_METADATA_KEY, undefined);
      tree.refresh();
    },
    secrets: context.secrets,
    credentialRecords: () => credentials.records().map((record) => ({ ...record, users: credentials.usersOf(record.id) })),
    setUserInput: (ui) => appKeys.setInput(ui ?? windowInput),
    tree,
    treeView,
    reportPanels: () => reportPanels.shown(),
    contextKeys: platformContextValues,
    logUri: context.logUri,
    stats: {
      activateMs: performance.now() - started,
      loadStartedAt: bundleClock.__appKeysLoadStartedAt ?? NaN,
      vscodeLoadedAt: bundleClock.__appKeysVscodeLoadedAt ?? NaN,
      loadEndedAt: bundleClock.__appKeysLoadEndedAt ?? NaN,
      activateStartedAt: started,
    },
  };
  return testHooksFor(context.extensionMode, hooks);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
