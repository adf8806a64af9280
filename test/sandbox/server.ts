// startSandbox(): a real HTTP server on 127.0.0.1 answering like the imitated
// platforms, recording every request, with reset() and a close() that also
// ends keep-alive sockets so test runners can exit by themselves.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { BodyTooLargeError, bodyForLog, readRawBody, writeResponse } from './http-util';
import { createElasticPathRouter } from './elasticpath/router';
import { createLosantRouter } from './losant/router';
import type { PlatformRouter, SandboxResponse } from './platform';
import { createSandboxState, resetSandboxState, type SandboxExtraKeys, type SandboxState } from './state';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
  /**
   * Which credential was used, never the token or secret itself: Losant a SANDBOX_TOKENS name or
   * "apiToken:<id>"; Elastic Path "ep:<application key id>" (":implicit" appended for implicit tokens).
   */
  tokenName?: string;
}

export interface Sandbox {
  readonly url: string;
  readonly port: number;
  /** Every request in arrival order; status is filled in once answered. */
  readonly requests: RecordedRequest[];
  readonly state: SandboxState;
  /** Delay before each answer, for tests of time limits and cancellation (0 = none). */
  latencyMs: number;
  reset(): void;
  close(): Promise<void>;
}

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Generated keys: { applicationId, count } for Losant, { platform: 'elasticpath', count } for the EP store. */
  extraKeys?: SandboxExtraKeys[];
  /** Called after each request is answered (the CLI uses it as its request log). */
  onRequest?: (request: RecordedRequest) => void;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = { extraKeys: options.extraKeys };
  const state = createSandboxState(seed);
  // Elastic Path owns /oauth/ and /v2/; Losant, last, owns every path nobody else claims.
  const routers: PlatformRouter[] = [
    createElasticPathRouter(state.elasticpath, () => sandbox.url),
    createLosantRouter(state.losant),
  ];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  // Assigned once listening; read by respond() for the current latency.
  let sandbox: Sandbox = { latencyMs: 0 } as Sandbox;

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      status: 0,
    };
    requests.push(record);
    const router = routers.find((candidate) => candidate.owns(url.pathname)) ?? routers[routers.length - 1];
    let response: SandboxResponse;
    if (sandbox.latencyMs > 0) await new Promise((r) => setTimeout(r, sandbox.latencyMs));
    try {
      const rawBody = await readRawBody(req);
      record.body = bodyForLog(rawBody, req.headers['content-type']);
      response = await router.handle({ method, path: url.pathname, query: url.searchParams, headers: req.headers, rawBody });
    } catch (err) {
      response = err instanceof BodyTooLargeError
        ? router.error(413, 'PayloadTooLarge', err.message)
        : router.error(500, 'InternalError', err instanceof Error ? err.message : String(err));
    }
    record.status = response.status;
    if (response.principalName !== undefined) record.tokenName = response.principalName;
    writeResponse(res, response);
    options.onRequest?.(record);
  }

  const server = createServer((req, res) => void respond(req, res));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // 127.0.0.1 only: the sandbox hands out working credentials to anyone who can reach it.
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  sandbox = {
    latencyMs: 0,
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    state,
    reset() {
      resetSandboxState(state, seed);
      requests.length = 0;
    },
    close() {
      closing ??= new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
  return sandbox;
}
