// The one set-up of the unit suites that need the sandbox: one sandbox on loopback for the suite,
// its seed state back before each test, closed after. useServiceSandbox adds a fresh service per test.
import type { HttpClientOptions } from '../../src/core/http';
import { AppKeysService, type ApplicationClient, type ApplicationRef } from '../../src/core/service';
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox';

export interface SandboxFixture {
  sandbox: Sandbox;
}

export interface ServiceSandbox extends SandboxFixture {
  service: AppKeysService;
  /** A client for `app` (its apiUrl is the sandbox's) with `secret`. */
  connect(app: Omit<ApplicationRef, 'apiUrl'>, secret: string): ApplicationClient;
}

/** The returned object's `sandbox` is set before the first test. */
export function useSandbox(options: SandboxOptions = {}): SandboxFixture {
  const h = {} as SandboxFixture;
  before(async () => {
    h.sandbox = await startSandbox({ port: 0, ...options });
  });
  after(async () => {
    await h.sandbox.close();
  });
  beforeEach(() => {
    h.sandbox.reset();
  });
  return h;
}

/** `options` is called before each test, for the service of that test. */
export function useServiceSandbox(options: () => HttpClientOptions = () => ({ timeoutMs: 5000 })): ServiceSandbox {
  const h = useSandbox() as ServiceSandbox;
  h.connect = (app, secret) => h.service.forApplication({ ...app, apiUrl: h.sandbox.url }, secret);
  after(async () => {
    await h.service?.dispose();
  });
  beforeEach(async () => {
    await h.service?.dispose();
    h.service = new AppKeysService(options());
  });
  return h;
}
