// The only module that talks HTTP. One keep-alive undici dispatcher per API origin (never the
// global dispatcher, which every other extension in the host shares), through the proxy when one
// is set, a time limit on every try, retries by the policy in retry.ts, cancellation that reaches
// the socket, no redirects followed, a cap on response bodies, and one log line per try.
import * as l10n from '@vscode/l10n';
import type { Dispatcher } from 'undici';
import { ApiError, CancelledError } from './errors';
import { checkJsonDepth } from './jsonDepth';
import { maskSecrets } from './masking';
import { describeNetworkError } from './networkErrors';
import { configuredProxy, createDispatcher, ProxySettings, uncheckedProxy } from './proxy';
import { RateGate } from './rateGate';
import { DEFAULT_RETRY_POLICY, RetryPolicy, retryAfterMs, retryDelay } from './retry';
import { request, undici } from './undici';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The API's base URL, e.g. https://api.losant.com (a path prefix is kept). */
  baseUrl: string;
  /** Path below the base URL, built from checked segments only. */
  path: string;
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as application/x-www-form-urlencoded. */
  form?: Record<string, string>;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface HttpResponse {
  /** How many tries it took (1 = the first). */
  attempts: number;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body; undefined for an empty body. */
  body: unknown;
}

export interface RequestLogEntry {
  method: string;
  url: string;
  status?: number;
  durationMs: number;
  error?: string;
  attempt: number;
  /** Set when another try follows, after this many milliseconds. */
  retryInMs?: number;
}

export interface HttpClientOptions {
  timeoutMs?: number;
  maxBodyBytes?: number;
  log?: (entry: RequestLogEntry) => void;
  /** Once per proxy setting: something the user should know about how App Keys connects (certificate checks off). */
  notice?: (message: string) => void;
  retry?: RetryPolicy;
  proxy?: ProxySettings;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;
const MAX_JSON_DEPTH = 64;

export class HttpClient {
  private readonly agents = new Map<string, Dispatcher>();
  private readonly bases = new Map<string, { origin: string; prefix: string }>();
  /** One pace per origin, shared by every request to it (rateGate.ts). */
  private readonly gates = new Map<string, RateGate>();
  timeoutMs: number;
  retry: RetryPolicy;
  private proxy: ProxySettings;
  private readonly maxBodyBytes: number;
  private readonly log?: (entry: RequestLogEntry) => void;
  private readonly notice?: (message: string) => void;
  private noticed = false;

  constructor(options: HttpClientOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.proxy = options.proxy ?? {};
    this.log = options.log;
    this.notice = options.notice;
  }

  /** New proxy settings apply to the next request; open connections are closed. */
  setProxy(settings: ProxySettings): void {
    this.proxy = settings;
    this.noticed = false;
    void this.close();
  }

  async send(req: HttpRequest): Promise<HttpResponse> {
    const gate = this.gateFor(this.base(req.baseUrl).origin);
    for (let attempt = 1; ; attempt++) {
      let response: HttpResponse | undefined;
      let error: unknown;
      const wait = gate.reserve();
      if (wait > 0) await sleep(wait, req.signal);
      const sentAt = performance.now();
      try {
        response = await this.sendOnce(req, attempt);
      } catch (e) {
        error = e;
      }
      if (response) gate.answered(sentAt, response.status, response.status === 429 ? retryAfterMs(response.headers['retry-after']) : undefined);
      const delay = retryDelay(this.retry, { method: req.method, attempt, status: response?.status, retryAfter: response?.headers['retry-after'], error });
      if (delay === undefined) {
        if (response) return response;
        throw error;
      }
      this.log?.({
        method: req.method,
        url: `${req.path}`,
        status: response?.status,
        durationMs: 0,
        attempt,
        retryInMs: Math.round(delay),
        error: error instanceof Error ? maskSecrets(error.message) : undefined,
      });
      await sleep(delay, req.signal);
    }
  }

