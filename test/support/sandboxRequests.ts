// Requests straight to the HTTPS sandbox, as "someone else" changing things behind the extension's back, trusting
// the run's authority. Not a global fetch: in the extension host VS Code replaces it with one of its own, whose
// trust store is VS Code's business, not the test's.
import { Agent, fetch as undiciFetch } from 'undici';

export interface SandboxRequestInit {
  method: string;
  headers?: Record<string, string>;
  body?: string;
}

export class SandboxRequests {
  private readonly agent: Agent;

  /** `caPem`: the authority that signed the sandbox's certificate (none for a plain-HTTP sandbox). */
  constructor(caPem?: string) {
    this.agent = new Agent({ connect: caPem ? { ca: caPem } : {} });
  }

  fetch(url: string, init: SandboxRequestInit): Promise<Response> {
    return undiciFetch(url, { ...init, dispatcher: this.agent });
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
