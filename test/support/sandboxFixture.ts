// The one set-up of the suites that need a sandbox (unit and the sandbox's own): one sandbox on
// loopback for the suite, its seed state back before each test, closed after.
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox';

export interface SandboxFixture {
  sandbox: Sandbox;
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
