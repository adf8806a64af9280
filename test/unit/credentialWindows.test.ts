// Issue 19, items 5 and 9: two VS Code windows move (and re-key) the same stored credentials at once. Secret
// storage is shared; globalState is each window's own until the other's writes reach it (whole value, last
// write wins). Two stores over one shared secret storage and two globalStates, every step of both interleaved
// by a seeded random schedule, the other window's writes delivered at random later points: after every step,
// each window reads every application's secret, and after the next start each has it linked again.
import * as assert from 'assert';
import { moveLegacyCredentials, MoveTarget } from '../../src/core/credentialMove';
import { CREDENTIALS_METADATA_KEY, CredentialStore, legacyKey, type MetadataBackend, type SecretBackend } from '../../src/core/credentials';
import { MapBackend, MapMemento } from './credentials.test';

const A = 'https://api.losant.com';
const B = 'https://api.losant.com:8443';
const EP = 'https://useast.api.elasticpath.com';
const apps: (MoveTarget & { secret: string })[] = [
  { platform: 'losant', origin: A, applicationId: '65a0c0dea000000000000001', label: 'one', secret: 'tok_same_1' },
  { platform: 'losant', origin: A, applicationId: '65a0c0dea000000000000002', label: 'two', secret: 'tok_same_1' },
  { platform: 'losant', origin: A, applicationId: '65a0c0dea000000000000003', label: 'three', secret: 'tok_other_2' },
  { platform: 'losant', origin: B, applicationId: '65a0c0dea000000000000001', label: 'four', secret: 'tok_same_1' },
  { platform: 'elasticpath', origin: EP, applicationId: 'b9c0b8f0-0000-4000-8000-000000000001', clientId: 'client-a', label: 'five', secret: 'ep_3' },
];
const noAsk = async (): Promise<void> => assert.fail('never asks');

/** mulberry32: a run repeats from its seed. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every backend call waits for its turn; the schedule picks one waiting call (or a delivery) at a time. */
class Schedule {
  private readonly waiting: (() => void)[] = [];
  private readonly deliveries: (() => void)[] = [];
  steps = 0;
  constructor(private readonly random: () => number) {}
  turn(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  deliverLater(deliver: () => void): void {
    this.deliveries.push(deliver);
  }
  /** Runs the tasks to their end, one step at a time; `check` after every step. */
  async run(tasks: Promise<unknown>[], check: () => Promise<void>): Promise<void> {
    let settled = false;
    const all = Promise.allSettled(tasks).then((results) => {
      settled = true;
      return results;
    });
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (this.waiting.length === 0 && (settled || this.deliveries.length === 0)) {
        if (settled) break;
        continue;
      }
      const choices = this.waiting.length + this.deliveries.length;
      const pick = Math.floor(this.random() * choices);
      // Deliveries stay in order (a window's writes arrive in the order they were made).
      if (pick >= this.waiting.length) this.deliveries.shift()!();
      else this.waiting.splice(pick, 1)[0]();
      this.steps++;
      await new Promise((resolve) => setImmediate(resolve));
      await check();
    }
    for (const result of await all) if (result.status === 'rejected') throw result.reason;
  }
  deliverAll(): void {
    while (this.deliveries.length) this.deliveries.shift()!();
  }
}

class SharedSecrets implements SecretBackend {
  constructor(
    readonly shared: MapBackend,
    private readonly schedule: Schedule,
  ) {}
  async get(key: string) {
    await this.schedule.turn();
    return this.shared.get(key);
  }
  async store(key: string, value: string) {
    await this.schedule.turn();
    return this.shared.store(key, value);
  }
  async delete(key: string) {
    await this.schedule.turn();
    return this.shared.delete(key);
  }
}

/** One window's globalState: its writes reach the other window later, as a whole value. */
class WindowState implements MetadataBackend {
  readonly own = new MapMemento();
  other?: WindowState;
  constructor(private readonly schedule: Schedule) {}
  get<T>(key: string): T | undefined {
    return this.own.get<T>(key);
  }
  async update(key: string, value: unknown) {
    await this.schedule.turn();
    await this.own.update(key, value);
    const copy = structuredClone(value);
    const other = this.other!;
    this.schedule.deliverLater(() => void other.own.update(key, copy));
  }
}

/** What a window reads for each application right now, without changing anything (a copy of both stores). */
async function readsNow(shared: MapBackend, state: MapMemento): Promise<(string | undefined)[]> {
  const secrets = new MapBackend();
  for (const [k, v] of shared.values) secrets.values.set(k, v);
  const metadata = new MapMemento();
  for (const [k, v] of state.values) metadata.values.set(k, structuredClone(v));
  const store = new CredentialStore(secrets, metadata, noAsk);
  return Promise.all(apps.map((app) => store.get(app)));
}

