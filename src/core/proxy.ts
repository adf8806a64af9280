// Which dispatcher carries requests: VS Code's http.proxy / http.noProxy / http.proxyStrictSSL /
// http.proxyAuthorization when set, else the HTTPS_PROXY / HTTP_PROXY / NO_PROXY environment variables,
// else a direct connection; every TLS connection (to the API, through a tunnel, to an HTTPS proxy) with
// the authorities VS Code trusts (trust.ts).
import type { Dispatcher } from 'undici';
import { registerSecret } from './masking';
import { secureContext } from './trust';
import { undici } from './undici';

export interface ProxySettings {
  /** http.proxy: e.g. http://proxy.corp:8080 or http://user:password@proxy.corp:8080 (empty: use the environment). */
  proxy?: string;
  /** http.noProxy: hosts that bypass the proxy. */
  noProxy?: readonly string[];
  /**
   * http.proxyStrictSSL: false accepts any certificate on connections through the proxy (proxies that inspect TLS),
   * as VS Code's setting says ("whether the proxy server certificate should be verified"); direct connections,
   * hosts in noProxy included, are always checked.
   */
  strictSSL?: boolean;
  /** http.proxyAuthorization: the Proxy-Authorization header's value, e.g. "Basic dXNlcjpwYXNz"; wins over credentials in the URL. */
  proxyAuthorization?: string;
  /** http.systemCertificates (default on): trust the operating system's authorities too (trust.ts). */
  systemCertificates?: boolean;
}

/** The proxy that carries requests to an origin's scheme, as configured (the environment's when VS Code sets none). */
export function configuredProxy(settings: ProxySettings, protocol: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (settings.proxy) return settings.proxy;
  return (protocol === 'https:' ? env.https_proxy || env.HTTPS_PROXY : env.http_proxy || env.HTTP_PROXY) || undefined;
}

/** Proxy credentials are secrets: masked wherever text leaves App Keys (masking.ts). */
function registerProxySecrets(settings: ProxySettings, proxies: (string | undefined)[]): void {
  registerSecret(settings.proxyAuthorization);
  registerSecret(settings.proxyAuthorization?.replace(/^\S+\s+/, ''));
  for (const proxy of proxies) {
    if (!proxy) continue;
    try {
      const url = new URL(proxy);
      if (url.password) registerSecret(decodeURIComponent(url.password));
      if (url.username || url.password)
        registerSecret(Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64'));
    } catch {
      // not a URL: undici refuses it when the dispatcher is made, with its own message
    }
  }
}

export function createDispatcher(settings: ProxySettings, keepAlive: { keepAliveTimeout: number; connections: number; connectTimeout?: number }): Dispatcher {
  const env = process.env;
  const httpProxy = configuredProxy(settings, 'http:', env);
  const httpsProxy = configuredProxy(settings, 'https:', env);
  registerProxySecrets(settings, [httpProxy, httpsProxy]);
  const context = secureContext(settings.systemCertificates !== false, env);
  const checked = { secureContext: context };
  const throughProxy = settings.strictSSL === false ? { rejectUnauthorized: false, secureContext: context } : checked;
  // No proxy anywhere: a plain agent, with no proxy decision on every request, and certificates always checked.
  if (!httpProxy && !httpsProxy) return new (undici().Agent)({ ...keepAlive, connect: checked });
  return new (undici().EnvHttpProxyAgent)({
    ...keepAlive,
    httpProxy: httpProxy || undefined,
    httpsProxy: httpsProxy || undefined,
    // Resolved once, here: undici would otherwise read the environment on every request.
    noProxy: settings.noProxy?.length ? settings.noProxy.join(',') : (env.no_proxy ?? env.NO_PROXY ?? ''),
    ...(settings.proxyAuthorization ? { token: settings.proxyAuthorization } : {}),
    // `connect` is for the hosts that bypass the proxy; the other two for the proxy and what is tunnelled through it.
    connect: checked,
    requestTls: throughProxy,
    proxyTls: throughProxy,
  });
}

/** Where certificate checks are off (http.proxyStrictSSL false and a proxy in use): the proxy's host; undefined where they are on. */
export function uncheckedProxy(settings: ProxySettings, protocol: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (settings.strictSSL !== false) return undefined;
  const proxy = configuredProxy(settings, protocol, env);
  if (!proxy) return undefined;
  try {
    return new URL(proxy).host;
  } catch {
    return undefined;
  }
}
