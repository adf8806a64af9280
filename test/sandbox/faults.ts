// Fault injection for the sandbox: which request gets which fault (a queue, then a seeded draw),
// and the bytes each fault puts on the wire. The server asks pickFault() when a request arrives
// and, for the faults that still process the request, hands the platform's answer to
// writeFaultyResponse(). The semantics are documented in README.md ("Fault modes").
import { TLSSocket } from 'node:tls';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxResponse } from './platform';

export type FaultKind =
  'status500' | 'status502' | 'status503' | 'status429' | 'reset' | 'truncated' | 'malformed' | 'html' | 'hang' | 'resetAfterProcessing' | 'redirect' | 'echo';

export const FAULT_KINDS: readonly FaultKind[] = [
  'status500',
  'status502',
  'status503',
  'status429',
  'reset',
  'truncated',
  'malformed',
  'html',
  'hang',
  'resetAfterProcessing',
  'redirect',
  'echo',
];

/** Faults whose request still reaches the platform router (state may change). */
export type ProcessingFault = 'resetAfterProcessing' | 'truncated' | 'malformed' | 'hang';
export const PROCESSING_FAULTS: readonly ProcessingFault[] = ['resetAfterProcessing', 'truncated', 'malformed', 'hang'];

export function isProcessingFault(kind: FaultKind): kind is ProcessingFault {
  return (PROCESSING_FAULTS as readonly FaultKind[]).includes(kind);
}

export interface SandboxFaults {
  /** Added before every answer, faulty or not (0 = none). */
  latencyMs: number;
  /** 0..1: share of eligible requests that get a fault drawn from `kinds` (0 = none). */
  rate: number;
  /** Which faults to draw from when `rate` injects one (must not be empty when rate > 0). */
  kinds: FaultKind[];
  /** Only these methods are eligible (case-insensitive; default all). */
  methods?: string[];
  /** Only paths (without the query) matching this are eligible (default all). */
  pathPattern?: RegExp;
  /** Status of an echo fault's error answer (default 400). */
  echoStatus?: number;
  /** Retry-After of status429 (default 1), and of status503 when set. */
  retryAfterSeconds?: number;
  /** Seeds the draws (mulberry32) so a run repeats; without it draws use Math.random. */
  seed?: number;
  /** The next eligible requests get exactly these faults, in order, before `rate` applies. Consumed. */
  failNext?: FaultKind[];
  /** Lists answer as if their advanced `query` parameter had not been sent (a server that ignores the filter). */
  ignoreQuery?: boolean;
}

export function noFaults(): SandboxFaults {
  return { latencyMs: 0, rate: 0, kinds: [] };
}

export function emptyFaultCounts(): Record<FaultKind, number> {
  return Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;
}

/** mulberry32: a tiny, fast 32-bit PRNG; the same seed gives the same sequence in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Throws a readable error for a configuration that cannot mean what the test wants. */
export function validateFaults(faults: SandboxFaults): void {
  const problems: string[] = [];
  if (!Number.isFinite(faults.latencyMs) || faults.latencyMs < 0) problems.push(`latencyMs must be >= 0 (got ${faults.latencyMs})`);
  if (!Number.isFinite(faults.rate) || faults.rate < 0 || faults.rate > 1) problems.push(`rate must be within 0..1 (got ${faults.rate})`);
  if (!Array.isArray(faults.kinds)) problems.push('kinds must be an array');
  else if (faults.rate > 0 && faults.kinds.length === 0) problems.push('rate > 0 needs at least one kind');
  for (const kind of [...(Array.isArray(faults.kinds) ? faults.kinds : []), ...(faults.failNext ?? [])]) {
    if (!FAULT_KINDS.includes(kind)) problems.push(`unknown fault kind "${String(kind)}" (known: ${FAULT_KINDS.join(', ')})`);
  }
  const retryAfter = faults.retryAfterSeconds;
  if (retryAfter !== undefined && !(Number.isInteger(retryAfter) && retryAfter >= 0)) {
    problems.push(`retryAfterSeconds must be a whole number >= 0 (got ${retryAfter})`);
  }
  if (faults.echoStatus !== undefined && !(Number.isInteger(faults.echoStatus) && faults.echoStatus >= 400 && faults.echoStatus <= 599)) {
    problems.push(`echoStatus must be an HTTP error status (got ${faults.echoStatus})`);
  }
  if (faults.seed !== undefined && !Number.isFinite(faults.seed)) problems.push(`seed must be a number (got ${faults.seed})`);
  if (problems.length > 0) throw new Error(`Invalid sandbox faults: ${problems.join('; ')}`);
}

/**
 * Holds the live configuration and decides, at each request's arrival, whether it gets a fault.
 * The draw sequence restarts whenever `faults` is assigned, `seed` changes, or reset() is called.
 */
export class FaultInjector {
  readonly counts = emptyFaultCounts();
  private config: SandboxFaults = noFaults();
  private random: () => number = Math.random;
  private seededWith: number | undefined;

  get faults(): SandboxFaults {
    return this.config;
  }

  set faults(value: Partial<SandboxFaults>) {
    const next: SandboxFaults = { ...noFaults(), ...value };
    if (next.failNext) next.failNext = [...next.failNext];
    validateFaults(next);
    this.config = next;
    this.reseed();
  }

  reset(): void {
    this.config = noFaults();
    for (const kind of FAULT_KINDS) this.counts[kind] = 0;
    this.reseed();
  }

