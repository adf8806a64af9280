// Runs the integration tests (out/test/integration/index.js) inside a real VS Code extension host: code-server,
// opened in headless Chromium with the smoke-test-driver payload that loads this repository as a development
// extension and calls the tests module's run(). run() writes mocha's results to APPKEYS_TEST_RESULTS.
//
//   node out/test/host/runIntegration.js [--grep PATTERN] [--timeout SECONDS] [--keep]
//
// Environment: APPKEYS_INTEGRATION_TIMEOUT (seconds, default 600), APPKEYS_TEST_GREP, APPKEYS_KEEP_RUN=1,
// APPKEYS_SUITE_COUNTS=<file> (writes {"passed","failed"} for test/run-all.sh).
// Exit code 0 only if no test failed and at least one passed.
import * as fs from 'fs';
import * as path from 'path';
import { Browser, chromium, Page } from 'playwright-core';
import { createTestAuthority, writeAuthority } from '../support/testCertificates';
import { CodeServer, REPO_ROOT, installUnpacked, hostPaths, payloadUrl, startCodeServer, tail } from './codeServer';
import { packLanguagePackStub } from './languagePackStub';
import { onShutdown } from './processGroup';

interface Results {
  passed: number;
  failed: number;
  pending: number;
  output: string;
  durationMs?: number;
}

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function parseArgs(argv: string[]) {
  const opts = {
    grep: process.env.APPKEYS_TEST_GREP || undefined,
    timeoutMs: Number(process.env.APPKEYS_INTEGRATION_TIMEOUT || 600) * 1000,
    keep: process.env.APPKEYS_KEEP_RUN === '1',
    /** Another mocha-free entry for the extension host (the benchmark's), instead of the integration suite. */
    tests: path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js'),
    /** Workspace Trust on, and a workspace whose settings name an application: the restricted-mode run. */
    untrusted: false,
    /** Extension folders installed beside App Keys (the benchmark's empty baseline extension). */
    extensions: [] as string[],
    /** VS Code's display language (code-server --locale), for the translation suite (test/locale). */
    locale: undefined as string | undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--grep' || arg === '-g') opts.grep = argv[++i];
    else if (arg === '--timeout') opts.timeoutMs = Number(argv[++i]) * 1000;
    else if (arg === '--keep') opts.keep = true;
    else if (arg === '--tests') opts.tests = path.resolve(argv[++i]);
    else if (arg === '--extension') opts.extensions.push(path.resolve(argv[++i]));
    else if (arg === '--untrusted') {
      opts.untrusted = true;
      opts.tests = path.join(REPO_ROOT, 'out', 'test', 'trust', 'index.js');
    } else if (arg === '--locale') {
      opts.locale = argv[++i];
      opts.tests = path.join(REPO_ROOT, 'out', 'test', 'locale', 'index.js');
    } else if (arg === '--help' || arg === '-h') {
      console.log(
        'usage: node out/test/host/runIntegration.js [--grep PATTERN] [--timeout SECONDS] [--keep] [--untrusted] [--locale de] [--tests out/test/…/index.js] [--extension FOLDER]…',
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  if (!(opts.timeoutMs > 0)) throw new Error('timeout must be a positive number of seconds');
  return opts;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Keeps the newest `keep` run folders, removes older ones. */
function pruneRuns(runsDir: string, keep: number): void {
  try {
    const runs = fs
      .readdirSync(runsDir)
      .filter((n) => /^\d{8}-\d{6}-\d+$/.test(n))
      .sort();
    for (const old of runs.slice(0, Math.max(0, runs.length - keep))) {
      if (pidAlive(Number(old.split('-')[2]))) continue; // another run, still going
      fs.rmSync(path.join(runsDir, old), { recursive: true, force: true });
    }
  } catch {
    // nothing to prune
  }
}

function newRunDir(): string {
  const runsDir = path.join(hostPaths().cache, 'runs');
  fs.mkdirSync(runsDir, { recursive: true });
  pruneRuns(runsDir, 4);
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
  const dir = path.join(runsDir, `${stamp}-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

async function main(): Promise<number> {
  const t0 = Date.now();
  const opts = parseArgs(process.argv.slice(2));
  const testsIndex = opts.tests;
  if (!fs.existsSync(testsIndex)) {
    console.error(`integration: ${testsIndex} is missing; compile first (npx tsc -p .)`);
    return 1;
  }
  const runDir = newRunDir();
  const resultsFile = path.join(runDir, 'results.json');
  const workspace = path.join(runDir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  fs.writeFileSync(path.join(workspace, 'README.md'), '# App Keys integration test workspace\n');
  if (opts.untrusted) {
    // A workspace that tries to point App Keys at an application of its own choosing.
    fs.mkdirSync(path.join(workspace, '.vscode'));
    const applications = [{ platform: 'losant', applicationId: 'ffffffffffffffffffffffff', label: 'From the workspace', apiUrl: 'https://api.example.com' }];
    // And one that turns the safety settings off: ignored (user-scoped), in Restricted Mode too.
    fs.writeFileSync(
      path.join(workspace, '.vscode', 'settings.json'),
      JSON.stringify({ 'appKeys.applications': applications, 'appKeys.confirmDelete': false, 'appKeys.requestTimeoutSeconds': 'soon' }, null, 2),
    );
  }
  const consoleLog = path.join(runDir, 'browser-console.log');
  console.log(`integration: run folder ${runDir}`);

  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let consoleOut: fs.WriteStream | undefined;
  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    await new Promise<void>((resolve) => (consoleOut ? consoleOut.end(resolve) : resolve()));
    consoleOut = undefined;
    browser = undefined;
    await server?.stop();
  };
  onShutdown(cleanup); // Ctrl+C / crash: close the browser too (processGroup stops code-server's group)

  let results: Results | undefined;
  let problem: string | undefined;
  try {
    // The run folder, so the last test can search its logs for secrets.
    const env: Record<string, string> = { APPKEYS_TEST_RESULTS: resultsFile, APPKEYS_TEST_RUN_DIR: runDir };
    // The sandbox in the extension host serves HTTPS with a certificate from an authority made for this run, which
    // the host trusts as a user's machine would: through NODE_EXTRA_CA_CERTS, read by Node when the host starts.
    const tls = writeAuthority(createTestAuthority(), path.join(runDir, 'tls'));
    env.NODE_EXTRA_CA_CERTS = tls.ca;
    env.APPKEYS_SANDBOX_TLS_DIR = tls.dir;
    if (opts.grep) env.APPKEYS_TEST_GREP = opts.grep;
    // The benchmark passes its sandbox URL and output file this way.
    for (const [name, value] of Object.entries(process.env)) if (name.startsWith('APPKEYS_BENCH_') && value !== undefined) env[name] = value;
    for (const folder of opts.extensions) installUnpacked(folder, path.join(runDir, 'extensions'));
    // The language pack the German suite installs through VS Code (test/locale/index.ts).
    if (opts.locale) env.APPKEYS_LANGUAGE_PACK_VSIX = packLanguagePackStub(opts.locale, runDir);
    server = await startCodeServer({
      userDataDir: path.join(runDir, 'user-data'),
      extensionsDir: path.join(runDir, 'extensions'),
      stateDir: runDir,
      env,
      workspaceTrust: opts.untrusted,
      locale: opts.locale,
    });
    const tServer = Date.now();
    console.log(`integration: code-server ${server.url} ready after ${seconds(tServer - t0)} (pgid ${server.pgid})`);

    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const out = (consoleOut = fs.createWriteStream(consoleLog));
    page.on('console', (m) => out.writable && out.write(`[${m.type()}] ${m.text()}\n`));
    page.on('pageerror', (e) => out.writable && out.write(`[pageerror] ${e.stack ?? e.message}\n`));
    // The workbench calls window.codeAutomationExit(code) when the tests' extension host exits.
    let hostExit: number | undefined;
    await page.exposeFunction('codeAutomationExit', (code: number) => {
      hostExit = Number(code);
    });
    await page.goto(payloadUrl(server.url, server.port, workspace, testsIndex), { waitUntil: 'domcontentloaded' });

    const deadline = Date.now() + opts.timeoutMs;
    let exitSeenAt: number | undefined;
    for (;;) {
      if (fs.existsSync(resultsFile)) {
        results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as Results;
        break;
      }
      if (hostExit !== undefined) {
        exitSeenAt ??= Date.now();
        if (Date.now() - exitSeenAt > 5000) {
          problem = `the extension host exited (code ${hostExit}) without writing results`;
          break;
        }
      }
      if (server.process.child.exitCode !== null || server.process.child.signalCode !== null) {
        problem = `code-server exited during the run; log ${server.logFile}:\n${tail(server.logFile)}`;
        break;
      }
      if (Date.now() > deadline) {
        problem = `no results after ${seconds(opts.timeoutMs)} (time limit)`;
        break;
      }
      await sleep(250);
    }
    const tDone = Date.now();
    console.log(`integration: waited ${seconds(tDone - tServer)} for the tests after code-server was ready`);
  } catch (err) {
    problem = (err as Error)?.stack ?? String(err);
  }

  if (results) {
    console.log('');
    console.log(results.output.replace(/^(\s*\n)+/, '').replace(/\s+$/, ''));
    console.log('');
  }
  const passed = results?.passed ?? 0;
  const failed = results?.failed ?? 0;
  const ok = !problem && results !== undefined && failed === 0 && passed > 0;
  if (!ok && !problem && results && passed === 0 && failed === 0) problem = 'no integration test passed (none ran?)';

  if (!ok && page) {
    const shot = path.join(runDir, 'screenshot.png');
    await page.screenshot({ path: shot, timeout: 10000 }).then(
      () => console.log(`integration: screenshot ${shot}`),
      (e: Error) => console.log(`integration: no screenshot (${e.message})`),
    );
  }
  await cleanup();

  const counts = { passed, failed: failed + (results ? 0 : 1) };
  if (process.env.APPKEYS_SUITE_COUNTS) fs.writeFileSync(process.env.APPKEYS_SUITE_COUNTS, JSON.stringify(counts));
  if (problem) console.log(`integration: FAILED: ${problem}`);
  console.log(`integration: ${passed} passing, ${failed} failing, ${results?.pending ?? 0} pending; wall time ${seconds(Date.now() - t0)}`);
  if (ok && !opts.keep) {
    fs.rmSync(runDir, { recursive: true, force: true });
  } else {
    console.log(`integration: run folder kept: ${runDir} (code-server.log, browser-console.log, results.json)`);
  }
  return ok ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