  private async sendOnce(req: HttpRequest, attempt: number): Promise<HttpResponse> {
    const { origin, path } = this.target(req);
    const where = { method: req.method, path: path.split('?')[0] };
    if (req.signal?.aborted) throw new CancelledError();
    const timeoutMs = req.timeoutMs ?? this.timeoutMs;
    let timedOut = false;
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
    let body: string | undefined;
    if (req.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.json);
    } else if (req.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(req.form).toString();
    }
    const started = performance.now();
    const logUrl = `${origin}${path}`;
    // One clock for the whole try, from connecting to the last byte: undici's own timers start at
    // the headers (and its connect limit is fixed at 10 s), and 1xx answers keep them waiting. The
    // race ends the try at once; aborting the request then frees the socket.
    const controller = new TryAbort();
    let stop!: (reason: unknown) => void;
    const stopped = new Promise<never>((_resolve, reject) => (stop = reject));
    stopped.catch(() => undefined);
    const timer = setTimeout(() => {
      timedOut = true;
      stop(new (undici().errors.HeadersTimeoutError)());
      controller.abort(new (undici().errors.RequestAbortedError)());
    }, timeoutMs);
    const onCallerAbort = (): void => {
      stop(new CancelledError());
      controller.abort(new (undici().errors.RequestAbortedError)());
    };
    req.signal?.addEventListener('abort', onCallerAbort, { once: true });
    try {
      const sent = request(this.dispatcherFor(origin), {
        origin,
        path,
        method: req.method,
        headers,
        body,
        signal: controller,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      // Until the headers come, undici may not act on an abort (a handshake in progress): race it.
      // After, the abort destroys the body, which ends the read below at once.
      const response = await Promise.race([sent, stopped]);
      response.body.on('error', () => undefined);
      const text = await readLimited(response.body, response.headers['content-length'], this.maxBodyBytes, where);
      if (response.statusCode >= 300 && response.statusCode < 400) {
        // Following a redirect could carry the credential to another origin: never.
        const location = String(response.headers.location ?? l10n.t('elsewhere'));
        throw new ApiError(l10n.t('{0} {1}: the server redirected to {2}; App Keys does not follow redirects', where.method, where.path, location), {
          kind: 'bad-response',
          status: response.statusCode,
          ...where,
        });
      }
      const parsed = parseJson(text, response.statusCode, response.headers['content-type'], where);
      this.log?.({ method: req.method, url: logUrl, status: response.statusCode, durationMs: performance.now() - started, attempt });
      return { attempts: attempt, status: response.statusCode, headers: response.headers, body: parsed };
    } catch (error) {
      const failure = this.toError(error, req.signal, timedOut, timeoutMs, where, origin);
      this.log?.({ method: req.method, url: logUrl, durationMs: performance.now() - started, error: failure.message, attempt });
      throw failure;
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  /** Origin and path (with query) of a request; base URLs are parsed once. */
  private target(req: HttpRequest): { origin: string; path: string } {
    const base = this.base(req.baseUrl);
    let path = `${base.prefix}${req.path}`;
    if (req.query) {
      const query = new URLSearchParams();
      for (const [name, value] of Object.entries(req.query)) if (value !== undefined && value !== '') query.set(name, String(value));
      const text = query.toString();
      if (text) path += `?${text}`;
    }
    return { origin: base.origin, path };
  }

  private base(baseUrl: string): { origin: string; prefix: string } {
    let base = this.bases.get(baseUrl);
    if (!base) {
      const url = new URL(baseUrl);
      base = { origin: url.origin, prefix: url.pathname.replace(/\/+$/, '') };
      this.bases.set(baseUrl, base);
    }
    return base;
  }

  /** The pace of requests to `origin` (created unpaced). */
  gateFor(origin: string): RateGate {
    let gate = this.gates.get(origin);
    if (!gate) this.gates.set(origin, (gate = new RateGate()));
    return gate;
  }

  /** Closes every keep-alive connection; the client can still be used afterwards. */
  async close(): Promise<void> {
    const agents = [...this.agents.values()];
    this.agents.clear();
    await Promise.all(agents.map((agent) => agent.close()));
  }

  private dispatcherFor(origin: string): Dispatcher {
    let dispatcher = this.agents.get(origin);
    if (!dispatcher) {
      // Connecting is bounded like the rest of the try (undici's own limit is 10 s).
      dispatcher = createDispatcher(this.proxy, { keepAliveTimeout: 10_000, connections: 32, connectTimeout: this.timeoutMs });
      this.agents.set(origin, dispatcher);
      const unchecked = this.noticed ? undefined : uncheckedProxy(this.proxy, new URL(origin).protocol);
      if (unchecked !== undefined) {
        this.noticed = true;
        this.notice?.(
          `Certificate checks are off on connections through the proxy ${unchecked} (http.proxyStrictSSL is false); direct connections are still checked`,
        );
      }
    }
    return dispatcher;
  }

  private toError(
    error: unknown,
    callerSignal: AbortSignal | undefined,
    timedOut: boolean,
    timeoutMs: number,
    where: { method: string; path: string },
    origin: string,
  ): Error {
    if (error instanceof ApiError || error instanceof CancelledError) return error;
    if (callerSignal?.aborted) return new CancelledError();
    const { host, protocol } = new URL(origin);
    if (timedOut || error instanceof undici().errors.HeadersTimeoutError || error instanceof undici().errors.BodyTimeoutError) {
      return new ApiError(
        l10n.t(
          '{0} {1} timed out after {2} ms: {3} did not answer in time (the limit is the setting appKeys.requestTimeoutSeconds)',
          where.method,
          where.path,
          timeoutMs,
          host,
        ),
        { kind: 'timeout', ...where, cause: error },
      );
    }
    const proxy = configuredProxy(this.proxy, protocol);
    const proxyCredentials = !!this.proxy.proxyAuthorization || /^[a-z]+:\/\/[^/@]+@/i.test(proxy ?? '');
    const described = describeNetworkError(error, { origin, proxy, proxyCredentials, timeoutMs });
    const reason = described ?? `${host}: ${error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error)}`;
    return new ApiError(maskSecrets(l10n.t('{0} {1} failed. {2}', where.method, where.path, reason)), { kind: 'network', ...where, cause: error });
  }
}

/**
 * The smallest abort signal undici takes (an emitter with one `abort` listener): an AbortController
 * per try, an EventTarget, cost about 15% of the throughput of small requests.
 */
class TryAbort {
  aborted = false;
  reason: unknown;
  private listener?: () => void;

  on(_event: 'abort', listener: () => void): this {
    this.listener = listener;
    return this;
  }
  once(event: 'abort', listener: () => void): this {
    return this.on(event, listener);
  }
  removeListener(): this {
    this.listener = undefined;
    return this;
  }
  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const listener = this.listener;
    this.listener = undefined;
    listener?.();
  }
}

/** Waits, unless cancelled first (then CancelledError at once). */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CancelledError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Encodes one path segment; callers have already checked it against the platform's ID pattern. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

async function readLimited(
  body: { text(): Promise<string>; destroy(error?: Error): unknown; on(event: 'error', listener: () => void): unknown } & AsyncIterable<Buffer>,
  contentLength: string | string[] | undefined,
  limit: number,
  where: { method: string; path: string },
): Promise<string> {
  const tooLarge = (): ApiError => {
    // Stop reading; the abort undici reports for the dropped body is expected, not an error.
    body.on('error', () => undefined);
    body.destroy();
    return new ApiError(l10n.t('{0} {1}: response larger than {2} bytes', where.method, where.path, limit), { kind: 'bad-response', ...where });
  };
  const declared = Number(Array.isArray(contentLength) ? contentLength[0] : contentLength);
  if (Number.isFinite(declared)) {
    // undici holds the body to its declared length: read it whole.
    if (declared > limit) throw tooLarge();
    return body.text();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string, status: number, contentType: string | string[] | undefined, where: { method: string; path: string }): unknown {
  if (text.trim() === '') return undefined;
  // No API here nests deeper than a few levels: refuse before parsing, not after the host froze.
  if (checkJsonDepth(text, MAX_JSON_DEPTH) !== undefined) {
    throw new ApiError(
      l10n.t("{0} {1}: the server's answer is nested deeper than {2} levels; App Keys does not read it", where.method, where.path, MAX_JSON_DEPTH),
      {
        kind: 'bad-response',
        status,
        ...where,
      },
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    const type = String(contentType ?? l10n.t('no content type')).split(';')[0];
    throw new ApiError(l10n.t('{0} {1}: the server answered {2} with {3}, not JSON', where.method, where.path, status, type), {
      kind: 'bad-response',
      status,
      ...where,
    });
  }
}
