// The only module that talks HTTP. One keep-alive undici dispatcher per API origin (never the
// global dispatcher, which every other extension in the host shares), through the proxy when one
// is set, a time limit on every try, retries by the policy in retry.ts, cancellation that reaches
// the socket, no redirects followed, a cap on response bodies, and one log line per try.
import type { Dispatcher } from 'undici';
import { ApiError, CancelledError } from './errors';
import { maskSecrets } from './masking';
import { createDispatcher, ProxySettings } from './proxy';
import { DEFAULT_RETRY_POLICY, RetryPolicy, retryDelay } from './retry';
import { errors as undiciErrors, request } from './undici';

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
  retry?: RetryPolicy;
  proxy?: ProxySettings;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;

export class HttpClient {
  private readonly agents = new Map<string, Dispatcher>();
  timeoutMs: number;
  retry: RetryPolicy;
  private proxy: ProxySettings;
  private readonly maxBodyBytes: number;
  private readonly log?: (entry: RequestLogEntry) => void;

  constructor(options: HttpClientOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.proxy = options.proxy ?? {};
    this.log = options.log;
  }

  /** New proxy settings apply to the next request; open connections are closed. */
  setProxy(settings: ProxySettings): void {
    this.proxy = settings;
    void this.close();
  }

  async send(req: HttpRequest): Promise<HttpResponse> {
    for (let attempt = 1; ; attempt++) {
      let response: HttpResponse | undefined;
      let error: unknown;
      try {
        response = await this.sendOnce(req, attempt);
      } catch (e) {
        error = e;
      }
      const wait = retryDelay(this.retry, { method: req.method, attempt, status: response?.status, retryAfter: response?.headers['retry-after'], error });
      if (wait === undefined) {
        if (response) return response;
        throw error;
      }
      this.log?.({ method: req.method, url: `${req.path}`, status: response?.status, durationMs: 0, attempt, retryInMs: Math.round(wait), error: error instanceof Error ? maskSecrets(error.message) : undefined });
      await sleep(wait, req.signal);
    }
  }

  private async sendOnce(req: HttpRequest, attempt: number): Promise<HttpResponse> {
    const url = buildUrl(req.baseUrl, req.path, req.query);
    const where = { method: req.method, path: url.pathname };
    if (req.signal?.aborted) throw new CancelledError();
    const timeoutMs = req.timeoutMs ?? this.timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
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
    const logUrl = `${url.origin}${url.pathname}${url.search}`;
    try {
      const response = await request(this.dispatcherFor(url.origin), {
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: req.method,
        headers,
        body,
        signal,
      });
      const text = await readLimited(response.body, this.maxBodyBytes, where);
      if (response.statusCode >= 300 && response.statusCode < 400) {
        // Following a redirect could carry the credential to another origin: never.
        const location = String(response.headers.location ?? 'elsewhere');
        throw new ApiError(`${where.method} ${where.path}: the server redirected to ${location}; App Keys does not follow redirects`, {
          kind: 'bad-response', status: response.statusCode, ...where,
        });
      }
      const parsed = parseJson(text, response.statusCode, response.headers['content-type'], where);
      this.log?.({ method: req.method, url: logUrl, status: response.statusCode, durationMs: performance.now() - started, attempt });
      return { attempts: attempt, status: response.statusCode, headers: response.headers, body: parsed };
    } catch (error) {
      const failure = this.toError(error, req.signal, timeout, timeoutMs, where);
      this.log?.({ method: req.method, url: logUrl, durationMs: performance.now() - started, error: failure.message, attempt });
      throw failure;
    }
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
      dispatcher = createDispatcher(this.proxy, { keepAliveTimeout: 10_000, connections: 32 });
      this.agents.set(origin, dispatcher);
    }
    return dispatcher;
  }

  private toError(
    error: unknown,
    callerSignal: AbortSignal | undefined,
    timeout: AbortSignal,
    timeoutMs: number,
    where: { method: string; path: string },
  ): Error {
    if (error instanceof ApiError || error instanceof CancelledError) return error;
    if (callerSignal?.aborted) return new CancelledError();
    if (timeout.aborted || error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError) {
      return new ApiError(`${where.method} ${where.path} timed out after ${timeoutMs} ms`, { kind: 'timeout', ...where, cause: error });
    }
    const reason = error instanceof Error ? (error as NodeJS.ErrnoException).code ?? error.message : String(error);
    return new ApiError(maskSecrets(`${where.method} ${where.path} failed: ${reason}`), { kind: 'network', ...where, cause: error });
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

export function buildUrl(baseUrl: string, path: string, query?: HttpRequest['query']): URL {
  const base = new URL(baseUrl);
  const url = new URL(base.origin);
  url.pathname = base.pathname.replace(/\/+$/, '') + path;
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
  }
  return url;
}

/** Encodes one path segment; callers have already checked it against the platform's ID pattern. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

async function readLimited(
  body: AsyncIterable<Buffer> & { destroy(error?: Error): unknown },
  limit: number,
  where: { method: string; path: string },
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > limit) {
      body.destroy();
      throw new ApiError(`${where.method} ${where.path}: response larger than ${limit} bytes`, { kind: 'bad-response', ...where });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(
  text: string,
  status: number,
  contentType: string | string[] | undefined,
  where: { method: string; path: string },
): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    const type = String(contentType ?? 'no content type').split(';')[0];
    throw new ApiError(`${where.method} ${where.path}: the server answered ${status} with ${type}, not JSON`, {
      kind: 'bad-response',
      status,
      ...where,
    });
  }
}
