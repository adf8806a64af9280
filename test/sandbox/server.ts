// startSandbox(): a real HTTPS server on 127.0.0.1 (with an authority made for it, unless the caller
// brings a certificate; plain HTTP only when asked for) answering like the imitated platforms, recording every request, with switchable fault modes (faults.ts),
// reset() and a close() that also ends keep-alive and hung sockets so test
// runners can exit by themselves.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createTestAuthority, type ServerCertificate } from '../support/testCertificates';
import {
  echoFault,
  FaultInjector,
  isProcessingFault,
  resetConnection,
  statusFault,
  writeFaultyResponse,
  writeHtml502,
  writeRedirect,
  type FaultKind,
  type SandboxFaults,
} from './faults';
import { listenOnLoopback, trackSockets } from './loopback';
import { RateLimiter, type RateLimit } from './rateLimit';
import { BodyTooLargeError, bodyForLog, readRawBody, writeResponse } from './http-util';
import { createElasticPathRouter } from './elasticpath/router';
import { createLosantRouter } from './losant/router';
import type { PlatformRouter, SandboxResponse } from './platform';
import type { ExtraDevices } from './losant/seed';
import { createSandboxState, resetSandboxState, type SandboxExtraKeys, type SandboxState } from './state';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** The status the client saw in the headers; 0 while unanswered and when the connection was reset. */
  status: number;
  /** The injected fault, if any (see README "Fault modes"). */
  fault?: FaultKind;
  /** True once the request reached its platform router, i.e. it may have changed state. */
  processed: boolean;
  /**
   * Which credential was used, never the token or secret itself: Losant a SANDBOX_TOKENS name or
   * "apiToken:<id>"; Elastic Path "ep:<application key id>" (":implicit" appended for implicit tokens).
   */
  tokenName?: string;
}

