// The unit suites' set-up with a service: useSandbox (test/support/sandboxFixture.ts) plus a fresh
// service per test.
import type { HttpClientOptions } from '../../src/core/http';
import { AppKeysService, type ApplicationClient, type ApplicationRef } from '../../src/core/service';
import { type SandboxFixture, useSandbox } from '../support/sandboxFixture';

export interface ServiceSandbox extends SandboxFixture {
  service: AppKeysService;
  /** A client for `app` (its apiUrl is the sandbox's) with `secret`. */
  connect(app: Omit<ApplicationRef, 'apiUrl'>, secret: string): ApplicationClient;
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