  /** Called once per request, in arrival order; counts the fault it returns. */
  pick(method: string, path: string): FaultKind | undefined {
    const config = this.config;
    if (config.seed !== this.seededWith) this.reseed();
    if (!this.eligible(config, method, path)) return undefined;
    let kind: FaultKind | undefined;
    if (config.failNext && config.failNext.length > 0) {
      kind = config.failNext.shift();
    } else if (config.rate > 0) {
      validateFaults(config);
      const hit = this.random() < config.rate;
      const index = hit ? Math.floor(this.random() * config.kinds.length) : -1;
      kind = hit ? config.kinds[index] : undefined;
    }
    if (kind === undefined) return undefined;
    validateFaults({ ...noFaults(), failNext: [kind] });
    this.counts[kind]++;
    return kind;
  }

  private eligible(config: SandboxFaults, method: string, path: string): boolean {
    if (config.methods && !config.methods.some((m) => m.toUpperCase() === method.toUpperCase())) return false;
    if (config.pathPattern) {
      config.pathPattern.lastIndex = 0; // a /g or /y pattern would otherwise alternate
      if (!config.pathPattern.test(path)) return false;
    }
    return true;
  }

  private reseed(): void {
    this.seededWith = this.config.seed;
    this.random = this.config.seed === undefined ? Math.random : mulberry32(this.config.seed);
  }
}

const LOSANT_TYPES: Record<number, string> = {
  500: 'InternalError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  429: 'TooManyRequests',
};

/** The status and Retry-After of a statusNNN fault; the body comes from the platform's error(). */
export function statusFault(
  kind: 'status500' | 'status502' | 'status503' | 'status429',
  faults: SandboxFaults,
  error: (status: number, type: string, message: string) => SandboxResponse,
): SandboxResponse {
  const status = Number(kind.slice('status'.length));
  const response = error(status, LOSANT_TYPES[status], `Injected fault: ${status} (sandbox)`);
  const headers: Record<string, string> = { ...response.headers };
  if (kind === 'status429') headers['Retry-After'] = String(faults.retryAfterSeconds ?? 1);
  if (kind === 'status503' && faults.retryAfterSeconds !== undefined) headers['Retry-After'] = String(faults.retryAfterSeconds);
  return { ...response, headers };
}

/**
 * A hostile server's error: the platform's error body whose message repeats everything the request
 * carried (the Authorization header with and without its scheme, the query, the raw body), as a
 * careless or malicious server might. Not processed.
 */
export function echoFault(
  req: IncomingMessage,
  rawBody: string,
  faults: SandboxFaults,
  error: (status: number, type: string, message: string) => SandboxResponse,
): SandboxResponse {
  const status = faults.echoStatus ?? 400;
  const authorization = String(req.headers.authorization ?? '');
  const bare = authorization.replace(/^Bearer\s+/i, '');
  const message = `Echo: ${req.method} ${req.url} authorization=${authorization} credential ${bare} body ${rawBody} (${JSON.stringify(rawBody)})`;
  return error(status, status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : 'Validation', message);
}

export const HTML_502_BODY =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
  '<hr><center>sandbox-lb</center>\r\n</body>\r\n</html>\r\n';

export const MALFORMED_BODY = '{"items": [';

/** A load balancer's 502 page: text/html, not the platform's JSON. */
export function writeHtml502(res: ServerResponse): void {
  res.writeHead(502, { 'Content-Type': 'text/html', 'Content-Length': String(Buffer.byteLength(HTML_502_BODY)) });
  res.end(HTML_502_BODY);
}

/** A 307 to the same path on another origin (localhost instead of 127.0.0.1): a client that followed it
 * could carry the Authorization header elsewhere. Not processed. */
export function writeRedirect(req: IncomingMessage, res: ServerResponse): void {
  const port = req.socket.localPort;
  res.writeHead(307, { Location: `http://localhost:${port}${req.url ?? '/'}`, 'Content-Length': '0' });
  res.end();
}

/** An RST on the connection (ECONNRESET on the client), without writing anything. */
export function resetConnection(req: IncomingMessage): void {
  const socket = req.socket;
  // A TLS socket cannot send a TCP reset itself (resetAndDestroy needs a TCP handle): it is destroyed.
  if (typeof socket.resetAndDestroy === 'function' && !(socket instanceof TLSSocket)) socket.resetAndDestroy();
  else socket.destroy();
}

/**
 * The answer of a processed request, damaged as `kind` says. Returns the status the client
 * sees in the headers (0 when nothing is written).
 */
export function writeFaultyResponse(kind: ProcessingFault, req: IncomingMessage, res: ServerResponse, response: SandboxResponse): number {
  if (kind === 'resetAfterProcessing') {
    resetConnection(req);
    return 0;
  }
  if (kind === 'malformed') {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(MALFORMED_BODY)) });
    res.end(MALFORMED_BODY);
    return 200;
  }
  // truncated and hang: the real answer's headers with its full Content-Length, then half its body.
  // A bodiless answer (204) becomes a 200 with a small JSON body, so there is something to cut.
  let status = response.status;
  let payload = Buffer.from(response.body === undefined ? '' : JSON.stringify(response.body));
  if (payload.length < 2) {
    status = 200;
    payload = Buffer.from(JSON.stringify({ fault: kind, originalStatus: response.status }));
  }
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    ...response.headers,
    'Content-Length': String(payload.length),
  });
  const half = payload.subarray(0, Math.floor(payload.length / 2));
  // truncated: close (FIN) once the half is on the wire, so the client reads it and then the early end.
  // hang: nothing more; the socket stays open until the client gives up or the sandbox closes.
  res.write(half, () => {
    if (kind === 'truncated') req.socket.destroy();
  });
  return status;
}
