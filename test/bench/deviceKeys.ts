// Per-device key creation as `npm run bench` measures it: 1,000 devices, a sandbox (in its own
// process) answering after 50 ms and limiting requests to 20 per second (429 with Retry-After over
// it). Figures: the rate reached against the allowed one, and the share of requests refused. Each secret is
// appended to a CSV file as its key exists, as Create Keys for Devices does for more than 5 keys.
// `node out/test/bench/deviceKeys.js --fleet`: 10,000 keys in an application of 100,000 keys and 100,000 devices,
// answers after 20 ms (about 9 minutes at 20 requests/s).
import { listAllDevices } from '../../src/core/deviceDirectory';
import { countByStatus, createDeviceKeys, DEVICE_KEY_CONCURRENCY, deviceKeyRecord } from '../../src/core/deviceKeys';
import { AppKeysService } from '../../src/core/service';
import { openSecretLog } from '../../src/core/secretLog';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SANDBOX_APPS, SANDBOX_TOKENS } from '../sandbox';
import { startSandboxProcess } from './sandboxProcess';

export const DEVICE_BENCH = { devices: 1000, latencyMs: 50, requestsPerSecond: 20, keys: 0, fleetDevices: 1000 };
export const FLEET_DEVICE_BENCH = { devices: 10_000, latencyMs: 20, requestsPerSecond: 20, keys: 100_000, fleetDevices: 100_000 };

export async function perDeviceCreation(shape = DEVICE_BENCH): Promise<Record<string, number>> {
  const app = SANDBOX_APPS.emptyApp.id;
  const sandbox = await startSandboxProcess([
    '--plain-http',
    '--extra-devices',
    `${app}:${shape.fleetDevices}`,
    ...(shape.keys ? ['--extra-keys', `${app}:${shape.keys}`] : []),
    '--latency-ms',
    String(shape.latencyMs),
    '--rate-limit',
    String(shape.requestsPerSecond),
  ]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appkeys-bench-'));
  let tries = 0;
  let refused = 0;
  const service = new AppKeysService({
    timeoutMs: 10_000,
    log: (entry) => {
      if (entry.retryInMs !== undefined) return; // the note of a coming retry, not a try
      tries++;
      if (entry.status === 429) refused++;
    },
  });
  try {
    const client = service.forApplication({ platform: 'losant', applicationId: app, apiUrl: sandbox.url }, SANDBOX_TOKENS.full);
    const devices = (await listAllDevices(client, {})).devices.slice(0, shape.devices);
    const resource = client.resource('keys');
    const log = await openSecretLog(path.join(dir, 'device-keys.csv'));
    // Start with a full bucket, as a user who has not just listed devices would.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    tries = refused = 0;
    const started = performance.now();
    const outcomes = await createDeviceKeys(client, resource, devices, {
      concurrency: DEVICE_KEY_CONCURRENCY,
      existing: [],
      signal: new AbortController().signal,
      onCreated: (o) => log.append(deviceKeyRecord(resource, o)),
    });
    const seconds = (performance.now() - started) / 1000;
    await log.close();
    const counts = countByStatus(outcomes);
    const accepted = tries - refused;
    return {
      devices: devices.length,
      created: counts.created + counts.createdSecretLost,
      secretsInFile: log.appended,
      failed: counts.failed,
      seconds,
      requests: tries,
      refused,
      acceptedPerSecond: accepted / seconds,
      shareOfAllowedRate: accepted / seconds / shape.requestsPerSecond,
      refusedShare: refused / tries,
    };
  } finally {
    await service.dispose();
    await sandbox.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Run alone: `node out/test/bench/deviceKeys.js`.
if (require.main === module) {
  perDeviceCreation(process.argv.includes('--fleet') ? FLEET_DEVICE_BENCH : DEVICE_BENCH).then(
    (figures) => console.log(figures),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
