// `npm start` (via test/host/start.sh): the demo. Starts the sandbox API (out/test/sandbox/main.js, twice: a
// second origin stands for a Losant-compatible host) and code-server with the packaged .vsix installed, as users
// get it, and `appKeys.applications` pointing at the sandbox's applications (never secrets); prints the URL and
// the demo secrets, and stops every process group on Ctrl+C.
//
//   node out/test/host/start.js [--port 8080] [--sandbox-port 7070]
import * as fs from 'fs';
import * as path from 'path';
import { createTestAuthority, writeAuthority, type AuthorityFiles } from '../support/testCertificates';
import { CodeServer, REPO_ROOT, freePort, hostPaths, httpStatus, installExtension, installUnpacked, portIsFree, startCodeServer } from './codeServer';
import { GroupProcess, onShutdown, setSignalExitCode, shutdownAndExit, spawnGroup } from './processGroup';
import { SANDBOX_APPS, SANDBOX_EP, SANDBOX_TOKENS } from '../sandbox';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function parseArgs(argv: string[]) {
  const opts = { port: 8080, sandboxPort: 7070 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--port') opts.port = Number(argv[++i]);
    else if (argv[i] === '--sandbox-port') opts.sandboxPort = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]} (usage: start.js [--port N] [--sandbox-port N])`);
  }
  return opts;
}

async function pickPort(preferred: number): Promise<number> {
  return (await portIsFree(preferred)) ? preferred : freePort();
}

/** Copies a child's output to ours, each line prefixed. */
function prefixOutput(stream: NodeJS.ReadableStream | null, prefix: string, to: NodeJS.WriteStream): void {
  let rest = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) to.write(`${prefix}${line}\n`);
  });
  stream?.on('end', () => rest && to.write(`${prefix}${rest}\n`));
}

/** Serves HTTPS with the demo's certificate (its authority is given to code-server through NODE_EXTRA_CA_CERTS). */
async function startSandbox(port: number, name: string, tls: AuthorityFiles): Promise<{ group: GroupProcess; url: string }> {
  const main = path.join(REPO_ROOT, 'out', 'test', 'sandbox', 'main.js');
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: compile first (npx tsc -p .)`);
  const group = spawnGroup(process.execPath, [main, '--port', String(port), '--tls-dir', tls.dir], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  prefixOutput(group.child.stdout, `[${name}] `, process.stdout);
  prefixOutput(group.child.stderr, `[${name}] `, process.stderr);
  const url = `https://127.0.0.1:${port}`;
  const ca = fs.readFileSync(tls.ca, 'utf8');
  let exited = false;
  void group.exited.then(() => (exited = true));
  const deadline = Date.now() + 30000;
  for (;;) {
    if (exited) throw new Error('the sandbox exited during start-up (see its output above)');
    if ((await httpStatus(url, 1000, ca)) !== undefined) return { group, url };
    if (Date.now() > deadline) throw new Error(`the sandbox did not answer on ${url} within 30 s`);
    await sleep(200);
  }
}

/** The .vsix `npm run package` wrote (test/host/start.sh runs it first). */
function packagedVsix(): string {
  const dir = path.join(REPO_ROOT, 'dist-vsix');
  const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const vsix = path.join(dir, `app-keys-${version}.vsix`);
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} is missing: run npm run package first`);
  return vsix;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  setSignalExitCode(0); // Ctrl+C is how the demo is meant to end
  // If whatever started us goes away without passing on a signal (npm killed by a supervisor), stop too.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdownAndExit(0, 'the parent process is gone; stopping the demo');
  }, 1000).unref();
  const demoDir = path.join(hostPaths().cache, 'demo');
  const workspace = path.join(demoDir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });

  // HTTPS, as the real services, with an authority made for the demo that code-server trusts as a machine would.
  const tls = writeAuthority(createTestAuthority('App Keys demo'), path.join(demoDir, 'tls'));
  const sandbox = await startSandbox(await pickPort(opts.sandboxPort), 'sandbox', tls);
  // A second origin stands for a Losant-compatible host (WNology, a private instance): tokens are kept per host.
  const compatible = await startSandbox(await pickPort(opts.sandboxPort + 1), 'compatible host', tls);

  const apps = Object.values(SANDBOX_APPS);
  const applications = [
    ...apps.map((app) => ({ platform: 'losant', applicationId: app.id, label: app.name, apiUrl: sandbox.url })),
    { platform: 'losant', applicationId: SANDBOX_APPS.demoFleet.id, label: `${SANDBOX_APPS.demoFleet.name} (compatible host)`, apiUrl: compatible.url },
    { platform: 'elasticpath', applicationId: SANDBOX_EP.storeId, label: SANDBOX_EP.storeName, apiUrl: sandbox.url, clientId: SANDBOX_EP.clientId },
  ];

  // The extension as users get it: the packaged .vsix, installed afresh into the demo's own folders.
  const vsix = packagedVsix();
  const extensionsDir = path.join(demoDir, 'extensions');
  fs.rmSync(extensionsDir, { recursive: true, force: true });
  // The demo opens with the App Keys view in front (a demo-only helper; App Keys never takes the focus itself). Copied
  // first, so code-server's first scan of the folder lists it with the .vsix it installs.
  installUnpacked(path.join(REPO_ROOT, 'test', 'host', 'demo-extension'), extensionsDir);
  installExtension({ vsix, extensionsDir, userDataDir: path.join(demoDir, 'user-data'), stateDir: demoDir });
  console.log(`installed ${path.relative(REPO_ROOT, vsix)} into the demo's code-server`);

  const server: CodeServer = await startCodeServer({
    userDataDir: path.join(demoDir, 'user-data'),
    extensionsDir,
    stateDir: demoDir,
    workspace,
    port: await pickPort(opts.port),
    settings: {
      'appKeys.applications': applications,
      // No empty panels: the chat side bar stays closed (the walkthrough still opens once, as on any install).
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
    },
    env: { NODE_EXTRA_CA_CERTS: tls.ca },
  });
  onShutdown(() => console.log('\nstopping the demo (code-server and sandbox)…'));

  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
  const out: string[] = [
    '',
    'App Keys demo is running.',
    '',
    `  Open in a browser:  ${url}`,
    '',
    `  Sandbox API (Losant and Elastic Path): ${sandbox.url}`,
    `  Second Losant-compatible host:          ${compatible.url}`,
    '  Applications already in the App Keys view (setting appKeys.applications, no secrets):',
    ...applications.map((a) => `    ${a.label.padEnd(34)} ${a.platform.padEnd(12)} ${a.apiUrl}`),
    '',
    '  Secrets to paste: pick "Set API token…" / "Set client secret…" under an application:',
    ...Object.entries(SANDBOX_TOKENS).map(([name, token]) => `    Losant ${name.padEnd(13)} ${token}`),
    `    Elastic Path client secret ${SANDBOX_EP.clientSecret}`,
    '',
    `  code-server log: ${server.logFile}`,
    '  Ctrl+C stops everything.',
    '',
  ];
  console.log(out.join('\n'));

  // Whichever child ends first ends the demo.
  const which = await Promise.race([
    sandbox.group.exited.then(() => 'the sandbox'),
    compatible.group.exited.then(() => 'the second sandbox'),
    server.process.exited.then(() => 'code-server'),
  ]);
  await shutdownAndExit(1, `${which} exited unexpectedly; stopping the demo`);
}

main().catch((err) => void shutdownAndExit(1, `demo: ${(err as Error)?.stack ?? String(err)}`));
