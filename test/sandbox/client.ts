// A tiny HTTP client for talking to a running sandbox from tests (Node's global fetch).
import type { Sandbox } from './server';
import { SANDBOX_TOKENS } from './losant/seed-data';

export interface SandboxReply {
  status: number;
  // Tests poke at arbitrary JSON; `any` keeps assertions readable.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}

export interface SandboxCallOptions {
  /** Bearer token; defaults to SANDBOX_TOKENS.full, null sends no Authorization header. */
  token?: string | null;
  /** JSON-serialised as the body. */
  body?: unknown;
  /** Sent verbatim instead of `body` (for malformed-JSON tests). */
  rawBody?: string;
  query?: Record<string, string | number>;
  headers?: Record<string, string>;
}

export async function callSandbox(sandbox: Pick<Sandbox, 'url'>, method: string, path: string, options: SandboxCallOptions = {}): Promise<SandboxReply> {
  const url = new URL(path, sandbox.url);
  for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, String(value));
  const token = options.token === undefined ? SANDBOX_TOKENS.full : options.token;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const response = await fetch(url, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(token !== null ? { Authorization: `Bearer ${token}` } : {}),
      ...options.headers,
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined, headers: response.headers };
}
