// A certificate authority made for one test run (node-forge), and server certificates it signs: the
// sandbox's own (127.0.0.1 and localhost), one that has expired and one for another host name, so tests
// see TLS as users do, trusted the way a user's machine trusts an authority, never by turning checks off.
import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as forge from 'node-forge';

export interface ServerCertificate {
  /** PEM */
  key: string;
  /** PEM: the server's certificate followed by nothing else (the authority is the client's to trust). */
  cert: string;
}

export interface TestAuthority {
  /** The authority's certificate, PEM: what a client adds to its trust store. */
  caPem: string;
  /** A certificate for 127.0.0.1 and localhost, valid for a day. */
  server: ServerCertificate;
  /** For 127.0.0.1 and localhost, but its validity ended yesterday. */
  expired: ServerCertificate;
  /** Valid, but for another host name (wrong-host.test) only. */
  wrongHost: ServerCertificate;
}

const DAY_MS = 24 * 60 * 60 * 1000;

interface Keys {
  /** node-forge's view of the public key, for the certificate. */
  publicKey: forge.pki.rsa.PublicKey;
  /** Node's, for signing. */
  privateKey: KeyObject;
  privateKeyPem: string;
}

/** Node's own RSA keys and signatures: node-forge's run in JavaScript (about half a second per signature). */
function newKeys(): Keys {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const key = forge.pki.privateKeyFromPem(privateKey);
  return { publicKey: forge.pki.setRsaPublicKey(key.n, key.e), privateKey: createPrivateKey(privateKey), privateKeyPem: privateKey };
}

/** What forge's cert.sign(key, sha256) does, with the signature made by Node. */
function signCertificate(cert: forge.pki.Certificate, key: KeyObject): void {
  const withSignature = cert as forge.pki.Certificate & { tbsCertificate: forge.asn1.Asn1; md: forge.md.MessageDigest };
  cert.signatureOid = cert.siginfo.algorithmOid = forge.pki.oids.sha256WithRSAEncryption;
  withSignature.md = forge.md.sha256.create();
  // getTBSCertificate is public in node-forge, missing from its types.
  withSignature.tbsCertificate = (forge.pki as unknown as { getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1 }).getTBSCertificate(cert);
  const tbs = Buffer.from(forge.asn1.toDer(withSignature.tbsCertificate).getBytes(), 'binary');
  cert.signature = sign('sha256', tbs, key).toString('binary');
}

let serial = 1;

function newCertificate(subject: string, keys: Keys, issuer: { name: string; key: KeyObject }, from: number, to: number, extensions: object[]) {
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = (serial++).toString(16).padStart(2, '0');
  cert.validity.notBefore = new Date(from);
  cert.validity.notAfter = new Date(to);
  cert.setSubject([{ name: 'commonName', value: subject }]);
  cert.setIssuer([{ name: 'commonName', value: issuer.name }]);
  cert.setExtensions(extensions);
  signCertificate(cert, issuer.key);
  return cert;
}

function serverCertificate(
  ca: { name: string; key: KeyObject },
  keys: Keys,
  hosts: { dns: string[]; ip: string[] },
  from: number,
  to: number,
): ServerCertificate {
  const altNames = [...hosts.dns.map((value) => ({ type: 2, value })), ...hosts.ip.map((ip) => ({ type: 7, ip }))];
  const cert = newCertificate(hosts.dns[0] ?? hosts.ip[0], keys, ca, from, to, [
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames },
  ]);
  return { key: keys.privateKeyPem, cert: forge.pki.certificateToPem(cert) };
}

/** A new authority and its server certificates (RSA 2048). */
export function createTestAuthority(name = 'App Keys test authority'): TestAuthority {
  const now = Date.now();
  const caKeys = newKeys();
  const issuer = { name: `${name} ${now}`, key: caKeys.privateKey };
  const caCert = newCertificate(issuer.name, caKeys, issuer, now - DAY_MS, now + 2 * DAY_MS, [
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
  ]);
  const loopback = { dns: ['localhost'], ip: ['127.0.0.1'] };
  // One key for the three server certificates: what differs is what the certificates say.
  const serverKeys = newKeys();
  return {
    caPem: forge.pki.certificateToPem(caCert),
    server: serverCertificate(issuer, serverKeys, loopback, now - DAY_MS, now + DAY_MS),
    expired: serverCertificate(issuer, serverKeys, loopback, now - 3 * DAY_MS, now - DAY_MS),
    wrongHost: serverCertificate(issuer, serverKeys, { dns: ['wrong-host.test'], ip: [] }, now - DAY_MS, now + DAY_MS),
  };
}

/** The files a run's processes read: ca.pem (for NODE_EXTRA_CA_CERTS or a system-style store), server.key, server.pem. */
export interface AuthorityFiles {
  dir: string;
  ca: string;
  key: string;
  cert: string;
}

export function writeAuthority(authority: TestAuthority, dir: string): AuthorityFiles {
  fs.mkdirSync(dir, { recursive: true });
  const files = { dir, ca: path.join(dir, 'ca.pem'), key: path.join(dir, 'server.key'), cert: path.join(dir, 'server.pem') };
  fs.writeFileSync(files.ca, authority.caPem);
  fs.writeFileSync(files.key, authority.server.key, { mode: 0o600 });
  fs.writeFileSync(files.cert, authority.server.cert);
  return files;
}

/** Reads the server certificate written by writeAuthority (in another process of the same run). */
export function readServerCertificate(dir: string): ServerCertificate {
  return { key: fs.readFileSync(path.join(dir, 'server.key'), 'utf8'), cert: fs.readFileSync(path.join(dir, 'server.pem'), 'utf8') };
}
