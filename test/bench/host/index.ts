// Runs inside the real VS Code extension host (code-server), started by test/bench/run.ts through
// runIntegration --tests: measures activate(), the first page of a 10,000-key application in the
// tree, and the heap the extension host grows by to hold all 10,000 keys in the tree.
import * as fs from 'fs';
import * as v8 from 'v8';
import * as vm from 'vm';
import * as vscode from 'vscode';
import type { AppKeysApi } from '../../../src/extension';
import { SANDBOX_APPS, SANDBOX_TOKENS } from '../../sandbox';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapUsed(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

export async function run(): Promise<void> {
  const resultsFile = process.env.APPKEYS_TEST_RESULTS;
  const out = process.env.APPKEYS_BENCH_OUT;
  const url = process.env.APPKEYS_BENCH_SANDBOX_URL;
  const figures: Record<string, number> = {};
  const lines: string[] = [];
  let failed = 0;
  try {
    if (!url || !out) throw new Error('APPKEYS_BENCH_SANDBOX_URL and APPKEYS_BENCH_OUT must be set');
    const extension = vscode.extensions.getExtension<AppKeysApi>('app-keys.app-keys')!;
    const wasActive = extension.isActive;
    const t0 = performance.now();
    const api = await extension.activate();
    figures.activateWithLoadMs = wasActive ? NaN : performance.now() - t0;
    figures.activateMs = api.stats.activateMs;

    const applicationId = SANDBOX_APPS.emptyApp.id;
    await vscode.commands.executeCommand('appKeys.addApplication', { platform: 'losant', apiUrl: url, token: SANDBOX_TOKENS.full, applicationId });
    const [app] = await api.tree.getChildren();
    const [group] = await api.tree.getChildren(app);
    await api.tree.getChildren(group); // warm: connection, JIT

    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await vscode.commands.executeCommand('appKeys.refresh');
      const [a] = await api.tree.getChildren();
      const [g] = await api.tree.getChildren(a);
      const items = await api.tree.getChildren(g);
      for (const item of items) api.tree.getTreeItem(item);
      samples.push(performance.now() - started);
    }
    figures.firstPageMs = samples.sort((a, b) => a - b)[2];

    const before = heapUsed();
    await vscode.commands.executeCommand('appKeys.loadAll', { applicationId });
    const [a] = await api.tree.getChildren();
    const [g] = await api.tree.getChildren(a);
    const all = await api.tree.getChildren(g);
    const treeItems = all.map((item) => api.tree.getTreeItem(item));
    const after = heapUsed();
    figures.keysInTree = treeItems.length;
    figures.heapGrowthMB = (after - before) / 1024 / 1024;
    lines.push(`extension host: ${JSON.stringify(figures)}`);
    fs.writeFileSync(out, JSON.stringify(figures, null, 2));
  } catch (error) {
    failed = 1;
    lines.push(`benchmark in the extension host failed: ${(error as Error)?.stack ?? String(error)}`);
  }
  if (resultsFile) {
    fs.writeFileSync(resultsFile, JSON.stringify({ passed: failed ? 0 : 1, failed, pending: 0, output: lines.join('\n'), durationMs: 0 }));
  }
}
