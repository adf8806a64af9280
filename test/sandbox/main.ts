// `npm run sandbox`: runs the sandbox on a fixed port for manual testing and demos.
//   --port N                         port (default 7070)
//   --extra-keys <applicationId>:N   add N generated keys to a Losant application (repeatable)
//   --extra-keys elasticpath:N       add N generated application keys to the Elastic Path store
//   --extra-keys <applicationId>:N:R add N generated keys, the first R each restricted to generated device 1…R
//   --extra-devices <applicationId>:N   add N generated devices to a Losant application (repeatable)
//   --ignore-query                   answer lists as if their advanced `query` parameter had not been sent
//   --rate-limit N                   answer 429 (Retry-After) over N requests per second
//   --latency-ms N                   delay every answer by N ms (benchmarks: a realistic network)
//   --quiet                          no line per request, no request log kept in memory
//   --tls-dir DIR                    serve HTTPS with DIR/server.key and DIR/server.pem (an authority the caller made)
//   --plain-http                     serve plain HTTP (loopback only, for tools that say so); default: HTTPS with an
//                                    authority made at start, written to a temporary ca.pem (printed) for clients to trust
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createTestAuthority, readServerCertificate, writeAuthority, type ServerCertificate } from '../support/testCertificates';
import { startSandbox, SANDBOX_APPS, SANDBOX_EP, SANDBOX_TOKENS, type ExtraDevices, type SandboxExtraKeys } from './index';

function parseArgs(argv: string[]): {
  port: number;
  extraKeys: SandboxExtraKeys[];
  extraDevices: ExtraDevices[];
  latencyMs: number;
  rateLimit?: number;
  quiet: boolean;
  tlsDir?: string;
  plainHttp: boolean;
  ignoreQuery: boolean;
} {
  let port = 7070;
  let latencyMs = 0;
  let quiet = false;
  let rateLimit: number | undefined;
  let tlsDir: string | undefined;
  let plainHttp = false;
  let ignoreQuery = false;
  const extraKeys: SandboxExtraKeys[] = [];
  const extraDevices: ExtraDevices[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = (): string => inline ?? argv[++i] ?? '';
    if (flag === '--port') {
      port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port needs a number from 0 to 65535');
    } else if (flag === '--extra-keys') {
      const [target, count, restricted] = value().split(':');
      extraKeys.push(
        target === 'elasticpath'
          ? { platform: 'elasticpath', count: Number(count) }
          : { applicationId: target, count: Number(count), ...(restricted ? { restricted: Number(restricted) } : {}) },
      );
    } else if (flag === '--extra-devices') {
      const [applicationId, count] = value().split(':');
      extraDevices.push({ applicationId, count: Number(count) });
    } else if (flag === '--rate-limit') {
      rateLimit = Number(value());
      if (!(rateLimit > 0)) throw new Error('--rate-limit needs a number of requests per second');
    } else if (flag === '--latency-ms') {
      latencyMs = Number(value());
      if (!(latencyMs >= 0)) throw new Error('--latency-ms needs a number of milliseconds');
    } else if (flag === '--ignore-query') {
      ignoreQuery = true;
    } else if (flag === '--quiet') {
      quiet = true;
    } else if (flag === '--tls-dir') {
      tlsDir = value();
    } else if (flag === '--plain-http') {
      plainHttp = true;
    } else {
      throw new Error(
        `Unknown argument ${argv[i]} (known: --port N, --extra-keys <applicationId>:N, --extra-keys elasticpath:N, --extra-devices <applicationId>:N, --rate-limit N, --ignore-query, --latency-ms N, --quiet, --tls-dir DIR, --plain-http)`,
      );
    }
  }
  return { port, extraKeys, extraDevices, latencyMs, rateLimit, quiet, tlsDir, plainHttp, ignoreQuery };
}

async function main(): Promise<void> {
  const { port, extraKeys, extraDevices, latencyMs, rateLimit, quiet, tlsDir, plainHttp, ignoreQuery } = parseArgs(process.argv.slice(2));
  let caFile: string | undefined;
  let tls: ServerCertificate | undefined;
  if (tlsDir) tls = readServerCertificate(tlsDir);
  else if (!plainHttp) {
    const authority = createTestAuthority('App Keys sandbox');
    tls = authority.server;
    caFile = writeAuthority(authority, fs.mkdtempSync(path.join(os.tmpdir(), 'appkeys-sandbox-'))).ca;
  }
  const sandbox = await startSandbox({
    port,
    tls,
    plainHttp,
    extraKeys,
    extraDevices,
    recordRequests: !quiet,
    // The log names the token used, never its value.
    onRequest: quiet
      ? undefined
      : (r) => console.log(`${r.method} ${r.path} -> ${r.status}${r.tokenName ? ` [${r.tokenName}]` : ''}${r.fault ? ` (fault: ${r.fault})` : ''}`),
  });
  sandbox.latencyMs = latencyMs;
  if (ignoreQuery) sandbox.faults.ignoreQuery = true;
  if (rateLimit !== undefined) sandbox.rateLimit = { requestsPerSecond: rateLimit };
  // Benchmarks read this line to learn the port.
  console.log(`Sandbox (Losant + Elastic Path) listening on ${sandbox.url}`);
  const cacert = caFile ? `--cacert ${caFile} ` : '';
  if (caFile) console.log(`Its certificate's authority (made for this run): ${caFile}; trust it with NODE_EXTRA_CA_CERTS=${caFile} or curl --cacert ${caFile}`);
  console.log('\n== Losant ==');
  console.log('\nBearer tokens (Authorization: Bearer <token>):');
  for (const [name, token] of Object.entries(SANDBOX_TOKENS)) console.log(`  ${name.padEnd(13)} ${token}`);
  console.log('\nApplications:');
  for (const app of Object.values(SANDBOX_APPS)) console.log(`  ${app.id}  ${app.name}`);
  console.log(`\nTry: curl ${cacert}-H 'Authorization: Bearer ${SANDBOX_TOKENS.full}' ${sandbox.url}/applications`);
  console.log('\n== Elastic Path Commerce Cloud ==');
  console.log(`  API base URL   ${sandbox.url}`);
  console.log(`  Store          ${SANDBOX_EP.storeName} (${SANDBOX_EP.storeId})`);
  console.log(`  Client ID      ${SANDBOX_EP.clientId}`);
  console.log(`  Client secret  ${SANDBOX_EP.clientSecret}`);
  console.log(`  (application key "${SANDBOX_EP.keyName}", ${SANDBOX_EP.keyId})`);
  console.log(
    `\nTry: curl ${cacert}-d grant_type=client_credentials -d client_id=${SANDBOX_EP.clientId} -d client_secret=${SANDBOX_EP.clientSecret} ${sandbox.url}/oauth/access_token`,
  );
  console.log(`     curl ${cacert}-H 'Authorization: Bearer <access_token>' ${sandbox.url}/v2/application-keys\n`);

  const stop = (signal: string): void => {
    console.log(`\n${signal}: stopping sandbox`);
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
