// The context keys the command palette's when clauses read (package.json menus.commandPalette) follow
// appKeys.applications: appKeys.hasLosant while a Losant application is configured, appKeys.hasElasticPath while an
// Elastic Path store is, whichever way the setting changes (a command, an edit of the setting, a removal).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { addApplication, addElasticPathStore, configure, SANDBOX_APPS, SANDBOX_TOKENS, useHarness, waitFor } from './harness';

describe('Command palette context keys follow the configured applications', () => {
  const h = useHarness();
  const keys = () => h.api.contextKeys();
  const settled = (expected: Record<string, boolean>) =>
    waitFor(`context keys ${JSON.stringify(expected)}`, () => (JSON.stringify(keys()) === JSON.stringify(expected) ? true : undefined));

  it('has neither key without applications', async () => {
    await settled({ 'appKeys.hasLosant': false, 'appKeys.hasElasticPath': false });
  });

  it('sets appKeys.hasLosant when a Losant application is added, and clears it when the setting drops it', async () => {
    await addApplication(h, SANDBOX_APPS.demoFleet.id, SANDBOX_TOKENS.full);
    await settled({ 'appKeys.hasLosant': true, 'appKeys.hasElasticPath': false });
    await configure([]);
    await settled({ 'appKeys.hasLosant': false, 'appKeys.hasElasticPath': false });
  });

  it('sets appKeys.hasElasticPath for a store, both with both, and follows a hand edit of the setting', async () => {
    await addElasticPathStore(h);
    await settled({ 'appKeys.hasLosant': false, 'appKeys.hasElasticPath': true });
    await addApplication(h, SANDBOX_APPS.demoFleet.id, SANDBOX_TOKENS.full);
    await settled({ 'appKeys.hasLosant': true, 'appKeys.hasElasticPath': true });
    const apps = vscode.workspace.getConfiguration('appKeys').get<{ platform: string }[]>('applications') ?? [];
    await configure(apps.filter((a) => a.platform === 'losant'));
    await settled({ 'appKeys.hasLosant': true, 'appKeys.hasElasticPath': false });
  });

  it('ignores entries that are not applications', async () => {
    await configure([{ platform: 'losant' }, { nonsense: true }]);
    await settled({ 'appKeys.hasLosant': false, 'appKeys.hasElasticPath': false });
    assert.deepStrictEqual(Object.keys(keys()).sort(), ['appKeys.hasElasticPath', 'appKeys.hasLosant']);
  });
});
