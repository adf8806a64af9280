// Which dispatcher carries requests: VS Code's http.proxy / http.noProxy / http.proxyStrictSSL when
// set, else the HTTPS_PROXY / HTTP_PROXY / NO_PROXY environment variables, else a direct connection.
import type { Dispatcher } from 'undici';
import { undici } from './undici';

export interface ProxySettings {
  /** http.proxy: e.g. http://proxy.corp:8080 (empty: use the environment). */
  proxy?: string;
  /** http.noProxy: hosts that bypass the proxy. */
  noProxy?: readonly string[];
  /** http.proxyStrictSSL: false accepts any certificate (proxies that inspect TLS). */
  strictSSL?: boolean;
}

export function createDispatcher(settings: ProxySettings, keepAlive: { keepAliveTimeout: number; connections: number; connectTimeout?: number }): Dispatcher {
  const env = process.env;
  const httpProxy = settings.proxy || env.http_proxy || env.HTTP_PROXY;
  const httpsProxy = settings.proxy || env.https_proxy || env.HTTPS_PROXY;
  const tls = settings.strictSSL === false ? { rejectUnauthorized: false } : undefined;
  // No proxy anywhere: a plain agent, with no proxy decision on every request.
  if (!httpProxy && !httpsProxy) return new (undici().Agent)({ ...keepAlive, ...(tls ? { connect: tls } : {}) });
  return new (undici().EnvHttpProxyAgent)({
    ...keepAlive,
    httpProxy: httpProxy || undefined,
    httpsProxy: httpsProxy || undefined,
    // Resolved once, here: undici would otherwise read the environment on every request.
    noProxy: settings.noProxy?.length ? settings.noProxy.join(',') : (env.no_proxy ?? env.NO_PROXY ?? ''),
    ...(tls ? { connect: tls, requestTls: tls, proxyTls: tls } : {}),
  });
}
