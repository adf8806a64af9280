// The certificate authorities App Keys' own dispatchers trust: what VS Code's networking trusts, which
// undici agents built by an extension do not get by themselves. Node's bundled roots and the file named
// by NODE_EXTRA_CA_CERTS, and, while VS Code's http.systemCertificates is on, the operating system's
// store (Node's tls.getCACertificates('system') where the runtime has it) and the OpenSSL-style
// SSL_CERT_FILE / SSL_CERT_DIR. One TLS context per set, made once: a `ca` list on each connection
// would parse hundreds of certificates per handshake.
import * as fs from 'fs';
import * as path from 'path';
import * as tls from 'tls';

type CertificateStore = 'default' | 'system' | 'bundled' | 'extra';
/** Node 22.15+ / 23.5+; absent in older runtimes. */
const getCACertificates = (tls as { getCACertificates?: (store: CertificateStore) => string[] }).getCACertificates;

/** Where the system's authorities are on common Linux distributions, when neither Node nor the environment says. */
const LINUX_BUNDLES = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/ca-bundle.pem', '/etc/ssl/cert.pem'];

const PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function pemsIn(file: string): string[] {
  try {
    return fs.readFileSync(file, 'utf8').match(PEM) ?? [];
  } catch {
    return []; // unreadable or gone: trust nothing from it, as OpenSSL does
  }
}

function pemsInDirectory(dir: string): string[] {
  try {
    return fs.readdirSync(dir).flatMap((name) => pemsIn(path.join(dir, name)));
  } catch {
    return [];
  }
}

/** The OpenSSL variables, read as OpenSSL reads them: a file, and a list of directories. */
function fromOpenSslVariables(env: NodeJS.ProcessEnv): string[] {
  const fromFile = env.SSL_CERT_FILE ? pemsIn(env.SSL_CERT_FILE) : [];
  const fromDirs = (env.SSL_CERT_DIR ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .flatMap((dir) => pemsInDirectory(dir));
  return [...fromFile, ...fromDirs];
}

function systemAuthorities(env: NodeJS.ProcessEnv): string[] {
  const own = fromOpenSslVariables(env);
  if (getCACertificates) return [...getCACertificates('system'), ...own];
  if (own.length || process.platform !== 'linux') return own;
  for (const bundle of LINUX_BUNDLES) {
    const found = pemsIn(bundle);
    if (found.length) return found;
  }
  return [];
}

/** Node's bundled roots and NODE_EXTRA_CA_CERTS (what Node trusts when no `ca` is given). */
function defaultAuthorities(env: NodeJS.ProcessEnv): string[] {
  if (getCACertificates) return [...getCACertificates('default'), ...(env.NODE_EXTRA_CA_CERTS ? pemsIn(env.NODE_EXTRA_CA_CERTS) : [])];
  return [...tls.rootCertificates, ...(env.NODE_EXTRA_CA_CERTS ? pemsIn(env.NODE_EXTRA_CA_CERTS) : [])];
}

/** Every authority trusted with these settings, each once. */
export function trustedAuthorities(systemCertificates: boolean, env: NodeJS.ProcessEnv = process.env): string[] {
  return [...new Set([...defaultAuthorities(env), ...(systemCertificates ? systemAuthorities(env) : [])])];
}

let cached: { key: string; context: tls.SecureContext } | undefined;

/** The TLS context for App Keys' connections; made again only when the settings or the variables change. */
export function secureContext(systemCertificates: boolean, env: NodeJS.ProcessEnv = process.env): tls.SecureContext {
  const key = JSON.stringify([systemCertificates, env.NODE_EXTRA_CA_CERTS, env.SSL_CERT_FILE, env.SSL_CERT_DIR]);
  if (cached?.key !== key) cached = { key, context: tls.createSecureContext({ ca: trustedAuthorities(systemCertificates, env) }) };
  return cached.context;
}
