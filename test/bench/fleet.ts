// Fleets as `npm run bench` measures them (issue 20): one application of 100,000 keys and 100,000
// devices, the sandbox (its own process) answering after 20 ms; 10,000 of the keys each restricted to
// one of the first 10,000 devices. Figures, not assertions: the existing-key scan for those 10,000
// devices with the filter honoured and ignored (time, requests, this process's peak heap), a device
// search by name beyond the 10,000 the session holds, and Find Key…'s first results.
import { searchDevices } from '../../src/core/deviceDirectory';
import { keysOfDevices } from '../../src/core/existingKeys';
import { itemFinder } from '../../src/core/findItems';
import { AppKeysService } from '../../src/core/service';
import { SANDBOX_APPS, SANDBOX_TOKENS } from '../sandbox';
import { seedId } from '../sandbox/losant/seed-data';
import { startSandboxProcess, type SandboxProcess } from './sandboxProcess';

export const FLEET = { app: SANDBOX_APPS.demoFleet.id, keys: 100_000, devices: 100_000, restricted: 10_000, latencyMs: 20 };

export function fleetSandboxArgs(): string[] {
  return [
    '--plain-http',
    '--extra-keys',
    `${FLEET.app}:${FLEET.keys}:${FLEET.restricted}`,
    '--extra-devices',
    `${FLEET.app}:${FLEET.devices}`,
    '--latency-ms',
    String(FLEET.latencyMs),
  ];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function scan(url: string): Promise<Record<string, number>> {
  let requests = 0;
  const service = new AppKeysService({ timeoutMs: 60_000, log: (e) => (e.retryInMs === undefined ? requests++ : undefined) });
  try {
    const client = service.forApplication({ platform: 'losant', applicationId: FLEET.app, apiUrl: url }, SANDBOX_TOKENS.full);
    const devices = Array.from({ length: FLEET.restricted }, (_, i) => seedId('9', i + 1));
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 10);
    const started = performance.now();
    const result = await keysOfDevices(client, client.resource('keys'), devices);
    const ms = performance.now() - started;
    clearInterval(sampler);
    if (result.byDevice.size !== FLEET.restricted) throw new Error(`the scan found ${result.byDevice.size} devices with keys, not ${FLEET.restricted}`);
    return { ms, requests, peakHeapMB: peak / 1024 / 1024, filterIgnored: result.filterIgnored ? 1 : 0 };
  } finally {
    await service.dispose();
  }
}

async function searches(url: string): Promise<Record<string, number>> {
  const service = new AppKeysService({ timeoutMs: 60_000 });
  try {
    const client = service.forApplication({ platform: 'losant', applicationId: FLEET.app, apiUrl: url }, SANDBOX_TOKENS.full);
    const find = itemFinder(client, client.resource('keys'));
    await find('warm');
    const deviceMs: number[] = [];
    const findMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      let t = performance.now();
      const found = await searchDevices(client, `*device ${54_321 + i}*`);
      deviceMs.push(performance.now() - t);
      if (found.length === 0) throw new Error('the device search found nothing');
      t = performance.now();
      const keys = await find(`Generated key ${77_000 + i}`);
      findMs.push(performance.now() - t);
      if (keys.length === 0) throw new Error('Find Key found nothing');
    }
    return { deviceSearchMs: median(deviceMs), findKeyMs: median(findMs) };
  } finally {
    await service.dispose();
  }
}

/** The figures in this process (the service module as the extension runs it), with the filter honoured and ignored. */
export async function fleetFigures(honoured: SandboxProcess): Promise<Record<string, number>> {
  const ignoring = await startSandboxProcess([...fleetSandboxArgs(), '--ignore-query']);
  try {
    const withFilter = await scan(honoured.url);
    const withoutFilter = await scan(ignoring.url);
    return {
      ...Object.fromEntries(Object.entries(withFilter).map(([k, v]) => [`scan.${k}`, v])),
      ...Object.fromEntries(Object.entries(withoutFilter).map(([k, v]) => [`scanIgnored.${k}`, v])),
      ...(await searches(honoured.url)),
    };
  } finally {
    await ignoring.stop();
  }
}
