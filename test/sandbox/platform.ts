// The contract between the HTTP server and one imitated platform (Losant, Elastic
// Path). The server owns sockets, body reading and request recording; a platform
// only turns a fully-read request into a response, so another platform is one more
// PlatformRouter beside these.
import type { IncomingHttpHeaders } from 'node:http';

export interface SandboxRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The whole request body as text ('' when there was none). */
  rawBody: string;
}

export interface SandboxResponse {
  status: number;
  /** Serialised as JSON; undefined means an empty body. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Which credential made the request, for the request log (never the secret itself). */
  principalName?: string;
}

export interface PlatformRouter {
  readonly name: string;
  /** True when this platform answers the path (the last router is the fallback). */
  owns(path: string): boolean;
  handle(request: SandboxRequest): Promise<SandboxResponse> | SandboxResponse;
  /** Formats an error the server itself detects (body too large, crash) in this platform's error shape. */
  error(status: number, type: string, message: string): SandboxResponse;
}
