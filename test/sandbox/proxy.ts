// startProxy(): a small forwarding HTTP proxy on 127.0.0.1 for proxy-support tests. It forwards
// absolute-form requests (GET http://127.0.0.1:X/path) and CONNECT tunnels, but only to loopback
// targets (anything else is refused with 403 before any connection is attempted: tests never leave
// the machine), optionally demands Proxy-Authorization (Basic), and counts what it forwards.
import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, isIP, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { listenOnLoopback, trackSockets } from './loopback';

export interface ProxyOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** When set, requests without these Basic credentials get 407 with Proxy-Authenticate. */
  auth?: { username: string; password: string };
}

export interface ProxiedRequest {
  /** GET, POST, ... or CONNECT. */
  method: string;
  /** The absolute URL for forwarded requests, "host:port" for CONNECT. */
  target: string;
}

export interface RefusedProxyRequest extends ProxiedRequest {
  /** 400 (not absolute-form / bad target), 403 (not loopback) or 407 (no or wrong credentials). */
  status: number;
}

export interface LoopbackProxy {
  readonly url: string;
  readonly port: number;
  /** Every request forwarded (or tunnel opened), in arrival order. */
  readonly requests: ProxiedRequest[];
  /** Every request refused, with the status it got; nothing was connected for these. */
  readonly refused: RefusedProxyRequest[];
  close(): Promise<void>;
}

/** Literal loopback addresses and "localhost" only: no DNS lookups, so no way off the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.split('.')[0] === '127';
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(host);
  return false;
}

/** Where to actually connect: "localhost" is pinned to 127.0.0.1 rather than resolved. */
function connectHost(hostname: string): string {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return host === 'localhost' ? '127.0.0.1' : host;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authorization', 'proxy-authenticate', 'proxy-connection', 'te', 'trailer', 'upgrade']);

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())));
}

/** Parses "host:port" of a CONNECT request; port required. */
function parseAuthority(authority: string): { hostname: string; port: number } | undefined {
  const match = /^(\[[^\]]+\]|[^:[\]]+):(\d{1,5})$/.exec(authority);
  if (!match) return undefined;
  const port = Number(match[2]);
  return port > 0 && port < 65536 ? { hostname: match[1], port } : undefined;
}

export async function startProxy(options: ProxyOptions = {}): Promise<LoopbackProxy> {
  const requests: ProxiedRequest[] = [];
  const refused: RefusedProxyRequest[] = [];
  const expected = options.auth ? `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64')}` : undefined;
  const authorized = (req: IncomingMessage): boolean => expected === undefined || req.headers['proxy-authorization'] === expected;

  const refusalText: Record<number, string> = {
    400: 'Bad Request',
    403: 'Forbidden',
    407: 'Proxy Authentication Required',
    502: 'Bad Gateway',
  };

  function refuse(res: ServerResponse, method: string, target: string, status: number, reason: string): void {
    refused.push({ method, target, status });
    const body = `${status} ${refusalText[status]}: ${reason}\n`;
    res.writeHead(status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(body)),
      ...(status === 407 ? { 'Proxy-Authenticate': 'Basic realm="sandbox-proxy"' } : {}),
    });
    res.end(body);
  }

  function refuseTunnel(socket: Duplex, target: string, status: number, reason: string): void {
    refused.push({ method: 'CONNECT', target, status });
    const body = `${status} ${refusalText[status]}: ${reason}\n`;
    socket.end(
      `HTTP/1.1 ${status} ${refusalText[status]}\r\n` +
        (status === 407 ? 'Proxy-Authenticate: Basic realm="sandbox-proxy"\r\n' : '') +
        `Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }

  const server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    const target = req.url ?? '';
    if (!authorized(req)) return refuse(res, method, target, 407, 'proxy credentials required');
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return refuse(res, method, target, 400, 'this is a proxy: send absolute-form request targets');
    }
    if (url.protocol !== 'http:') return refuse(res, method, target, 400, `${url.protocol} targets need CONNECT`);
    if (!isLoopbackHost(url.hostname)) return refuse(res, method, target, 403, 'only loopback targets are forwarded');
    requests.push({ method, target });
    const upstream = httpRequest({
      host: connectHost(url.hostname),
      port: url.port === '' ? 80 : Number(url.port),
      method,
      path: `${url.pathname}${url.search}`,
      headers: { ...endToEnd(req.headers), host: url.host },
      agent: false,
    });
    upstream.on('socket', track);
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEnd(answer.headers));
      answer.pipe(res);
      // The server cut the body short: cut ours too instead of ending it cleanly.
      answer.on('aborted', () => res.destroy());
      answer.on('error', () => res.destroy());
    });
    upstream.on('error', (err: NodeJS.ErrnoException) => {
      if (!res.headersSent && (err.code === 'ECONNREFUSED' || err.code === 'EADDRNOTAVAIL')) {
        refused.push({ method, target, status: 502 });
        const body = `502 Bad Gateway: ${err.code}\n`;
        res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)) });
        res.end(body);
      } else {
        // Mirror the upstream failure (reset, hang-up) so faults look the same through the proxy.
        req.socket.destroy();
      }
    });
    // The client gave up (time limit, cancel): stop waiting on the target too.
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });

  const sockets = trackSockets(server);
  const track = sockets.track;
  server.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    const target = req.url ?? '';
    client.on('error', () => client.destroy());
    if (!authorized(req)) return refuseTunnel(client, target, 407, 'proxy credentials required');
    const authority = parseAuthority(target);
    if (!authority) return refuseTunnel(client, target, 400, 'CONNECT needs host:port');
    if (!isLoopbackHost(authority.hostname)) return refuseTunnel(client, target, 403, 'only loopback targets are forwarded');
    requests.push({ method: 'CONNECT', target });
    const upstream: Socket = connect(authority.port, connectHost(authority.hostname));
    track(upstream);
    let established = false;
    upstream.on('connect', () => {
      established = true;
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => {
      if (!established) refuseTunnel(client, target, 502, 'cannot reach the target');
      else client.destroy();
    });
    upstream.on('close', () => {
      if (established) client.destroy();
    });
    client.on('close', () => upstream.destroy());
  });

  const port = await listenOnLoopback(server, options.port ?? 0);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    refused,
    close: sockets.close,
  };
}
