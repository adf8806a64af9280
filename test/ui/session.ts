// One UI session for the whole suite: the packaged .vsix installed into a fresh extensions folder with
// `code-server --install-extension`, a fresh user-data folder and workspace, the sandbox API on a random loopback
// port (in this process, so tests can read its state), and headless Chromium on the workbench.
import * as fs from 'fs';
import * as path from 'path';
import { walk } from '../support/secretScan';
import { Browser, chromium, Page } from 'playwright-core';
import { SANDBOX_APPS, startSandbox, type Sandbox, type SandboxExtraKeys } from '../sandbox';
import { CodeServer, REPO_ROOT, hostPaths, installExtension, startCodeServer } from '../host/codeServer';
import { createTestAuthority, writeAuthority } from '../support/testCertificates';
import { SandboxRequests, type SandboxRequestInit } from '../support/sandboxRequests';
import { onShutdown } from '../host/processGroup';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../host/runIntegration';
import { ensureVsix } from '../package/vsix';

/** Screenshots of every test, and on failure the App Keys log (git-ignored). */
export const RESULTS_DIR = path.join(REPO_ROOT, '.test-results', 'ui');
/** Where APPKEYS_SCREENSHOTS=1 puts the README's screenshots. */
export const README_SHOTS_DIR = path.join(REPO_ROOT, 'docs', 'screenshots');
export const VIEWPORT = { width: 1280, height: 800 };

/**
 * A larger application for the scale tests (filter, bulk actions, rotation, report): Warehouse Sensors gets this many
 * generated keys ("Generated key 00001"…, every 7th inactive). The other UI tests never add Warehouse Sensors.
 */
export const SCALE_EXTRA_KEYS: SandboxExtraKeys[] = [{ applicationId: SANDBOX_APPS.warehouseSensors.id, count: 250 }];

/** Settings a careful tester would set: a quiet window, and an editor that types exactly what the keyboard sends. */
const UI_SETTINGS: Record<string, unknown> = {
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.editor.enablePreview': false,
  'window.commandCenter': false,
  'editor.minimap.enabled': false,
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoSurround': 'never',
  'editor.autoIndent': 'none',
  'editor.formatOnType': false,
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.suggestOnTriggerCharacters': false,
  'editor.acceptSuggestionOnEnter': 'off',
  'editor.hover.enabled': false,
  'problems.defaultViewMode': 'list',
  'files.hotExit': 'off',
};

export class UiSession {
  runDir = '';
  userDataDir = '';
  extensionsDir = '';
  workspace = '';
  vsix = '';
  sandbox!: Sandbox;
  server!: CodeServer;
  browser: Browser | undefined;
  page!: Page;
  /** Every token and secret the run typed or was shown; the no-secret-on-disk check looks for each. */
  readonly secretsUsed = new Map<string, string>();
  /** Trusts the run's authority: for requests straight to the sandbox, as "someone else" changing things. */
  private sandboxRequests: SandboxRequests | undefined;
  /** Set when a test failed (or APPKEYS_KEEP_RUN=1): the run folder is kept for its logs. */
  keepRunDir = process.env.APPKEYS_KEEP_RUN === '1';
  private stopped = false;

  /** When the session started (ms since the epoch): items created after it were created by the run. */
  startedAt = 0;

  async start(): Promise<void> {
    const t0 = (this.startedAt = Date.now());
    this.vsix = ensureVsix();
    const runsDir = path.join(hostPaths().cache, 'ui-runs');
    fs.mkdirSync(runsDir, { recursive: true });
    for (const old of fs.readdirSync(runsDir)) {
      const pid = Number(old.split('-').pop());
      if (!pidAlive(pid)) fs.rmSync(path.join(runsDir, old), { recursive: true, force: true });
    }
    this.runDir = path.join(runsDir, `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${process.pid}`);
    this.userDataDir = path.join(this.runDir, 'user-data');
    this.extensionsDir = path.join(this.runDir, 'extensions');
    this.workspace = path.join(this.runDir, 'workspace');
    fs.mkdirSync(this.workspace, { recursive: true });
    fs.writeFileSync(path.join(this.workspace, 'README.md'), '# App Keys UI test workspace\n');
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    onShutdown(() => this.stop());

    installExtension({ vsix: this.vsix, extensionsDir: this.extensionsDir, userDataDir: this.userDataDir, stateDir: this.runDir });
    // HTTPS, with an authority made for this run that code-server's extension host trusts through NODE_EXTRA_CA_CERTS.
    const authority = createTestAuthority();
    const tls = writeAuthority(authority, path.join(this.runDir, 'tls'));
    this.sandbox = await startSandbox({ port: 0, tls: authority.server, extraKeys: SCALE_EXTRA_KEYS });
    this.sandboxRequests = new SandboxRequests(authority.caPem);
    this.server = await startCodeServer({
      userDataDir: this.userDataDir,
      extensionsDir: this.extensionsDir,
      stateDir: this.runDir,
      env: { NODE_EXTRA_CA_CERTS: tls.ca },
      workspace: this.workspace,
      settings: UI_SETTINGS,
    });
    this.browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    const context = await this.browser.newContext({ viewport: VIEWPORT });
    this.page = await context.newPage();
    this.page.setDefaultTimeout(15_000);
    await this.page.goto(`${this.server.url}/?folder=${encodeURIComponent(this.workspace)}`, { waitUntil: 'domcontentloaded' });
    await this.page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
    console.log(
      `    ui: ${path.relative(REPO_ROOT, this.vsix)} installed; code-server ${this.server.url}, sandbox ${this.sandbox.url}; ` +
        `workbench ready after ${((Date.now() - t0) / 1000).toFixed(1)} s; run folder ${this.runDir}`,
    );
  }

  /** The App Keys output channel's log file(s) that code-server wrote (the extension host runs on the server). */
  appKeysLogs(): string[] {
    return walk(path.join(this.userDataDir, 'logs')).filter((f) => /App Keys\.log$/.test(path.basename(f)));
  }

  /** code-server's own logs: its stdout log, and everything under user-data/logs. */
  codeServerLogs(): string[] {
    return [path.join(this.runDir, 'code-server.log'), ...walk(path.join(this.userDataDir, 'logs'))].filter((f) => fs.existsSync(f));
  }

  /** A request straight to the sandbox (HTTPS, its authority trusted), outside the extension. */
  sandboxFetch(url: string, init: SandboxRequestInit): Promise<Response> {
    return this.sandboxRequests!.fetch(url, init);
  }

  /** Closes the browser, stops code-server's process group and the sandbox. Idempotent. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.browser?.close().catch(() => undefined);
    await this.server?.stop();
    await this.sandbox?.close().catch(() => undefined);
    await this.sandboxRequests?.close().catch(() => undefined);
  }

  /** Removes the run folder unless it is to be kept; says where it is otherwise. */
  cleanUp(): void {
    if (!this.runDir) return;
    if (this.keepRunDir) console.log(`    ui: run folder kept: ${this.runDir} (code-server.log, user-data/logs)`);
    else fs.rmSync(this.runDir, { recursive: true, force: true });
  }
}

function pidAlive(pid: number): boolean {
  if (!(pid > 0)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The suite's one session (started by the root hooks in hooks.ts). */
export const session = new UiSession();
