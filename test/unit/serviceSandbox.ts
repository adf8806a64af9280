// Shared set-up of the unit suites that call the service module against the sandbox: one sandbox on
// loopback for the suite; before each test, its seed state back and a fresh service (closed after).
import type { HttpClientOptions } from '../../src/core/http';
import { AppKeysService, type ApplicationClient, type ApplicationRef } from '../../src/core/service';
import { startSandbox, type Sandbox } from '../sandbox';

export interface ServiceSandbox {
  sandbox: Sandbox;
  service: AppKeysService;
  /** A client for `app` (its apiUrl is the sandbox's) with `secret`. */
  connect(app: Omit<ApplicationRef, 'apiUrl'>, secret: string): ApplicationClient;
}

/** `options` is called before each test, for the service of that test. */
export function useServiceSandbox(options: () => HttpClientOptions = () => ({ timeoutMs: 5000 })): ServiceSandbox {
  const h = {
    connect: (app: Omit<ApplicationRef, 'apiUrl'>, secret: string) => h.service.forApplication({ ...app, apiUrl: h.sandbox.url }, secret),
  } as ServiceSandbox;
  before(async () => {
    h.sandbox = await startSandbox({ port: 0 });
  });
  after(async () => {
    await h.service?.dispose();
    await h.sandbox.close();
  });
  beforeEach(async () => {
    h.sandbox.reset();
    await h.service?.dispose();
    h.service = new AppKeysService(options());
  });
  return h;
}