export interface Sandbox {
  /** https://127.0.0.1:port (http:// when started with plainHttp). */
  readonly url: string;
  readonly port: number;
  /** The authority that signed the sandbox's certificate, PEM, when the sandbox made one itself; a client trusts it to connect. */
  readonly caPem?: string;
  /** Every request in arrival order; status is filled in once answered. */
  readonly requests: RecordedRequest[];
  readonly state: SandboxState;
  /** Delay before each answer, for tests of time limits and cancellation (0 = none). Alias of faults.latencyMs. */
  latencyMs: number;
  /**
   * Fault modes, mutable in place (`sandbox.faults.failNext = ['reset']`) or replaced with a partial
   * configuration (`sandbox.faults = { rate: 0.2, kinds: ['status503'], seed: 7 }`; missing fields take
   * their defaults, and the seeded sequence restarts). Assigning validates and throws on nonsense.
   */
  get faults(): SandboxFaults;
  set faults(value: Partial<SandboxFaults>);
  /** A request-rate limit: over it, 429 with Retry-After, not processed (undefined: none; reset() clears it). */
  rateLimit: RateLimit | undefined;
  /** Requests answered 429 by the rate limit since it was set. */
  readonly rateLimited: number;
  /** How many faults of each kind were injected since start or reset(). */
  readonly faultCounts: Readonly<Record<FaultKind, number>>;
  /** Seed data again, empty request log, no faults (latency 0), fault counts 0. */
  reset(): void;
  close(): Promise<void>;
}

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** The certificate to serve HTTPS with (its authority is the caller's to give clients); default: one made for this sandbox. */
  tls?: ServerCertificate;
  /** Plain HTTP instead of HTTPS: only for tests that say so (the service's unit tests on loopback). */
  plainHttp?: boolean;
  /** Generated keys: { applicationId, count } for Losant, { platform: 'elasticpath', count } for the EP store. */
  extraKeys?: SandboxExtraKeys[];
  /** Generated devices: { applicationId, count } (Losant). */
  extraDevices?: ExtraDevices[];
  /** Called after each request is answered (the CLI uses it as its request log). */
  onRequest?: (request: RecordedRequest) => void;
  /** Keep no request log (benchmarks: millions of requests must not grow the heap). */
  recordRequests?: boolean;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = { extraKeys: options.extraKeys, extraDevices: options.extraDevices };
  const state = createSandboxState(seed);
  // Elastic Path owns /oauth/ and /v2/; Losant, last, owns every path nobody else claims.
  const routers: PlatformRouter[] = [createElasticPathRouter(state.elasticpath, () => sandbox.url), createLosantRouter(state.losant)];
  const requests: RecordedRequest[] = [];
  const injector = new FaultInjector();
  const limiter = new RateLimiter();
  // Assigned once listening; respond() reads its url through the Elastic Path router.
  let sandbox = {} as Sandbox;

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      status: 0,
      processed: false,
    };
    if (options.recordRequests !== false) requests.push(record);
    const router = routers.find((candidate) => candidate.owns(url.pathname)) ?? routers[routers.length - 1];
    // Decided on arrival, so the seeded sequence follows arrival order whatever the latency.
    let fault: FaultKind | undefined;
    let faultConfigError: string | undefined;
    try {
      fault = injector.pick(method, url.pathname);
    } catch (err) {
      faultConfigError = err instanceof Error ? err.message : String(err);
    }
    if (fault !== undefined) record.fault = fault;
    const retryAfter = limiter.take();
    if (retryAfter !== undefined) {
      // Turned away on arrival, before the body is read or anything is processed.
      const limited = router.error(429, 'TooManyRequests', 'Too many requests (sandbox rate limit)');
      record.status = 429;
      writeResponse(res, { ...limited, headers: { ...limited.headers, 'Retry-After': String(retryAfter) } });
      options.onRequest?.(record);
      return;
    }
    const faults = injector.faults;
    if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));
    let response: SandboxResponse | undefined;
    let rawBody = '';
    try {
      rawBody = await readRawBody(req);
      record.body = bodyForLog(rawBody, req.headers['content-type']);
    } catch (err) {
      response =
        err instanceof BodyTooLargeError
          ? router.error(413, 'PayloadTooLarge', err.message)
          : router.error(500, 'InternalError', err instanceof Error ? err.message : String(err));
    }
    if (fault !== undefined && !isProcessingFault(fault)) {
      // Answered before the platform sees the request: no state changes.
      if (fault === 'reset') {
        resetConnection(req);
      } else if (fault === 'html') {
        record.status = 502;
        writeHtml502(res);
      } else if (fault === 'redirect') {
        record.status = 307;
        writeRedirect(req, res);
      } else if (fault === 'echo') {
        const echoed = echoFault(req, rawBody, faults, (st, t, m) => router.error(st, t, m));
        record.status = echoed.status;
        writeResponse(res, echoed);
      } else {
        const injected = statusFault(fault, faults, (s, t, m) => router.error(s, t, m));
        record.status = injected.status;
        writeResponse(res, injected);
      }
      options.onRequest?.(record);
      return;
    }
    if (response === undefined && faultConfigError !== undefined) {
      response = router.error(500, 'InternalError', faultConfigError);
    }
    if (response === undefined) {
      record.processed = true;
      try {
        // ignoreQuery: a server that does not know Losant's advanced `query` answers as if it was not sent.
        const query = new URLSearchParams(url.searchParams);
        if (faults.ignoreQuery) query.delete('query');
        response = await router.handle({ method, path: url.pathname, query, headers: req.headers, rawBody });
      } catch (err) {
        response = router.error(500, 'InternalError', err instanceof Error ? err.message : String(err));
      }
    }
    if (response.principalName !== undefined) record.tokenName = response.principalName;
    if (fault !== undefined) {
      record.status = writeFaultyResponse(fault, req, res, response);
    } else {
      record.status = response.status;
      writeResponse(res, response);
    }
    options.onRequest?.(record);
  }

  const handler = (req: IncomingMessage, res: ServerResponse) => void respond(req, res);
  let caPem: string | undefined;
  let server: Server;
  if (options.plainHttp) server = createServer(handler);
  else {
    let certificate = options.tls;
    if (!certificate) {
      const authority = createTestAuthority('App Keys sandbox');
      certificate = authority.server;
      caPem = authority.caPem;
    }
    server = createHttpsServer({ key: certificate.key, cert: certificate.cert }, handler);
  }
  const sockets = trackSockets(server);
  // 127.0.0.1 only: the sandbox hands out working credentials to anyone who can reach it.
  const port = await listenOnLoopback(server, options.port ?? 0);
  sandbox = {
    get latencyMs() {
      return injector.faults.latencyMs;
    },
    set latencyMs(value: number) {
      injector.faults.latencyMs = value;
    },
    get faults(): SandboxFaults {
      return injector.faults;
    },
    set faults(value: Partial<SandboxFaults>) {
      injector.faults = value;
    },
    faultCounts: injector.counts,
    get rateLimit(): RateLimit | undefined {
      return limiter.current;
    },
    set rateLimit(value: RateLimit | undefined) {
      limiter.set(value);
    },
    get rateLimited(): number {
      return limiter.refused;
    },
    url: `${options.plainHttp ? 'http' : 'https'}://127.0.0.1:${port}`,
    port,
    caPem,
    requests,
    state,
    reset() {
      resetSandboxState(state, seed);
      requests.length = 0;
      injector.reset();
      limiter.set(undefined);
    },
    close: sockets.close,
  };
  return sandbox;
}
