// Which dispatcher carries requests: VS Code's http.proxy / http.noProxy / http.proxyStrictSSL when
// set, else the HTTPS_PROXY / HTTP_PROXY / NO_PROXY environment variables, else a direct connection.
import type { Dispatcher } from 'undici';
import { EnvHttpProxyAgent } from './undici';

export interface ProxySettings {
  /** http.proxy: e.g. http://proxy.corp:8080 (empty: use the environment). */
  proxy?: string;
  /** http.noProxy: hosts that bypass the proxy. */
  noProxy?: readonly string[];
  /** http.proxyStrictSSL: false accepts any certificate (proxies that inspect TLS). */
  strictSSL?: boolean;
}

export function createDispatcher(settings: ProxySettings, keepAlive: { keepAliveTimeout: number; connections: number }): Dispatcher {
  const tls = settings.strictSSL === false ? { rejectUnauthorized: false } : undefined;
  return new EnvHttpProxyAgent({
    ...keepAlive,
    ...(settings.proxy ? { httpProxy: settings.proxy, httpsProxy: settings.proxy } : {}),
    ...(settings.noProxy?.length ? { noProxy: settings.noProxy.join(',') } : {}),
    ...(tls ? { connect: tls, requestTls: tls, proxyTls: tls } : {}),
  });
}
