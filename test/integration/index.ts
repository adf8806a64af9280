// Mocha entry for the VS Code extension host (`extensionTestsPath`): runs out/test/integration/**/*.test.js.
// Under code-server (test/host/runIntegration.ts) the extension host's stdout is not visible to the driver, so the
// spec reporter's output and the counts are written as JSON to the file named by APPKEYS_TEST_RESULTS.
// Under @vscode/test-electron (no such variable) failures are reported by throwing.
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';
import { figures } from './figures';

export interface IntegrationResults {
  passed: number;
  failed: number;
  pending: number;
  output: string;
  durationMs: number;
}

function findTests(dir: string): string[] {
  const entries = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' });
  return entries
    .filter((name) => name.endsWith('.test.js'))
    .map((name) => path.join(dir, name))
    .sort();
}

function writeResults(file: string, results: IntegrationResults): void {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(results, null, 2));
  fs.renameSync(tmp, file); // the driver never sees a half-written file
}

/**
 * Runs the *.test.js files below `dir` (this suite's, or another folder's such as test/trust), then
 * the `last` files: checks over the whole run (the log search), after the suites by construction.
 */
export async function runSuite(dir: string, last: string[] = []): Promise<void> {
  const started = Date.now();
  const resultsFile = process.env.APPKEYS_TEST_RESULTS;
  const lines: string[] = [];
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const originalLog = base.consoleLog;
  // Tee the reporter's output: keep printing (visible under test-electron), and keep a copy for the driver.
  base.consoleLog = (...args: unknown[]) => {
    lines.push(util.format(...args));
    originalLog(...args);
  };

  let passed = 0;
  let failed = 0;
  let pending = 0;
  try {
    const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec' });
    const grep = process.env.APPKEYS_TEST_GREP;
    if (grep) mocha.grep(grep);
    const files = findTests(dir);
    if (files.length === 0) throw new Error(`no *.test.js files under ${dir}`);
    for (const file of [...files, ...last]) mocha.addFile(file);
    await mocha.loadFilesAsync();
    const stats = await new Promise<Mocha.Stats | undefined>((resolve) => {
      const runner = mocha.run(() => resolve(runner.stats));
    });
    passed = stats?.passes ?? 0;
    failed = stats?.failures ?? 0;
    pending = stats?.pending ?? 0;
  } catch (err) {
    // Loading or starting the suite failed: report it as a failure rather than hanging the driver.
    failed += 1;
    lines.push(`integration suite could not run: ${(err as Error)?.stack ?? String(err)}`);
    originalLog(lines[lines.length - 1]);
  } finally {
    base.consoleLog = originalLog;
    if (figures.length) lines.push('', 'figures:', ...figures.map((f) => `  ${f}`));
  }

  const results: IntegrationResults = {
    passed,
    failed,
    pending,
    output: lines.join('\n'),
    durationMs: Date.now() - started,
  };
  if (resultsFile) {
    writeResults(resultsFile, results);
  } else if (failed > 0) {
    throw new Error(`${failed} integration test(s) failed`);
  }
}

export function run(): Promise<void> {
  return runSuite(__dirname, [path.join(__dirname, 'final', 'noSecretInLogs.js')]);
}
