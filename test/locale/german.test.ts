// App Keys in a VS Code that runs in German (code-server --locale de, runIntegration --locale de): VS Code hands the
// extension its German bundle (l10n/bundle.l10n.de.json, through package.json `l10n`), and the text people see is
// German: the tree's labels (the core's, through @vscode/l10n), a prompt (the VS Code layer's) and an error (the
// core's). Nothing here sets a language or loads a bundle itself: it all goes through VS Code's localization.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { addApplication, children, label, SANDBOX_APPS, SANDBOX_TOKENS, useHarness } from '../integration/harness';
import { DISMISS } from '../integration/scriptedUserInput';

const fleet = SANDBOX_APPS.demoFleet;

describe('App Keys in German (VS Code display language de)', () => {
  const h = useHarness();

  it('runs in a VS Code whose display language is German, with the German bundle loaded', () => {
    assert.strictEqual(vscode.env.language, 'de');
    assert.ok(vscode.l10n.uri?.path.endsWith('/l10n/bundle.l10n.de.json'), `bundle: ${vscode.l10n.uri?.toString()}`);
  });

  it('shows the tree in German: group labels and an inactive key come from the core', async () => {
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
    const [app] = await children(h);
    const groups = await children(h, app);
    assert.deepStrictEqual(
      groups.map((g) => label(h, g)),
      ['Anwendungsschlüssel', 'API-Token'],
    );
    const keys = await children(h, groups[0]);
    const descriptions = keys.map((k) => String(h.api.tree.getTreeItem(k as never).description ?? ''));
    assert.ok(
      descriptions.some((d) => d.startsWith('inaktiv')),
      `an inactive key says so in German: ${descriptions.join(' | ')}`,
    );
    assert.ok(!descriptions.some((d) => /\binactive\b/.test(d)), 'no English left');
  });

  it('asks in German', async () => {
    h.ui.answer(DISMISS);
    await vscode.commands.executeCommand('appKeys.addApplication');
    assert.deepStrictEqual(h.ui.asked, ['pick: Welche Plattform?']);
  });

  it("shows an error in German, the core's own message included", async () => {
    await vscode.commands.executeCommand('appKeys.addApplication', { platform: 'losant', apiUrl: 'http://example.com', token: 'x', applicationId: fleet.id });
    const [error] = h.ui.messages('error');
    assert.match(error ?? '', /^API-URLs müssen https verwenden \(reines http ist nur auf Loopback erlaubt\): http:\/\/example\.com/);
  });
});
