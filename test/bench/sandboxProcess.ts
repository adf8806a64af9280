// The sandbox in its own process (its own core), so clients and server do not share one thread. Over HTTPS
// unless the arguments say --plain-http (with --tls-dir, the caller's certificate).
import { spawn, ChildProcess } from 'child_process';
import * as path from 'path';

export interface SandboxProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startSandboxProcess(args: string[]): Promise<SandboxProcess> {
  const main = path.resolve(__dirname, '../sandbox/main.js');
  const child = spawn(process.execPath, [main, '--port', '0', '--quiet', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error('the sandbox did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`the sandbox exited (${code})`)));
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /listening on (https?:\/\/127\.0\.0\.1:\d+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  child.stdout.resume();
  return {
    url,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
