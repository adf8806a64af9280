// `npm start` (via test/host/start.sh): the demo. Starts the sandbox API (out/test/sandbox/main.js) and code-server
// with this repository loaded as a development extension and `appKeys.applications` pointing at the sandbox's
// applications (never tokens), prints the URL and the demo tokens, and stops both process groups on Ctrl+C.
//
//   node out/test/host/start.js [--port 8080] [--sandbox-port 7070]
import * as fs from 'fs';
import * as path from 'path';
import { CodeServer, REPO_ROOT, freePort, hostPaths, httpStatus, payloadUrl, portIsFree, startCodeServer } from './codeServer';
import { GroupProcess, onShutdown, setSignalExitCode, shutdownAndExit, spawnGroup } from './processGroup';

interface DemoApp {
  id: string;
  name: string;
}

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

/** The sandbox's seeded applications, whether exported as a record of {id, name} or an array. */
function demoApps(exported: unknown): DemoApp[] {
  const values = Array.isArray(exported) ? exported : Object.values((exported ?? {}) as object);
  const apps: DemoApp[] = [];
  for (const v of values as Array<Record<string, unknown>>) {
    const id = v?.id ?? v?.applicationId ?? v?._id;
    if (typeof id === 'string') apps.push({ id, name: String(v.name ?? v.label ?? id) });
  }
  return apps;
}

/** The demo tokens as [name, token] pairs, whether a record of strings, of {token}, or an array. */
function demoTokens(exported: unknown): Array<[string, string]> {
  const entries: Array<[string, unknown]> = Array.isArray(exported)
    ? exported.map((v, i) => [String((v as Record<string, unknown>)?.name ?? i), v])
    : Object.entries((exported ?? {}) as object);
  const tokens: Array<[string, string]> = [];
  for (const [name, v] of entries) {
    const token = typeof v === 'string' ? v : (v as Record<string, unknown>)?.token;
    if (typeof token === 'string') tokens.push([name, token]);
  }
  return tokens;
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

async function startSandbox(port: number): Promise<{ group: GroupProcess; url: string }> {
  const main = path.join(REPO_ROOT, 'out', 'test', 'sandbox', 'main.js');
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: compile first (npx tsc -p .)`);
  const group = spawnGroup(process.execPath, [main, '--port', String(port)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  prefixOutput(group.child.stdout, '[sandbox] ', process.stdout);
  prefixOutput(group.child.stderr, '[sandbox] ', process.stderr);
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  void group.exited.then(() => (exited = true));
  const deadline = Date.now() + 30000;
  for (;;) {
    if (exited) throw new Error('the sandbox exited during start-up (see its output above)');
    if ((await httpStatus(url, 1000)) !== undefined) return { group, url };
    if (Date.now() > deadline) throw new Error(`the sandbox did not answer on ${url} within 30 s`);
    await sleep(200);
  }
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  setSignalExitCode(0); // Ctrl+C is how the demo is meant to end
  const demoDir = path.join(hostPaths().cache, 'demo');
  const workspace = path.join(demoDir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });

  const sandboxPort = await pickPort(opts.sandboxPort);
  const sandbox = await startSandbox(sandboxPort);

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = require(path.join(REPO_ROOT, 'out', 'test', 'sandbox', 'index.js')) as Record<string, unknown>;
  const apps = demoApps(exported.SANDBOX_APPS);
  const tokens = demoTokens(exported.SANDBOX_TOKENS);
  const applications = apps.map((app) => ({
    platform: 'losant',
    applicationId: app.id,
    label: app.name,
    apiUrl: sandbox.url,
  }));

  const server: CodeServer = await startCodeServer({
    userDataDir: path.join(demoDir, 'user-data'),
    extensionsDir: path.join(demoDir, 'extensions'),
    stateDir: demoDir,
    workspace,
    port: await pickPort(opts.port),
    settings: { 'appKeys.applications': applications },
  });
  onShutdown(() => console.log('\nstopping the demo (code-server and sandbox)…'));

  const url = payloadUrl(server.url, server.port, workspace);
  const out: string[] = [
    '',
    'App Keys demo is running.',
    '',
    `  Open in a browser:  ${url}`,
    '',
    `  Sandbox Losant API: ${sandbox.url}`,
    `  Applications already in the App Keys view (setting appKeys.applications):`,
    ...apps.map((a) => `    ${a.name.padEnd(Math.max(...apps.map((x) => x.name.length)))}  ${a.id}`),
    '',
    '  Demo tokens: in the App Keys view, pick "Set API token…" under an application and paste one:',
    ...tokens.map(([name, token]) => `    ${name.padEnd(14)} ${token}`),
    '',
    `  code-server log: ${server.logFile}`,
    '  Ctrl+C stops everything.',
    '',
  ];
  console.log(out.join('\n'));

  // Whichever child ends first ends the demo.
  const which = await Promise.race([
    sandbox.group.exited.then(() => 'the sandbox'),
    server.process.exited.then(() => 'code-server'),
  ]);
  await shutdownAndExit(1, `${which} exited unexpectedly; stopping the demo`);
}

main().catch((err) => void shutdownAndExit(1, `demo: ${(err as Error)?.stack ?? String(err)}`));
