// The one set-up of the suites that need a sandbox (unit and the sandbox's own): one sandbox on
// loopback for the suite, its seed state back before each test, closed after.
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox';

export interface SandboxFixture {
  sandbox: Sandbox;
}

/**
 * The returned object's `sandbox` is set before the first test. Plain HTTP unless the options say otherwise: these
 * suites test the service and the sandbox on loopback; TLS has suites of its own, and the integration and UI suites run
 * over HTTPS.
 */
export function useSandbox(options: SandboxOptions = {}): SandboxFixture {
  const h = {} as SandboxFixture;
  before(async () => {
    h.sandbox = await startSandbox({ port: 0, plainHttp: true, ...options });
  });
  after(async () => {
    await h.sandbox.close();
  });
  beforeEach(() => {
    h.sandbox.reset();
  });
  return h;
}
