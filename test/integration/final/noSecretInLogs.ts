// Run after every suite by construction (index.ts adds it last): every log and output this integration
// run produced (code-server's log, the extension host's logs with the App Keys output channel, the
// browser console) is searched for every token and secret the run used. Zero hits.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { scanForSecrets } from '../../support/secretScan';
import { figure } from '../figures';
import * as vscode from 'vscode';
import type { AppKeysApi } from '../../../src/extension';
import { EXTENSION_ID, secretsSeen } from '../harness';

describe('No secret in any log of this run', () => {
  it("finds none of the run's tokens and secrets in its logs and outputs", async () => {
    const api = await vscode.extensions.getExtension<AppKeysApi>(EXTENSION_ID)!.activate();
    // This window's logs: <logs>/<session>/<exthost>/<extension>; the whole session folder is searched.
    const session = path.dirname(path.dirname(api.logUri.fsPath));
    const runDir = process.env.APPKEYS_TEST_RUN_DIR;
    const roots = [session, ...(runDir ? [path.join(runDir, 'workspace')] : [])];
    const files = runDir ? ['code-server.log', 'browser-console.log'].map((f) => path.join(runDir, f)) : [];

    // The search must be able to find a secret: a canary planted in the logs is found.
    const canary = `canary-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const canaryFile = path.join(roots[0], 'canary.log');
    fs.writeFileSync(canaryFile, `a line with ${canary} in it\n`);
    try {
      const check = scanForSecrets(roots, new Map([['canary', canary]]), files);
      assert.deepStrictEqual(
        check.hits.map((h) => h.file),
        [canaryFile],
        'the search finds a planted secret',
      );
    } finally {
      fs.rmSync(canaryFile);
    }

    const secrets = new Map([...secretsSeen].map((value, i) => [`secret #${i + 1}`, value]));
    assert.ok(secrets.size >= 20, `the run used ${secrets.size} secrets`);
    const result = scanForSecrets(roots, secrets, files);
    const appKeysLog = result.files.find((f) => f.endsWith('App Keys.log'));
    assert.ok(appKeysLog && fs.statSync(appKeysLog).size > 1000, "the App Keys output channel log was searched, and holds the run's requests");
    assert.deepStrictEqual(
      result.hits.map((h) => `${h.secret} in ${h.file}: ${h.context}`),
      [],
    );
    figure(`secrets in logs: searched ${result.files.length} files (${(result.bytes / 1024).toFixed(0)} KB) for ${secrets.size} secrets: none found`);
  });
});
