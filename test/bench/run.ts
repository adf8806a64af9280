// `npm run bench`: App Keys' service module against the official Losant client (losant-rest) and a
// bare undici loop (the practical limit), loading 10,000 keys, and the extension's own costs in a
// real VS Code. Prints a table and writes .bench/results.json. Figures, not assertions.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadAll } from '../../src/core/listing';
import { AppKeysService } from '../../src/core/service';
import { SANDBOX_APPS, SANDBOX_TOKENS } from '../sandbox';
import { appKeysClient, bareUndiciClient, BenchClient, losantRestClient } from './clients';
import { DEVICE_BENCH, perDeviceCreation } from './deviceKeys';
import { FLEET, fleetFigures, fleetSandboxArgs } from './fleet';
import { SEARCH_DEBOUNCE_MS } from '../../src/core/findItems';
import { createTestAuthority, writeAuthority } from '../support/testCertificates';
import { startSandboxProcess } from './sandboxProcess';

const ROOT = path.resolve(__dirname, '../../..');
const RUNS = 5;
const RUN_MS = Number(process.env.APPKEYS_BENCH_RUN_MS || 700);
const BIG = SANDBOX_APPS.emptyApp.id;
const KEYS = 10_000;
/** Lists run against 1,000 keys: with 10,000 the sandbox's sorting, not the client, sets the pace. */
const MEDIUM = SANDBOX_APPS.warehouseSensors.id;
const token = SANDBOX_TOKENS.full;
/** For working on one part: APPKEYS_BENCH_ONLY=throughput,load,host,devices,fleet (default: all; fleet also measures in the host with host). */
const ONLY = new Set((process.env.APPKEYS_BENCH_ONLY || 'throughput,load,host,devices,fleet').split(','));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Operations per second with `concurrency` loops for RUN_MS. */
async function opsPerSecond(op: (n: number) => Promise<unknown>, concurrency: number): Promise<number> {
  let done = 0;
  const deadline = performance.now() + RUN_MS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await op(done);
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

type Op = 'GET key' | 'PATCH key' | 'list (perPage 100)';

async function throughput(url: string, keyIds: string[]): Promise<Record<string, Record<string, number>>> {
  const clients: ((u: string, app: string) => BenchClient)[] = [
    (u, app) => appKeysClient(u, app, token),
    (u, app) => losantRestClient(u, app, token),
    (u, app) => bareUndiciClient(u, app, token),
  ];
  const ops: Record<Op, { app: string; run: (c: BenchClient, n: number) => Promise<unknown> }> = {
    'GET key': { app: BIG, run: (c, n) => c.getKey(keyIds[n % keyIds.length]) },
    'PATCH key': { app: BIG, run: (c, n) => c.patchKey(keyIds[n % keyIds.length], `bench ${n}`) },
    'list (perPage 100)': { app: MEDIUM, run: (c, n) => c.listKeys(n % 10, 100) },
  };
  const table: Record<string, Record<string, number>> = {};
  for (const [op, { app, run }] of Object.entries(ops)) {
    for (const concurrency of [1, 16]) {
      const live = clients.map((make) => make(url, app));
      for (const client of live) await opsPerSecond((n) => run(client, n), concurrency); // warm-up: connections, JIT
      const samples = new Map<string, number[]>(live.map((c) => [c.name, []]));
      // Runs interleaved, so any drift of the machine or the server touches every client alike.
      for (let i = 0; i < RUNS; i++) {
        for (const client of live) samples.get(client.name)!.push(await opsPerSecond((n) => run(client, n), concurrency));
      }
      table[`${op} ×${concurrency}`] = Object.fromEntries([...samples].map(([name, values]) => [name, median(values)]));
      for (const client of live) await client.close();
      process.stdout.write('.');
    }
  }
  return table;
}

async function loadAllTimes(url: string): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  const service = new AppKeysService({ timeoutMs: 60_000 });
  const client = service.forApplication({ platform: 'losant', applicationId: BIG, apiUrl: url }, token);
  const keys = client.resource('keys');
  const time = async (name: string, work: () => Promise<number>) => {
    const samples: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const count = await work();
      if (count !== KEYS) throw new Error(`${name} loaded ${count} keys, not ${KEYS}`);
      samples.push(performance.now() - started);
    }
    result[name] = median(samples);
  };
  // The tree's strategy: the first page gives the total, then the rest concurrently, in large pages.
  await time(
    'App Keys (pages of 1000, 10 in flight)',
    async () =>
      (
        await loadAll(
          (q, s) => client.list(keys, q, s),
          (page) => ({ page, perPage: 1000 }),
          { perPage: 1000, concurrency: 10 },
        )
      ).items.length,
  );
  await time(
    'App Keys (pages of 100, 16 in flight)',
    async () =>
      (
        await loadAll(
          (q, s) => client.list(keys, q, s),
          (page) => ({ page, perPage: 100 }),
          { perPage: 100, concurrency: 16 },
        )
      ).items.length,
  );
  const official = losantRestClient(url, BIG, token);
  for (const perPage of [100, 1000]) {
    await time(`losant-rest, one page after another (pages of ${perPage})`, async () => {
      let count = 0;
      for (let page = 0; ; page++) {
        const body = await official.listKeys(page, perPage);
        count += body.items.length;
        if (count >= body.totalCount || body.items.length === 0) return count;
      }
    });
  }
  await service.dispose();
  return result;
}

