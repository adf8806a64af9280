// Child processes that run in their own process group, and are ended by that group: never by name.
// Every group started here is also ended when this process ends in any way:
//  - normally or by process.exit (synchronous SIGKILL in the 'exit' handler),
//  - by SIGINT/SIGTERM/SIGHUP, an uncaught exception or an unhandled rejection (graceful stop, then exit),
//  - by SIGKILL or a crash of this process: a tiny detached `sh` watchdog per group polls this process's pid
//    and ends the group when it has gone.
import { ChildProcess, spawn, SpawnOptions } from 'child_process';
import * as fs from 'fs';

export interface GroupProcess {
  readonly child: ChildProcess;
  /** The process group id (equal to the leader's pid). */
  readonly pgid: number;
  /** Resolves once the leader has exited (with its code or signal). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM to the whole group, SIGKILL after graceMs if anything is left. Idempotent. */
  stop(graceMs?: number): Promise<void>;
}

const live = new Set<GroupProcessImpl>();
let guardsInstalled = false;
const shutdownHooks: Array<() => void | Promise<void>> = [];

/** Registers work to do (before the groups are stopped) when a signal or a crash ends this process. */
export function onShutdown(hook: () => void | Promise<void>): void {
  shutdownHooks.push(hook);
}

/** Live (non-zombie) process ids of the group, read from /proc; falls back to kill(-pgid, 0). */
export function groupMembers(pgid: number): number[] {
  try {
    const pids: number[] = [];
    for (const name of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      } catch {
        continue; // gone meanwhile
      }
      // pid (comm) state ppid pgrp ... ; comm may contain spaces and parentheses.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const state = rest[0];
      const pgrp = Number(rest[2]);
      if (pgrp === pgid && state !== 'Z' && state !== 'X') pids.push(Number(name));
    }
    return pids;
  } catch {
    try {
      process.kill(-pgid, 0);
      return [pgid];
    } catch {
      return [];
    }
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: nothing left in the group.
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitGroupGone(pgid: number, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    if (groupMembers(pgid).length === 0) return true;
    if (Date.now() >= end) return false;
    await sleep(100);
  }
}

class GroupProcessImpl implements GroupProcess {
  readonly pgid: number;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private watchdog: ChildProcess | undefined;
  private stopping: Promise<void> | undefined;

  constructor(readonly child: ChildProcess) {
    if (child.pid === undefined) throw new Error('process did not start');
    this.pgid = child.pid;
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    // Ends the group if this (the parent) process disappears without cleaning up, e.g. on SIGKILL.
    const script = 'while kill -0 "$1" 2>/dev/null; do sleep 1; done; ' + 'kill -TERM "-$2" 2>/dev/null; sleep 3; kill -KILL "-$2" 2>/dev/null; exit 0'; // dash: no `--`
    try {
      this.watchdog = spawn('/bin/sh', ['-c', script, 'appkeys-watchdog', String(process.pid), String(this.pgid)], {
        detached: true,
        stdio: 'ignore',
      });
      this.watchdog.on('error', () => undefined);
      this.watchdog.unref();
    } catch {
      this.watchdog = undefined;
    }
  }

  stop(graceMs = 4000): Promise<void> {
    this.stopping ??= (async () => {
      signalGroup(this.pgid, 'SIGTERM');
      if (!(await waitGroupGone(this.pgid, graceMs))) {
        signalGroup(this.pgid, 'SIGKILL');
        await waitGroupGone(this.pgid, 2000);
      }
      this.killWatchdog();
      live.delete(this);
    })();
    return this.stopping;
  }

  /** Synchronous last resort, for the 'exit' handler. */
  killNow(): void {
    signalGroup(this.pgid, 'SIGKILL');
    this.killWatchdog();
    live.delete(this);
  }

  private killWatchdog(): void {
    const pid = this.watchdog?.pid;
    if (pid !== undefined) signalGroup(pid, 'SIGKILL'); // its own group: the sh and its `sleep`
    this.watchdog = undefined;
  }
}

/** Stops every group started by this process (gracefully, in parallel). */
export async function stopAllGroups(): Promise<void> {
  await Promise.all([...live].map((g) => g.stop()));
}

/** Exit code after a SIGINT/SIGTERM/SIGHUP-triggered clean shutdown; undefined = 128 + signal number. */
let signalExitCode: number | undefined;
export function setSignalExitCode(code: number | undefined): void {
  signalExitCode = code;
}

let shuttingDown = false;
let shutdownStartedAt = 0;
/** Runs the shutdown hooks, stops every group, then exits with exitCode (printing reason, if any). */
export function shutdownAndExit(exitCode: number, reason = ''): Promise<void> {
  return shutdown(exitCode, reason);
}

async function shutdown(exitCode: number, reason: string): Promise<void> {
  if (shuttingDown) {
    // npm forwards the terminal's SIGINT, so one Ctrl+C can arrive twice: only a later one means "stop waiting".
    if (Date.now() - shutdownStartedAt < 1500) return;
    for (const g of [...live]) g.killNow();
    process.exit(exitCode);
  }
  shuttingDown = true;
  shutdownStartedAt = Date.now();
  if (reason) console.error(reason);
  const hardStop = setTimeout(() => {
    for (const g of [...live]) g.killNow();
    process.exit(exitCode);
  }, 10000);
  hardStop.unref();
  for (const hook of shutdownHooks) {
    try {
      await hook();
    } catch {
      // keep shutting down
    }
  }
  await stopAllGroups();
  process.exit(exitCode);
}

function installGuards(): void {
  if (guardsInstalled) return;
  guardsInstalled = true;
  process.on('exit', () => {
    for (const g of [...live]) g.killNow();
  });
  process.on('SIGINT', () => void shutdown(signalExitCode ?? 130, ''));
  process.on('SIGTERM', () => void shutdown(signalExitCode ?? 143, ''));
  process.on('SIGHUP', () => void shutdown(signalExitCode ?? 129, ''));
  process.on('uncaughtException', (err) => void shutdown(1, `uncaught exception: ${err?.stack ?? err}`));
  process.on('unhandledRejection', (err) => void shutdown(1, `unhandled rejection: ${(err as Error)?.stack ?? String(err)}`));
}

/** Spawns `command` as the leader of a new process group (detached) and tracks it for cleanup. */
export function spawnGroup(command: string, args: string[], options: SpawnOptions = {}): GroupProcess {
  installGuards();
  const child = spawn(command, args, { ...options, detached: true });
  let spawnError: Error | undefined;
  child.on('error', (err) => (spawnError = err));
  if (child.pid === undefined) {
    // spawn failures (ENOENT, ...) are reported asynchronously; surface them synchronously here.
    throw new Error(`could not start ${command}${spawnError ? `: ${spawnError.message}` : ''}`);
  }
  const group = new GroupProcessImpl(child);
  live.add(group);
  return group;
}
