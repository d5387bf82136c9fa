/**
 * One lifetime of a process the lab must not leave behind (a broker, the lab's HAProxy), run under
 * `guard.cjs` so that it dies with the lab, even when the lab is SIGKILLed. A restart is a new GuardedProcess.
 *
 * The guard runs in its own process group: a SIGKILL to the lab's whole group (a CI timeout, the OOM
 * killer) does not reach it, so it sees the IPC channel close and stops the broker. Should the guard
 * die too, the instance's registry file lets the next `archlab` command find and stop what is left.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ProcessSpawnError } from './errors.js';
import { INSTANCE_DIR_ENV, registerInstance } from './instance-registry.js';
import { guardScriptPath } from './lab-root.js';

export interface GuardedCommand {
  readonly command: string;
  readonly args: readonly string[];
  /** Added to the lab's environment. */
  readonly env: Readonly<Record<string, string>>;
  /** The instance's own folder: every process of it carries `<INSTANCE_DIR_ENV>=<instanceDir>`, so it can be found. */
  readonly instanceDir: string;
  readonly cwd: string;
  /** SIGTERM to SIGKILL, when stopping. */
  readonly graceMs: number;
  /** Started at this niceness (the broker and everything it starts inherit it); normal priority unless told. */
  readonly niceness?: number;
  /** RabbitMQ: the private epmd to stop once the broker is gone. */
  readonly epmd?: { readonly path: string; readonly port: number };
  /** Where the instance is registered while it lives (see instance-registry.ts); not at all when left out. */
  readonly registry?: { readonly dir: string; readonly kind: string };
}

export interface ProcessExit {
  readonly code: number | null;
  readonly signal: string | null;
}

export type LogListener = (line: string, stream: 'stdout' | 'stderr') => void;

type GuardMessage =
  | { type: 'started'; pid: number }
  | { type: 'spawn-failed'; message: string }
  | { type: 'exit'; code: number | null; signal: string | null };

const GUARD_REPORT_TIMEOUT_MS = 10_000;
/** On top of the grace period: time for the guard to clean up after the broker is gone. */
const GUARD_CLEANUP_MS = 7_000;

export class GuardedProcess {
  private exitSeen: ProcessExit | undefined;

  private constructor(
    /** The broker's pid, which is also its process group id. */
    readonly pid: number,
    private readonly guard: ChildProcess,
    private readonly graceMs: number,
    /** Resolves when the broker process has ended. */
    readonly exited: Promise<ProcessExit>,
    /** Resolves when the guard has cleaned up after it (its group and epmd gone) and exited. */
    readonly gone: Promise<void>,
  ) {
    void exited.then((exit) => (this.exitSeen = exit));
  }

  static async spawn(command: GuardedCommand, onLine: LogListener): Promise<GuardedProcess> {
    const tagged = { ...command, env: { ...command.env, [INSTANCE_DIR_ENV]: command.instanceDir } };
    const guard = spawn(process.execPath, [guardScriptPath(), JSON.stringify(tagged)], {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      detached: true, // out of the lab's process group: see the header
    });
    forwardLines(guard, onLine);
    let reportExit: (exit: ProcessExit) => void = () => undefined;
    const exited = new Promise<ProcessExit>((resolve) => (reportExit = resolve));
    let exitReported = false;
    guard.on('message', (message: GuardMessage) => {
      if (message.type !== 'exit') return;
      exitReported = true;
      reportExit({ code: message.code, signal: message.signal });
    });
    const pid = await waitForStartReport(guard, command.command);
    const { registry, epmd } = command;
    const unregister = registry === undefined
      ? () => undefined
      : registerInstance(registry.dir, { kind: registry.kind, guardPid: guard.pid!, pid, instanceDir: command.instanceDir, epmd });
    const gone = new Promise<void>((resolve) =>
      guard.once('close', () => {
        // A guard that died without reporting the broker's end did not clean up: finish its job.
        if (!exitReported) signalGroup(pid, 'SIGKILL');
        reportExit({ code: null, signal: null });
        unregister();
        resolve();
      }),
    );
    return new GuardedProcess(pid, guard, command.graceMs, exited, gone);
  }

  isAlive(): boolean {
    return this.exitSeen === undefined;
  }

  /** SIGKILL to the broker's whole process group: a crash, not a shutdown. */
  crash(): void {
    if (this.isAlive()) signalGroup(this.pid, 'SIGKILL');
  }

  /** Asks the guard for a graceful stop; forces it when the guard does not finish in time. */
  async terminate(): Promise<void> {
    this.guard.kill('SIGTERM');
    const forced = setTimeout(() => {
      this.crash();
      this.guard.kill('SIGKILL');
    }, this.graceMs + GUARD_CLEANUP_MS);
    try {
      await this.gone;
    } finally {
      clearTimeout(forced);
    }
  }
}

function waitForStartReport(guard: ChildProcess, command: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (reason: string, cause?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      guard.kill('SIGKILL');
      reject(new ProcessSpawnError(command, reason, { cause }));
    };
    const timer = setTimeout(
      () => fail(`its guard reported nothing within ${GUARD_REPORT_TIMEOUT_MS} ms`),
      GUARD_REPORT_TIMEOUT_MS,
    );
    guard.once('error', (error) => fail(`the guard process failed: ${error.message}`, error));
    guard.once('exit', (code, signal) => fail(`its guard exited first (code ${code}, signal ${signal})`));
    guard.on('message', (message: GuardMessage) => {
      if (message.type === 'spawn-failed') fail(message.message);
      if (message.type !== 'started' || settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(message.pid);
    });
  });
}

function forwardLines(guard: ChildProcess, onLine: LogListener): void {
  for (const stream of ['stdout', 'stderr'] as const) {
    const input = guard[stream];
    if (input === null) continue;
    createInterface({ input, crlfDelay: Infinity }).on('line', (line) => onLine(line, stream));
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}
