// Per-device key creation as `npm run bench` measures it: 1,000 devices, a sandbox (in its own
// process) answering after 50 ms and limiting requests to 20 per second (429 with Retry-After over
// it). Figures: the rate reached against the allowed one, and the share of requests refused.
import { listAllDevices } from '../../src/core/deviceDirectory';
import { countByStatus, createDeviceKeys, DEVICE_KEY_CONCURRENCY } from '../../src/core/deviceKeys';
import { AppKeysService } from '../../src/core/service';
import { SANDBOX_APPS, SANDBOX_TOKENS } from '../sandbox';
import { startSandboxProcess } from './sandboxProcess';

export const DEVICE_BENCH = { devices: 1000, latencyMs: 50, requestsPerSecond: 20 };

export async function perDeviceCreation(): Promise<Record<string, number>> {
  const app = SANDBOX_APPS.emptyApp.id;
  const sandbox = await startSandboxProcess([
    '--plain-http',
    '--extra-devices',
    `${app}:${DEVICE_BENCH.devices}`,
    '--latency-ms',
    String(DEVICE_BENCH.latencyMs),
    '--rate-limit',
    String(DEVICE_BENCH.requestsPerSecond),
  ]);
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
    const { devices } = await listAllDevices(client, {});
    // Start with a full bucket, as a user who has not just listed devices would.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    tries = refused = 0;
    const started = performance.now();
    const outcomes = await createDeviceKeys(client, client.resource('keys'), devices, {
      concurrency: DEVICE_KEY_CONCURRENCY,
      signal: new AbortController().signal,
    });
    const seconds = (performance.now() - started) / 1000;
    const counts = countByStatus(outcomes);
    const accepted = tries - refused;
    return {
      devices: devices.length,
      created: counts.created + counts.createdSecretLost,
      failed: counts.failed,
      seconds,
      requests: tries,
      refused,
      acceptedPerSecond: accepted / seconds,
      shareOfAllowedRate: accepted / seconds / DEVICE_BENCH.requestsPerSecond,
      refusedShare: refused / tries,
    };
  } finally {
    await service.dispose();
    await sandbox.stop();
  }
}

// Run alone: `node out/test/bench/deviceKeys.js`.
if (require.main === module) {
  perDeviceCreation().then(
    (figures) => console.log(figures),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
