// After the UI run: no token or secret the run used, typed or was shown may be on disk in code-server's user-data
// folder, the extensions folder, the workspace, code-server's logs or the App Keys output channel's log.
// Runs last (see .mocharc.json): it ends the session first, so every log is flushed and closed.
import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { SANDBOX_TOKENS } from '../sandbox';
import { scanForSecrets } from './secretScan';
import { session } from './session';

describe('UI: no secret on disk after the run', () => {
  const secrets = new Map<string, string>();
  let roots: string[];
  let appKeysLogs: string[];

  before(async function () {
    this.timeout(60_000);
    assert.ok(session.runDir, 'the UI session did not start');
    // Everything the sandbox handed out during the run, besides what the tests recorded while typing.
    const state = session.sandbox.state;
    const add = (name: string, value: string) => {
      if (value && ![...secrets.values()].includes(value)) secrets.set(name, value);
    };
    for (const [name, value] of session.secretsUsed) add(name, value);
    for (const key of state.losant.keys.values()) {
      if (Date.parse(key.creationDate) >= session.startedAt) add(`secret of Losant key ${key.id} (created in the run)`, key.secret);
    }
    for (const token of state.losant.apiTokens.values()) {
      if (Date.parse(token.creationDate) >= session.startedAt && token.token) add(`Losant API token ${token.id} (created in the run)`, token.token);
    }
    for (const key of state.elasticpath.keys.values()) {
      if (Date.parse(key.created_at) >= session.startedAt) add(`client_secret of Elastic Path key ${key.id} (created in the run)`, key.client_secret);
    }
    for (const bearer of state.elasticpath.accessTokens.keys()) add(`Elastic Path access token ...${bearer.slice(-4)}`, bearer);
    await session.stop();
    appKeysLogs = session.appKeysLogs();
    roots = [session.userDataDir, session.extensionsDir, session.workspace, session.runDir];
  });

  it('the search covers the run: the tokens used, the one-time secrets shown, and the logs', () => {
    assert.ok(secrets.get('SANDBOX_TOKENS.full') === SANDBOX_TOKENS.full, 'the Losant token typed in is searched for');
    assert.ok(
      [...secrets.keys()].some((n) => /new Losant key secret/.test(n)),
      'the one-time Losant key secret is searched for',
    );
    assert.ok(appKeysLogs.length > 0 && appKeysLogs.every((f) => fs.statSync(f).size > 0), `the App Keys log was written (${appKeysLogs.join(', ')})`);
    const log = appKeysLogs.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    assert.match(log, /PATCH .*\/keys\/.* 200/, 'the App Keys log records the run');
    assert.ok(fs.existsSync(path.join(session.runDir, 'code-server.log')), 'code-server wrote its log');
  });

  it('finds a canary planted in the searched folders (the search works)', () => {
    const canary = `appkeys-canary-${crypto.randomBytes(12).toString('hex')}`;
    const dir = path.join(session.userDataDir, 'logs');
    const file = path.join(dir, 'canary.log');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, `before ${canary} after\n`);
    try {
      const result = scanForSecrets(roots, new Map([['canary', canary], ...secrets]));
      assert.ok(result.files.length >= 20, `only ${result.files.length} files searched`);
      assert.deepStrictEqual(
        result.hits.filter((h) => h.secret === 'canary').map((h) => h.file),
        [file],
        'the canary is found where it was planted',
      );
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it("finds none of the run's tokens and secrets in user data, extensions, workspace or logs", () => {
    const result = scanForSecrets(roots, secrets, appKeysLogs);
    console.log(
      `      searched ${result.files.length} files (${(result.bytes / 1024 / 1024).toFixed(1)} MB) for ${secrets.size} secrets: ` +
        [...secrets.keys()].join(', '),
    );
    const where = result.hits.map((h) => `  ${h.secret} (${h.encoding}) in ${h.file}: …${h.context}…`).join('\n');
    if (result.hits.length) session.keepRunDir = true;
    assert.strictEqual(result.hits.length, 0, `secrets found on disk:\n${where}`);
  });
});
