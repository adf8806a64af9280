// Root hooks of the UI suite (mocha --require): one session for all tests, a screenshot after each test, and on a
// failure the App Keys log copied next to it, with both paths printed.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Context } from 'mocha';
import { README_SHOTS_DIR, RESULTS_DIR, session } from './session';

let counter = 0;

function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/** Saves a screenshot for the README (docs/screenshots/<name>.png) when APPKEYS_SCREENSHOTS=1. */
export async function readmeScreenshot(name: string): Promise<void> {
  if (process.env.APPKEYS_SCREENSHOTS !== '1') return;
  fs.mkdirSync(README_SHOTS_DIR, { recursive: true });
  const file = path.join(README_SHOTS_DIR, `${name}.png`);
  await session.page.mouse.move(1279, 799); // no hover highlight or tooltip in the picture
  await session.page.waitForTimeout(300);
  await session.page.screenshot({ path: file });
  // Smaller PNGs for the repository when Debian's pngquant is there (apt-get install pngquant); as taken otherwise.
  const quantized = spawnSync('pngquant', ['--quality', '70-95', '--speed', '1', '--strip', '--force', '--output', file, file]);
  const note = quantized.status === 0 ? ' (pngquant)' : '';
  console.log(`      screenshot for the README: ${path.relative(process.cwd(), file)}, ${(fs.statSync(file).size / 1024).toFixed(0)} KB${note}`);
}

export const mochaHooks = {
  async beforeAll(this: Context) {
    this.timeout(180_000);
    fs.rmSync(RESULTS_DIR, { recursive: true, force: true });
    await session.start();
  },

  async afterEach(this: Context) {
    const test = this.currentTest;
    if (!test || !session.page || session.page.isClosed()) return;
    const base = path.join(RESULTS_DIR, `${String(++counter).padStart(2, '0')}-${slug(test.fullTitle())}`);
    const shot = `${base}.png`;
    const saved = await session.page.screenshot({ path: shot, timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    if (test.state !== 'failed') return;
    console.log(`      screenshot: ${saved ? shot : '(none could be taken)'}`);
    const logs = session.appKeysLogs();
    logs.forEach((log, i) => {
      const copy = `${base}.app-keys${i ? `-${i}` : ''}.log`;
      fs.copyFileSync(log, copy);
      console.log(`      App Keys log: ${copy} (from ${log})`);
    });
    if (logs.length === 0) console.log(`      App Keys log: none found under ${path.join(session.userDataDir, 'logs')}`);
    console.log(`      code-server log: ${path.join(session.runDir, 'code-server.log')}`);
    session.keepRunDir = true;
  },

  async afterAll(this: Context) {
    this.timeout(60_000);
    await session.stop();
    session.cleanUp();
  },
};
