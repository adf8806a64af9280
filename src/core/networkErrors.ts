// What went wrong below HTTP, in words: which certificate problem, DNS, a refused connection, the proxy
// (refused, or asking for credentials) or a connect time-out, and the setting or variable that fixes it.
// Never a bare "fetch failed" or an undici code alone: the code is kept, in brackets, for searching.
import * as l10n from '@vscode/l10n';

export interface NetworkErrorContext {
  /** The API's origin, e.g. https://api.losant.com */
  origin: string;
  /** The proxy the request may have gone through (http.proxy or the environment), credentials and all: only its host is shown. */
  proxy?: string;
  /** Whether proxy credentials were configured (in the proxy URL or http.proxyAuthorization). */
  proxyCredentials?: boolean;
  /** The connect limit, for the time-out message. */
  timeoutMs: number;
}

interface ErrorFacts {
  code?: string;
  message: string;
  hostname?: string;
  address?: string;
  port?: number;
  reason?: string;
}

const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);
const NOT_FOUND = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);

/** The innermost error with a code (undici wraps Node's), and what Node says about the socket. */
function factsOf(error: unknown): ErrorFacts {
  const chain: Array<Record<string, unknown>> = [];
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    chain.push(current as Record<string, unknown>);
    current = (current as { cause?: unknown }).cause;
  }
  const coded =
    [...chain].reverse().find((e) => typeof e.code === 'string' && !String(e.code).startsWith('UND_ERR_')) ?? chain.find((e) => typeof e.code === 'string');
  const top = chain[0] ?? {};
  const source = coded ?? top;
  return {
    code: typeof source.code === 'string' ? source.code : undefined,
    message: typeof top.message === 'string' ? top.message : String(error),
    hostname: typeof source.hostname === 'string' ? source.hostname : undefined,
    address: typeof source.address === 'string' ? source.address : undefined,
    port: typeof source.port === 'number' ? source.port : undefined,
    reason: typeof source.reason === 'string' ? source.reason : undefined,
  };
}

const PROXY_AUTHENTICATION = /Proxy Authentication Required|Proxy response \(407\)/;

/**
 * A failure that another try would only repeat: the certificate is what it is, the proxy wants other
 * credentials. (Refused connections and DNS can be passing; retry.ts decides about those.)
 */
export function isSettledNetworkError(error: unknown): boolean {
  const facts = factsOf(error);
  const code = facts.code ?? '';
  return (
    UNTRUSTED.has(code) ||
    code === 'CERT_HAS_EXPIRED' ||
    code === 'CERT_NOT_YET_VALID' ||
    code === 'ERR_TLS_CERT_ALTNAME_INVALID' ||
    PROXY_AUTHENTICATION.test(facts.message)
  );
}

function hostOf(url: string | undefined): { host: string; hostname: string; port: string } | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
    return { host: `${parsed.hostname}:${port}`, hostname: parsed.hostname.replace(/^\[(.*)\]$/, '$1'), port };
  } catch {
    return undefined;
  }
}

/** Says what failed and what fixes it; `undefined` when the error is not one of the network's own. */
export function describeNetworkError(error: unknown, context: NetworkErrorContext): string | undefined {
  const facts = factsOf(error);
  const api = hostOf(context.origin)?.host ?? context.origin;
  const proxy = hostOf(context.proxy);
  const code = facts.code ?? '';
  const isProxy = (hostname?: string, port?: number) =>
    !!proxy && ((hostname !== undefined && hostname === proxy.hostname) || (port !== undefined && String(port) === proxy.port && !api.endsWith(`:${port}`)));

  // 407: the proxy wants credentials (undici: "Proxy Authentication Required (407)" or "Proxy response (407) !== 200 when HTTP Tunneling").
  const tunnel = /Proxy response \((\d{3})\)/.exec(facts.message);
  if (PROXY_AUTHENTICATION.test(facts.message) && proxy) {
    return context.proxyCredentials
      ? l10n.t(
          'The proxy {0} refused the credentials it was given (407 Proxy Authentication Required). Check the user name and password in the proxy URL (the setting http.proxy, or HTTPS_PROXY) or the setting http.proxyAuthorization.',
          proxy.host,
        )
      : l10n.t(
          'The proxy {0} wants credentials (407 Proxy Authentication Required). Put them in the proxy URL (the setting http.proxy, or HTTPS_PROXY: http://user:password@host:port) or in the setting http.proxyAuthorization.',
          proxy.host,
        );
  }
  if (tunnel && proxy) {
    return l10n.t(
      'The proxy {0} refused to open a connection to {1} (it answered {2}). Check the setting http.proxy (or HTTPS_PROXY) and http.noProxy.',
      proxy.host,
      api,
      tunnel[1],
    );
  }
  if (UNTRUSTED.has(code)) {
    return l10n.t(
      "{0}'s certificate is not from an authority App Keys trusts ({1}). If your network inspects TLS, add its authority to the operating system's store (with the setting http.systemCertificates on) or to the file named by the NODE_EXTRA_CA_CERTS variable, then reload the window.",
      api,
      code,
    );
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return l10n.t(
      "{0}'s certificate is not valid now ({1}). Check this computer's date and time; if they are right, the server's certificate must be renewed by its owner.",
      api,
      code,
    );
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return l10n.t(
      "{0}'s certificate is for another host name ({1}). Check the API URL in the setting appKeys.applications; a proxy that inspects TLS can also cause this.",
      api,
      facts.reason ?? code,
    );
  }
  if (NOT_FOUND.has(code)) {
    if (isProxy(facts.hostname))
      return l10n.t('The proxy host {0} could not be found (DNS: {1}). Check the setting http.proxy (or HTTPS_PROXY).', proxy!.hostname, code);
    return l10n.t(
      '{0} could not be found (DNS: {1}). Check the API URL in the setting appKeys.applications and the network connection; behind a proxy, set http.proxy.',
      facts.hostname ?? api,
      code,
    );
  }
  if (code === 'ECONNREFUSED') {
    if (isProxy(facts.address, facts.port))
      return l10n.t('The proxy {0} refused the connection (ECONNREFUSED). Check the setting http.proxy (or HTTPS_PROXY).', proxy!.host);
    return l10n.t(
      '{0} refused the connection (ECONNREFUSED): nothing answers there. Check the API URL in the setting appKeys.applications; behind a proxy, set http.proxy.',
      api,
    );
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || /other side closed/.test(facts.message)) {
    return l10n.t(
      'The connection to {0} was closed before the answer was complete ({1}). A proxy or firewall can do this; check http.proxy, or try again.',
      api,
      code || facts.message,
    );
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
    return l10n.t(
      'Connecting to {0} took longer than {1} ms ({2}). Check the network connection and, behind a proxy, the setting http.proxy; the limit is the setting appKeys.requestTimeoutSeconds.',
      proxy ? l10n.t('{0} through the proxy {1}', api, proxy.host) : api,
      context.timeoutMs,
      code,
    );
  }
  if (code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_') || /certificate|SSL routines|TLS/i.test(facts.message)) {
    return l10n.t('The secure connection to {0} failed ({1}).', api, code || facts.message);
  }
  return undefined;
}
