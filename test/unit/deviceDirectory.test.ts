// An application's devices, loaded at the first need (every page), kept for the session, one load
// shared by concurrent askers; a refused load is not kept.
import * as assert from 'assert';
import { DeviceDirectory } from '../../src/core/deviceDirectory';
import { AppKeysService } from '../../src/core/service';
import { SANDBOX_APPS, SANDBOX_TOKENS } from '../sandbox';
import { useSandbox } from '../support/sandboxFixture';

const app = SANDBOX_APPS.emptyApp;

describe('Device directory (against the sandbox)', () => {
  const h = useSandbox({ extraDevices: [{ applicationId: app.id, count: 1200 }] });
  let service: AppKeysService;
  beforeEach(() => (service = new AppKeysService({ timeoutMs: 5000 })));
  afterEach(() => service.dispose());
  const connect = (token: string) => service.forApplication({ platform: 'losant', applicationId: app.id, apiUrl: h.sandbox.url }, token);
  const deviceLists = () => h.sandbox.requests.filter((r) => r.path.endsWith('/devices')).length;

  it('loads every page once, shares one load between concurrent askers, and keeps it for the session', async () => {
    const directory = new DeviceDirectory();
    const client = connect(SANDBOX_TOKENS.full);
    const [a, b] = await Promise.all([directory.devices(client), directory.devices(client)]);
    assert.strictEqual(a, b);
    assert.strictEqual(a.devices.length, 1200);
    assert.strictEqual(deviceLists(), 2, 'two pages of 1,000');
    assert.strictEqual(a.get(a.devices[5].id)?.name, 'Device 00006');
    assert.deepStrictEqual([...a.tags().keys()], ['batch', 'zone']);
    assert.deepStrictEqual(a.tags().get('zone'), ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    await directory.devices(client);
    assert.strictEqual(deviceLists(), 2, 'no request the second time');
    directory.forget(client.app.identity);
    await directory.devices(client);
    assert.strictEqual(deviceLists(), 4, 'forgotten: loaded again');
  });

  it('does not keep a refusal: with a token that may list devices, the next ask succeeds', async () => {
    const directory = new DeviceDirectory();
    const refused = connect(SANDBOX_TOKENS.keysReadOnly);
    await assert.rejects(directory.devices(refused), /all\.Device\.read/);
    assert.strictEqual(await directory.cached(refused.app.identity), undefined);
    const index = await directory.devices(connect(SANDBOX_TOKENS.full));
    assert.strictEqual(index.devices.length, 1200);
  });
});
