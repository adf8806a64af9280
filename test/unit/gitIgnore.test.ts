// Whether git could commit a secret file, decided without running git (src/core/gitIgnore.ts): the answers agree
// with git's own (run here by the test, in repositories it made), and a repository's configured command never runs.
import * as assert from 'assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gitStatus, indexPaths } from '../../src/core/gitIgnore';
import { committableIn } from '../../src/core/secretFile';

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'core.fsmonitor=false', '-C', cwd, ...args], { encoding: 'utf8' });

describe('git ignore status without running git', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'appkeys-gitignore-')));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function write(relative: string, text = 'x\n') {
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), text);
  }

  it('runs no command a repository configures (core.fsmonitor, hooks): 0 runs', async () => {
    git(dir, 'init', '-q');
    write('tracked.txt');
    git(dir, 'add', 'tracked.txt');
    const ran = path.join(dir, 'planted-command-ran');
    // Any git command reading this index would run the monitor (git check-ignore did, before App Keys 0.1.x).
    fs.appendFileSync(path.join(dir, '.git', 'config'), `[core]\n\tfsmonitor = "touch '${ran}'; false"\n\thooksPath = /nonexistent\n`);
    assert.ok(await committableIn(path.join(dir, '.env')), 'an unignored file in the work tree');
    write('.gitignore', '.env\n');
    assert.strictEqual(await committableIn(path.join(dir, '.env')), undefined, 'ignored');
    assert.ok(!fs.existsSync(ran), 'the planted command did not run');
    // The test's own git, with the monitor on, proves the plant works: it runs.
    execFileSync('git', ['-C', dir, 'status', '--porcelain']);
    assert.ok(fs.existsSync(ran), 'the planted command runs when git reads the repository');
  });

  it('agrees with git check-ignore on nested .gitignore files, info/exclude, negations and ignored folders', async () => {
    git(dir, 'init', '-q');
    write('.gitignore', '*.env\n!keep.env\nsecrets/\n/top-only.csv\n');
    write('config/.gitignore', '!keep-here.env\nlocal.*\n');
    write('config/deep/.gitignore', 'keep.env\n');
    fs.appendFileSync(path.join(dir, '.git', 'info', 'exclude'), 'excluded.json\n');
    const paths = [
      'a.env',
      'keep.env',
      'config/a.env',
      'config/keep-here.env',
      'config/local.json',
      'config/deep/keep.env',
      'config/deep/other.json',
      'secrets/x.json',
      'secrets/!keep.env',
      'top-only.csv',
      'config/top-only.csv',
      'excluded.json',
      'config/excluded.json',
      'plain.json',
    ];
    for (const p of paths) write(p);
    const gitSays = new Set(
      git(dir, 'check-ignore', '--no-index', ...paths)
        .split('\n')
        .filter(Boolean),
    );
    for (const p of paths) {
      const status = await gitStatus(path.join(dir, p));
      assert.strictEqual(status?.ignored, gitSays.has(p), `${p}: git says ${gitSays.has(p) ? 'ignored' : 'not ignored'}`);
    }
    assert.strictEqual(gitSays.size, 9, [...gitSays].join(', '));
  });

  it('says an ignored file that git tracks anyway is committable (index versions 2, 3 and 4)', async () => {
    for (const version of ['2', '3', '4']) {
      const repo = path.join(dir, `v${version}`);
      fs.mkdirSync(repo);
      git(repo, 'init', '-q');
      git(repo, 'config', 'index.version', version);
      fs.mkdirSync(path.join(repo, 'config'));
      for (const name of ['config/.env', 'config/.env.example', 'other.txt', 'z [1].txt']) fs.writeFileSync(path.join(repo, name), 'x');
      if (version === '3') git(repo, 'add', '--intent-to-add', 'other.txt'); // an extended-flags entry
      git(repo, 'add', 'config/.env', 'config/.env.example', 'z [1].txt');
      fs.writeFileSync(path.join(repo, '.gitignore'), '*.env\n');
      assert.strictEqual(fs.readFileSync(path.join(repo, '.git', 'index')).readUInt32BE(4), Number(version));
      assert.deepStrictEqual(await committableIn(path.join(repo, 'config', '.env')), { workTree: repo, tracked: true }, `v${version}`);
      assert.deepStrictEqual(await committableIn(path.join(repo, 'new.env')), undefined, `v${version}: ignored, untracked`);
      const listed = [...(indexPaths(fs.readFileSync(path.join(repo, '.git', 'index'))) ?? [])].sort();
      assert.deepStrictEqual(listed, git(repo, 'ls-files').split('\n').filter(Boolean).sort(), `v${version} index read as git lists it`);
    }
  });

  it('finds the work tree of a linked worktree (.git is a file) and its shared info/exclude', async () => {
    const main = path.join(dir, 'main');
    fs.mkdirSync(main);
    git(main, 'init', '-q');
    fs.writeFileSync(path.join(main, 'README'), 'x');
    git(main, 'add', 'README');
    git(main, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'x');
    git(main, 'worktree', 'add', '-q', path.join(dir, 'linked'));
    fs.appendFileSync(path.join(main, '.git', 'info', 'exclude'), 'secret.env\n');
    const status = await gitStatus(path.join(dir, 'linked', 'secret.env'));
    assert.deepStrictEqual(status, { workTree: path.join(dir, 'linked'), relative: 'secret.env', ignored: true, tracked: false });
    assert.strictEqual((await gitStatus(path.join(dir, 'linked', 'README')))?.tracked, true);
  });

  it('is silent outside a work tree', async () => {
    assert.strictEqual(await gitStatus(path.join(dir, '.env')), undefined);
  });
});
