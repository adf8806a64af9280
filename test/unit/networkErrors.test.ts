// The causes tests cannot make on loopback (a DNS failure would ask a name server off the machine; a
// connect time-out needs a network that drops packets): the words for Node's and undici's own errors.
import * as assert from 'assert';
import { describeNetworkError, isSettledNetworkError } from '../../src/core/networkErrors';

function nodeError(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

describe('network errors in words', () => {
  const context = { origin: 'https://api.losant.com', timeoutMs: 30000 };

  it('names a DNS failure of the API host, and of the proxy host as the proxy', () => {
    // undici wraps Node's error: the words come from the innermost one.
    const dns = new TypeError('fetch failed', { cause: nodeError('getaddrinfo ENOTFOUND api.losant.com', { code: 'ENOTFOUND', hostname: 'api.losant.com' }) });
    assert.strictEqual(
      describeNetworkError(dns, context),
      'api.losant.com could not be found (DNS: ENOTFOUND). Check the API URL in the setting appKeys.applications and the network connection; behind a proxy, set http.proxy.',
    );
    const proxyDns = nodeError('getaddrinfo EAI_AGAIN proxy.corp', { code: 'EAI_AGAIN', hostname: 'proxy.corp' });
    assert.strictEqual(
      describeNetworkError(proxyDns, { ...context, proxy: 'http://user:secret@proxy.corp:3128' }),
      'The proxy host proxy.corp could not be found (DNS: EAI_AGAIN). Check the setting http.proxy (or HTTPS_PROXY).',
    );
  });

  it('names a connect time-out with the limit and the settings, through a proxy too', () => {
    const timeout = nodeError('Connect Timeout Error', { code: 'UND_ERR_CONNECT_TIMEOUT' });
    assert.match(describeNetworkError(timeout, context) ?? '', /^Connecting to api\.losant\.com:443 took longer than 30000 ms \(UND_ERR_CONNECT_TIMEOUT\)\./);
    assert.match(
      describeNetworkError(timeout, { ...context, proxy: 'http://proxy.corp:3128' }) ?? '',
      /api\.losant\.com:443 through the proxy proxy\.corp:3128/,
    );
  });

  it('never shows proxy credentials, and leaves errors that are not the network to others', () => {
    const refused = nodeError('connect ECONNREFUSED 10.0.0.1:3128', { code: 'ECONNREFUSED', address: '10.0.0.1', port: 3128 });
    const text = describeNetworkError(refused, { ...context, proxy: 'http://user:s3cret@10.0.0.1:3128' }) ?? '';
    assert.match(text, /^The proxy 10\.0\.0\.1:3128 refused the connection/);
    assert.ok(!text.includes('s3cret') && !text.includes('user'));
    assert.strictEqual(describeNetworkError(new Error('something else'), context), undefined);
  });

  it('tells settled failures (certificates, 407) from passing ones', () => {
    assert.strictEqual(isSettledNetworkError(nodeError('x', { code: 'CERT_HAS_EXPIRED' })), true);
    assert.strictEqual(isSettledNetworkError(new Error('Proxy response (407) !== 200 when HTTP Tunneling')), true);
    assert.strictEqual(isSettledNetworkError(nodeError('x', { code: 'ECONNREFUSED' })), false);
  });
});
