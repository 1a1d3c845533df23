// Child processes for tests, the devnet and benchmarks: started with a log file, tracked by
// PID, and always stopped, even when whatever started them fails.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { dirname } from 'node:path';

/** `count` distinct free TCP ports on 127.0.0.1 (held together while picked, so they differ). */
/** Whether a process with this PID exists (signal 0 checks without signalling). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => {
      const server = createServer();
      return new Promise<Server>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve(server));
      });
    }),
  );
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

export async function freePort(): Promise<number> {
  return (await freePorts(1))[0]!;
}

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Named in the timeout error: "timed out after 30000ms waiting for <what>". */
  what?: string;
  /** Checked before each poll; a returned string aborts the wait at once with that reason. */
  failIf?: () => string | undefined;
}

/**
 * Polls `predicate` until it returns a truthy value, and returns that value.
 * A predicate that throws counts as "not yet"; its last error is in the timeout message.
 */
export async function waitFor<T>(predicate: () => T | Promise<T>, options: WaitOptions = {}): Promise<NonNullable<T>> {
  const { timeoutMs = 30_000, intervalMs = 100, what = 'condition' } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    const failure = options.failIf?.();
    if (failure !== undefined) throw new Error(`gave up waiting for ${what}: ${failure}`);
    try {
      const value = await predicate();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs}ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export interface StartOptions {
  /** stdout and stderr both go here. */
  logFile: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** The group that will stop it; defaults to the process-wide one. */
  group?: ProcessGroup;
  /**
   * Its own process group: a Ctrl-C in the terminal then reaches only the parent, which
   * stops its children itself, in order (a node before the app it depends on).
   */
  detached?: boolean;
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class ProcessHandle {
  exitStatus: ExitStatus | null = null;
  readonly exited: Promise<ExitStatus>;

  constructor(
    readonly pid: number,
    readonly command: string,
    readonly logFile: string,
    exited: Promise<ExitStatus>,
  ) {
    this.exited = exited.then((status) => (this.exitStatus = status));
  }

  get running(): boolean {
    return this.exitStatus === null;
  }

  /** The last `lines` lines of the log, for error messages. */
  logTail(lines = 40): string {
    try {
      return readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }

  /** kill -9 by PID: no grace, no cleanup (a crash, for crash tests); resolves once it is gone. */
  async kill(): Promise<ExitStatus> {
    if (!this.running) return this.exitStatus!;
    signal(this.pid, 'SIGKILL');
    return this.exited;
  }

  /** SIGTERM by PID, then SIGKILL if it is still alive after `graceMs`. */
  async stop(graceMs = 5_000): Promise<ExitStatus> {
    if (!this.running) return this.exitStatus!;
    signal(this.pid, 'SIGTERM');
    const timer = new Promise<null>((resolve) => setTimeout(() => resolve(null), graceMs).unref());
    const status = await Promise.race([this.exited, timer]);
    if (status !== null) return status;
    signal(this.pid, 'SIGKILL');
    return this.exited;
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

/** Processes started together and stopped together, e.g. in a test's `after()`. */
export class ProcessGroup {
  private readonly handles = new Set<ProcessHandle>();

  add(handle: ProcessHandle): void {
    this.handles.add(handle);
    void handle.exited.then(() => this.handles.delete(handle));
  }

  /** Every process still running, newest first (so a node stops before what it depends on). */
  get live(): ProcessHandle[] {
    return [...this.handles].filter((h) => h.running).reverse();
  }

  async stopAll(graceMs?: number): Promise<void> {
    for (const handle of this.live) await handle.stop(graceMs);
  }

  /** Synchronous last resort for process exit: no time left for a graceful stop. */
  killAllNow(): void {
    for (const handle of this.live) signal(handle.pid, 'SIGKILL');
  }
}

/** Every process the helpers started in this test file, unless a group was given. */
export const processes = new ProcessGroup();
const allGroups = new Set<ProcessGroup>([processes]);
// If the test runner exits without reaching after() (crash, process.exit), leave no orphans.
process.on('exit', () => {
  for (const group of allGroups) group.killAllNow();
});

export function startProcess(command: string, args: readonly string[], options: StartOptions): ProcessHandle {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = openSync(options.logFile, 'a');
  try {
    // The child writes straight into the log file: nothing to pump, and the log
    // survives the test runner.
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', log, log], detached: options.detached ?? false });
    const exited = new Promise<ExitStatus>((resolve) => {
      child.once('exit', (code, sig) => resolve({ code, signal: sig }));
      child.once('error', () => resolve({ code: null, signal: null }));
    });
    if (child.pid === undefined) {
      throw new Error(`could not start ${command}: is it installed and executable?`);
    }
    const handle = new ProcessHandle(child.pid, [command, ...args].join(' '), options.logFile, exited);
    const group = options.group ?? processes;
    allGroups.add(group);
    group.add(handle);
    return handle;
  } finally {
    closeSync(log);
  }
}