interface RunResult {
  steps: number;
  checks: number;
}

async function twoWindows(
  seed: number,
  plant: (shared: MapBackend, state: MapMemento) => Promise<void>,
): Promise<RunResult & { shared: MapBackend; windows: WindowState[] }> {
  const schedule = new Schedule(seeded(seed));
  const shared = new MapBackend();
  const windows = [new WindowState(schedule), new WindowState(schedule)];
  [windows[0].other, windows[1].other] = [windows[1], windows[0]];
  await plant(shared, windows[0].own);
  for (const [k, v] of windows[0].own.values) windows[1].own.values.set(k, structuredClone(v));
  const stores = windows.map((w) => new CredentialStore(new SharedSecrets(shared, schedule), w, noAsk));
  let checks = 0;
  const check = async (when: string): Promise<void> => {
    for (const [i, w] of windows.entries()) {
      const reads = await readsNow(shared, w.own);
      checks++;
      apps.forEach((app, j) => assert.strictEqual(reads[j], app.secret, `seed ${seed}, ${when}: window ${i + 1} cannot read ${app.label}`));
    }
  };
  await schedule.run(
    stores.map((store) => moveLegacyCredentials(store, apps)),
    () => check(`step ${schedule.steps}`),
  );
  schedule.deliverAll();
  await check('after both moves, every write delivered');
  // The next start of each window (one after the other): the re-check links again what the other's state dropped.
  for (const w of windows) await moveLegacyCredentials(new CredentialStore(shared, w.own, noAsk), apps);
  for (const [i, w] of windows.entries()) {
    const store = new CredentialStore(shared, w.own, noAsk);
    for (const app of apps) {
      assert.ok(store.recordFor(app), `seed ${seed}: window ${i + 1} has ${app.label} linked after the next start`);
      assert.strictEqual(await store.get(app), app.secret, `seed ${seed}: window ${i + 1} reads ${app.label} after the next start`);
    }
  }
  return { steps: schedule.steps, checks, shared, windows };
}

const SEEDS = 300;

describe('Two windows moving the same stored secrets at once', function () {
  this.timeout(120_000);

  it(`loses no credential in ${SEEDS} seeded interleavings of two windows' moves, checked after every step`, async () => {
    let steps = 0;
    let checks = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const run = await twoWindows(seed, async (shared) => {
        for (const app of apps) await shared.store(legacyKey(app), app.secret);
      });
      steps += run.steps;
      checks += run.checks;
      assert.deepStrictEqual(
        [...run.shared.values.keys()].filter((k) => k.startsWith('appKeys.credential:')),
        [],
        `seed ${seed}: no per-application secret left after the next start`,
      );
      const ids = run.windows.map((w) => apps.map((app) => new CredentialStore(run.shared, w.own, noAsk).recordFor(app)?.id));
      assert.deepStrictEqual(ids[0], ids[1], `seed ${seed}: both windows link each application to the same credential`);
    }
    console.log(`      ${SEEDS} runs, ${steps} interleaved steps, ${checks} reads of all ${apps.length} applications: none lost`);
  });

  it(`re-keys credentials stored under earlier versions' keys (appKeys.secret:<platform>:<origin>:<id>) in ${SEEDS} interleavings, losing none`, async () => {
    let steps = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const run = await twoWindows(seed, async (shared, state) => {
        // What earlier versions left: one credential per origin and secret, keys with ':' between origin and ID, links keyed so too.
        const ids = new Map<string, string>();
        const credentials: object[] = [];
        const uses: Record<string, string> = {};
        for (const app of apps) {
          const same = `${app.platform} ${app.origin} ${app.clientId ?? ''} ${app.secret}`;
          let id = ids.get(same);
          if (!id) {
            id = `0000000${ids.size}-0000-4000-8000-00000000000${ids.size}`;
            ids.set(same, id);
            credentials.push({ id, platform: app.platform, origin: app.origin, clientId: app.clientId, label: app.label });
            await shared.store(`appKeys.secret:${app.platform}:${app.origin}:${id}`, app.secret);
          }
          uses[`${app.platform}:${app.origin}:${app.applicationId}`] = id;
        }
        await state.update(CREDENTIALS_METADATA_KEY, { credentials, uses, moved: Object.keys(uses) });
      });
      steps += run.steps;
      const left = [...run.shared.values.keys()].filter((k) => /^appKeys\.secret:[a-z]+:/.test(k));
      assert.deepStrictEqual(left, [], `seed ${seed}: every secret re-keyed, no key of the old form left`);
    }
    console.log(`      ${SEEDS} runs, ${steps} interleaved steps: every credential re-keyed, none lost`);
  });
});