/** An empty extension, activated together with App Keys: what the host costs any extension. */
const BASELINE_EXTENSION = path.join(ROOT, 'test/bench/baseline-extension');

function extensionCosts(url: string, fleetUrl?: string): Record<string, number> {
  const out = path.join(os.tmpdir(), `appkeys-bench-${process.pid}.json`);
  const run = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'out/test/host/runIntegration.js'),
      '--tests',
      path.join(ROOT, 'out/test/bench/host/index.js'),
      '--extension',
      BASELINE_EXTENSION,
      '--timeout',
      '400',
    ],
    {
      env: { ...process.env, APPKEYS_BENCH_SANDBOX_URL: url, APPKEYS_BENCH_FLEET_URL: fleetUrl ?? '', APPKEYS_BENCH_OUT: out, APPKEYS_SUITE_COUNTS: '' },
      encoding: 'utf8',
    },
  );
  if (!fs.existsSync(out)) throw new Error(`the extension-host benchmark did not run:\n${run.stdout}\n${run.stderr}`);
  const figures = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, number>;
  fs.rmSync(out);
  return figures;
}

function sizes(): Record<string, number> {
  const vsix =
    fs.readdirSync(ROOT).find((f) => f.endsWith('.vsix')) ??
    fs
      .readdirSync(path.join(ROOT, 'dist-vsix'))
      .map((f) => `dist-vsix/${f}`)
      .find((f) => f.endsWith('.vsix'));
  const bundles = ['extension', 'undici', 'validators', 'jsonc'].map((name) => `dist/${name}.js`);
  return {
    ...Object.fromEntries(bundles.map((file) => [`${file} KB`, fs.existsSync(path.join(ROOT, file)) ? fs.statSync(path.join(ROOT, file)).size / 1024 : NaN])),
    '.vsix KB': vsix ? fs.statSync(path.join(ROOT, vsix)).size / 1024 : NaN,
  };
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

async function main(): Promise<void> {
  const started = Date.now();
  console.log(`bench: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}; median of ${RUNS} runs of ${RUN_MS} ms`);
  const seed = ['--extra-keys', `${BIG}:${KEYS}`, '--extra-keys', `${MEDIUM}:1000`];
  const fast = await startSandboxProcess(['--plain-http', ...seed, '--extra-devices', `${BIG}:${KEYS}`]);
  const slow = await startSandboxProcess(['--plain-http', '--extra-keys', `${BIG}:${KEYS}`, '--latency-ms', '20']);
  // The same over HTTPS, with the run's authority (which every client in this process trusts through NODE_EXTRA_CA_CERTS).
  const secure = ONLY.has('throughput') ? await startSandboxProcess(['--tls-dir', process.env.APPKEYS_BENCH_TLS_DIR!, ...seed]) : undefined;
  const fleet = ONLY.has('fleet') ? await startSandboxProcess(fleetSandboxArgs()) : undefined;
  try {
    const probe = appKeysClient(fast.url, BIG, token);
    const keyIds = ((await probe.listKeys(0, 200)).items as { id: string }[]).map((k) => k.id);
    await probe.close();

    process.stdout.write('bench: throughput ');
    const ops = ONLY.has('throughput') ? await throughput(fast.url, keyIds) : {};
    const opsTls = secure ? await throughput(secure.url, keyIds) : {};
    console.log('');
    for (const [over, table] of [
      ['HTTP', ops],
      ['HTTPS (keep-alive: one handshake per connection)', opsTls],
    ] as const) {
      console.log(`\nService throughput over ${over} (operations per second; sandbox latency 0)`);
      console.log('| operation × concurrency | App Keys | losant-rest | bare undici | App Keys / losant-rest | App Keys / bare undici |');
      console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
      for (const [name, row] of Object.entries(table)) {
        const a = row['App Keys'],
          l = row['losant-rest'],
          u = row['bare undici'];
        console.log(`| ${name} | ${fmt(a)} | ${fmt(l)} | ${fmt(u)} | ${fmt(a / l, 2)}× | ${fmt((a / u) * 100)}% |`);
      }
    }

    console.log(`\nLoad all ${KEYS} keys (ms, median of 3)`);
    const loads: Record<string, Record<string, number>> = ONLY.has('load')
      ? { 'latency 0 ms': await loadAllTimes(fast.url), 'latency 20 ms': await loadAllTimes(slow.url) }
      : { 'latency 0 ms': {}, 'latency 20 ms': {} };
    console.log('| strategy | latency 0 ms | latency 20 ms |');
    console.log('| --- | ---: | ---: |');
    for (const name of Object.keys(loads['latency 0 ms']))
      console.log(`| ${name} | ${fmt(loads['latency 0 ms'][name])} | ${fmt(loads['latency 20 ms'][name])} |`);
    const best = loads['latency 20 ms']['App Keys (pages of 1000, 10 in flight)'];
    for (const perPage of [100, 1000]) {
      console.log(
        `speed-up at 20 ms against losant-rest (pages of ${perPage}): ${fmt(loads['latency 20 ms'][`losant-rest, one page after another (pages of ${perPage})`] / best, 1)}×`,
      );
    }

    console.log('\nExtension costs (real VS Code extension host, code-server)');
    const host = ONLY.has('host') ? extensionCosts(fast.url, fleet?.url) : {};
    const size = sizes();
    console.log('| figure | value |');
    console.log('| --- | ---: |');
    console.log(`| activate() | ${fmt(host.activateMs, 2)} ms |`);
    console.log(
      `| load dist/extension.js + activate()${host.settleMs ? ` (after ${host.settleMs} ms for the workbench to settle)` : ''} | ${fmt(host.activateWithLoadMs, 1)} ms |`,
    );
    console.log(
      `| … of it, until dist/extension.js has run, plus activate() (not the host's wait for the extension's context) | ${fmt(host.loadAndActivateMs, 1)} ms |`,
    );
    console.log(`| … the host, until dist/extension.js starts to run (finding, reading, compiling it) | ${fmt(host.hostBeforeLoadMs, 1)} ms |`);
    console.log(`| … the host, making the extension's vscode API (its first require('vscode')) | ${fmt(host.vscodeApiMs, 1)} ms |`);
    console.log(`| … dist/extension.js's own module code | ${fmt(host.evaluateMs, 1)} ms |`);
    console.log(`| … the host, between the module code and activate() (the extension's context) | ${fmt(host.hostBeforeActivateMs, 1)} ms |`);
    console.log(`| … activate() | ${fmt(host.activateMs, 1)} ms |`);
    console.log(`| … the host, after activate() returned | ${fmt(host.hostAfterActivateMs, 1)} ms |`);
    console.log(
      `| an empty extension (test/bench/baseline-extension) activated at the same moment: until activate() resolves | ${fmt(host.baselineActivateWithLoadMs, 1)} ms |`,
    );
    console.log(`| … of it, the host between its module code and activate() (its context) | ${fmt(host.baselineHostBeforeActivateMs, 1)} ms |`);
    console.log(`| … of it, its load + activate() | ${fmt(host.baselineLoadAndActivateMs, 1)} ms |`);
    console.log(`| refresh → first page of the ${KEYS}-key application in the tree (median of 5) | ${fmt(host.firstPageMs, 1)} ms |`);
    console.log(`| heap growth with all ${fmt(host.keysInTree)} keys in the tree | ${fmt(host.heapGrowthMB, 1)} MB |`);
    console.log(
      `| device completions in deviceIds, ${KEYS} devices (${fmt(host.deviceCompletionItems)} offered at once): the first (loads them) | ${fmt(host.deviceCompletionsFirstMs, 1)} ms |`,
    );
    console.log(`| … after the first load (median of 5) | ${fmt(host.deviceCompletionsMs, 1)} ms |`);
    for (const [name, kb] of Object.entries(size)) if (name.startsWith('dist/')) console.log(`| ${name.replace(/ KB$/, '')} | ${fmt(kb, 1)} KB |`);
    console.log(`| .vsix | ${fmt(size['.vsix KB'], 1)} KB |`);

    let devices: Record<string, number> = {};
    if (ONLY.has('devices')) {
      process.stdout.write('bench: per-device key creation (about a minute)… ');
      devices = await perDeviceCreation();
      console.log('');
      console.log(
        `\nOne key per device: ${DEVICE_BENCH.devices} devices, sandbox latency ${DEVICE_BENCH.latencyMs} ms, limit ${DEVICE_BENCH.requestsPerSecond} requests/s (429 with Retry-After over it)`,
      );
      console.log('| figure | value |');
      console.log('| --- | ---: |');
      console.log(`| keys created (failed) | ${fmt(devices.created)} (${fmt(devices.failed)}) |`);
      console.log(`| time | ${fmt(devices.seconds, 1)} s |`);
      console.log(
        `| accepted requests per second (share of the allowed rate) | ${fmt(devices.acceptedPerSecond, 1)} (${fmt(devices.shareOfAllowedRate * 100, 1)}%) |`,
      );
      console.log(`| requests answered 429 | ${fmt(devices.refused)} of ${fmt(devices.requests)} (${fmt(devices.refusedShare * 100, 2)}%) |`);
    }

    let fleetRun: Record<string, number> = {};
    if (fleet) {
      process.stdout.write('bench: fleet (100,000 keys and devices at 20 ms)… ');
      fleetRun = await fleetFigures(fleet);
      console.log('');
      console.log(
        `\nFleets: ${FLEET.keys} keys and ${FLEET.devices} devices in one application, sandbox latency ${FLEET.latencyMs} ms; ${FLEET.restricted} devices with a key each`,
      );
      console.log('| figure | value |');
      console.log('| --- | ---: |');
      const scanLine = (p: string, label: string) =>
        console.log(
          `| existing-key scan, ${FLEET.restricted} devices, ${label}: time, requests, peak heap of this process | ${fmt(fleetRun[`${p}.ms`])} ms, ${fmt(fleetRun[`${p}.requests`])}, ${fmt(fleetRun[`${p}.peakHeapMB`], 1)} MB |`,
        );
      scanLine('scan', 'filter honoured (batches of 100 device IDs)');
      scanLine('scanIgnored', 'filter ignored by the server (one whole read)');
      console.log(`| device search by name beyond the 10,000 held (one request, median of 5) | ${fmt(fleetRun.deviceSearchMs, 1)} ms |`);
      console.log(`| Find Key…: first results for what is typed (one request, median of 5) | ${fmt(fleetRun.findKeyMs, 1)} ms |`);
      console.log(
        `| extension host: Create Keys for Devices…, ${FLEET.restricted} devices all with keys, first run (lists the devices) | ${fmt(host.fleetFirstScanMs)} ms |`,
      );
      console.log(`| extension host: … again (the scan alone) | ${fmt(host.fleetScanMs)} ms |`);
      console.log(`| extension host: heap before, and peak during both runs | ${fmt(host.fleetHeapBeforeMB, 1)} MB, ${fmt(host.fleetPeakHeapMB, 1)} MB |`);
      console.log(
        `| extension host: device completions for a name beyond those held, after typing (median of 5) | ${fmt(host.fleetDeviceCompletionsMs, 1)} ms |`,
      );
      console.log(
        `| extension host: Find Key…, typed text to first results (median of 5; the pick waits ${SEARCH_DEBOUNCE_MS} ms after a keystroke first) | ${fmt(host.fleetFindKeyMs, 1)} ms |`,
      );
    }

    const results = {
      fleet: fleetRun,
      devices,
      date: new Date().toISOString(),
      machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version },
      throughput: ops,
      throughputHttps: opsTls,
      loadAll: loads,
      extension: host,
      sizes: size,
    };
    fs.mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, '.bench/results.json'), JSON.stringify(results, null, 2));
    console.log(`\nbench: wrote .bench/results.json in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await fast.stop();
    await slow.stop();
    await secure?.stop();
    await fleet?.stop();
  }
}

/**
 * Clients trust the HTTPS sandbox as a user's machine would trust an authority: through NODE_EXTRA_CA_CERTS, which Node
 * reads only at start. So the benchmark makes the run's authority, then runs itself again with it.
 */
function withRunAuthority(): boolean {
  if (process.env.APPKEYS_BENCH_TLS_DIR) return false;
  const tls = writeAuthority(createTestAuthority('App Keys bench'), path.join(ROOT, '.bench', 'tls'));
  const run = spawnSync(process.execPath, process.argv.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: tls.ca, APPKEYS_BENCH_TLS_DIR: tls.dir },
  });
  process.exitCode = run.status ?? 1;
  return true;
}

if (!withRunAuthority())
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
