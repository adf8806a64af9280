// Settings are never clobbered: appKeys.applications is read and written one scope at a time, and a
// workspace (a cloned repository) cannot weaken the safety settings.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { addApplication, children, keyGroup, label, SANDBOX_APPS, SANDBOX_TOKENS, setting, useHarness } from './harness';
import { writeWorkspaceSettings } from './workspaceSettings';

const fleet = SANDBOX_APPS.demoFleet;
const { Global, Workspace } = vscode.ConfigurationTarget;

describe('Settings scopes', () => {
  const h = useHarness();
  const config = () => vscode.workspace.getConfiguration('appKeys');
  const inspect = () => config().inspect<{ applicationId: string }[]>('applications')!;
  afterEach(async () => {
    await config().update('applications', undefined, Workspace);
  });

  function entries(h2: typeof h) {
    const mine = { platform: 'losant', applicationId: SANDBOX_APPS.warehouseSensors.id, apiUrl: h2.sandbox.url, label: 'Mine' };
    const repo = { platform: 'losant', applicationId: SANDBOX_APPS.emptyApp.id, apiUrl: h2.sandbox.url, label: 'From the repository' };
    return { mine, repo };
  }

  it("adds a new application to user settings next to the user's own; the workspace's list stays where it is", async () => {
    const { mine, repo } = entries(h);
    await config().update('applications', [mine], Global);
    await config().update('applications', [repo], Workspace);
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
    assert.deepStrictEqual(
      inspect().globalValue?.map((a) => a.applicationId),
      [mine.applicationId, fleet.id],
    );
    assert.deepStrictEqual(inspect().workspaceValue, [repo], 'the workspace entry did not move');
    const shown = (await children(h)).map((n) => label(h, n));
    assert.deepStrictEqual(shown.sort(), ['Demo Fleet', 'From the repository', 'Mine'], "the tree shows every scope's applications");
  });

  it("keeps a user's entry that App Keys cannot read exactly as it was", async () => {
    const odd = { platform: 'future-platform', note: 'kept' };
    await config().update('applications', [odd], Global);
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
    assert.deepStrictEqual(inspect().globalValue?.[0], odd);
  });

  it('does not rewrite another scope to remove a workspace entry: it says where it is defined', async () => {
    const { mine, repo } = entries(h);
    await config().update('applications', [mine], Global);
    await config().update('applications', [repo], Workspace);
    await vscode.commands.executeCommand('appKeys.removeApplication', { applicationId: repo.applicationId });
    assert.deepStrictEqual(inspect().workspaceValue, [repo]);
    assert.deepStrictEqual(inspect().globalValue, [mine]);
    const warning = h.ui.shown.find((m) => m.level === 'warning');
    assert.match(warning?.message ?? '', /From the repository is defined in the workspace settings, not in your user settings/);
    assert.deepStrictEqual(warning?.items, ['Open Workspace Settings']);
  });

  it('removes a user entry from user settings only', async () => {
    const { repo } = entries(h);
    await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
    await config().update('applications', [repo], Workspace);
    h.ui.answer('Remove');
    await vscode.commands.executeCommand('appKeys.removeApplication', { applicationId: fleet.id });
    assert.deepStrictEqual(inspect().globalValue, []);
    assert.deepStrictEqual(inspect().workspaceValue, [repo]);
  });

  describe('safety settings', () => {
    let restore: (() => Promise<void>) | undefined;
    afterEach(async () => {
      await restore?.();
      restore = undefined;
    });

    it('asks before deleting although the workspace turns confirmDelete off', async () => {
      await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
      restore = await writeWorkspaceSettings({ 'appKeys.confirmDelete': false });
      const [key] = (await keyGroup(h, fleet.id)).items;
      h.ui.answer('Delete');
      await vscode.commands.executeCommand('appKeys.deleteKey', key);
      assert.match(h.ui.messages('confirm').pop() ?? '', /^Delete application key/);
    });

    it('ignores a workspace time limit (a string would break every request) and clamps a huge user one', async () => {
      await addApplication(h, fleet.id, SANDBOX_TOKENS.full);
      restore = await writeWorkspaceSettings({ 'appKeys.requestTimeoutSeconds': 'soon' });
      await setting('requestTimeoutSeconds', 2_200_000); // beyond Node's timer limit: would fire at once
      await vscode.commands.executeCommand('appKeys.refresh');
      const { items } = await keyGroup(h, fleet.id);
      assert.ok(items.filter((i) => i.kind === 'item').length > 0, items.map((i) => label(h, i)).join(', '));
      assert.deepStrictEqual(h.ui.messages('error'), []);
    });
  });
});
