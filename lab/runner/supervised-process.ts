/**
 * One replica of an app under supervision, like a container under `restart: always`:
 *
 *   start() ─ spawn ─ starting ─ poll readiness ─ ready
 *                                                  │ exit (crash, kill, module fault)
 *                    starting ◄─ back-off ◄─ restarting ◄─ exited
 *
 * The first start is not retried: a process that dies before it was ever ready is a broken start,
 * reported to the caller. stop() ends supervision for good.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RestartPolicy } from '../../boundary/topology.js';
import { waitFor, type WaitOptions } from '../process/wait.js';
import { http } from '../process/wait-strategies.js';
import type { CentralLog } from './central-log.js';
import { ComponentExitedError, ComponentNotReadyError, ComponentSpawnError } from './errors.js';
import { RestartBackoff } from './restart-backoff.js';
import type { ControlMessage, InstanceState, LifecycleEvent, LogStream } from './types.js';

const READINESS_INTERVAL_MS = 50;
const READINESS_ATTEMPT_MS = 1_000;
/** After SIGKILL: how long stop() waits for the process to be reaped. */
const KILL_WAIT_MS = 1_000;

export type EventRecorder = (event: Pick<LifecycleEvent, 'type' | 'detail' | 'pid' | 'backoffMs'>) => void;

export interface ProcessSpec {
  readonly component: string;
  readonly index: number;
  readonly port: number;
  readonly url: string;
  readonly readinessUrl: string;
  readonly compiledEntry: string;
  readonly cwd: string;
  readonly restart: RestartPolicy;
  /** Asked at every spawn, so a restarted process sees the environment as it is now. */
  readonly env: () => NodeJS.ProcessEnv;
  readonly log: CentralLog;
  readonly record: EventRecorder;
}

interface Life {
  readonly child: ChildProcess;
  readonly startedAtMs: number;
  /** Aborted when the process dies: stops readiness polling for it. */
  readonly death: AbortController;
  readonly closed: Promise<void>;
  exit?: { readonly code: number | null; readonly signal: NodeJS.Signals | null };
}

export class SupervisedProcess {
  #life?: Life;
  #state: InstanceState = 'starting';
  #everReady = false;
  #stopping = false;
  #restarts = 0;
  #restartTimer?: NodeJS.Timeout;
  readonly #backoff = new RestartBackoff();

  constructor(readonly spec: ProcessSpec) {}

  get pid(): number | undefined { return this.#life?.child.pid; }
  get state(): InstanceState { return this.#state; }
  get restarts(): number { return this.#restarts; }

  /** Spawns the first process and waits until it is ready; throws if it dies or times out first. */
  async start(timeoutMs: number, signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    const life = this.#launch();
    const { component, index, readinessUrl, log } = this.spec;
    try {
      await this.#untilReady({
        timeoutMs, signal: AbortSignal.any([signal, life.death.signal]),
        timeoutError: ({ lastError }) => new ComponentNotReadyError(component, index, readinessUrl, timeoutMs, log.tail(component, index), { cause: lastError }),
      });
    } catch (error) {
      if (error instanceof ComponentNotReadyError || !life.death.signal.aborted) throw error;
      await Promise.race([life.closed, sleep(500, undefined, { ref: false })]); // let its last words reach the log tail
      throw this.#deathError(life);
    }
    this.#ready();
  }

  /** Recorded when it is about to be taken out (see RunningVariant.removeInstance); its state does not change. */
  draining(detail: string): void {
    this.spec.record({ type: 'draining', detail, pid: this.pid });
  }

  kill(): boolean { return this.#signal('SIGKILL'); }
  pause(): boolean { return this.#signal('SIGSTOP'); }
  resume(): boolean { return this.#signal('SIGCONT'); }

  send(message: ControlMessage): Promise<boolean> {
    const child = this.#life?.child;
    if (!child?.connected) return Promise.resolve(false);
    return new Promise((delivered) => {
      try { child.send(message, (error) => delivered(!error)); } catch { delivered(false); }
    });
  }

  /** SIGTERM (and SIGCONT, in case it is paused), SIGKILL after `graceMs`; resolves once it is gone. */
  async stop(graceMs: number): Promise<void> {
    this.#stopping = true;
    clearTimeout(this.#restartTimer);
    const life = this.#life;
    if (!life) {
      if (this.#state === 'backing-off') this.spec.record({ type: 'stopped' });
      this.#state = 'stopped';
      return;
    }
    this.#state = 'stopping';
    life.child.kill('SIGTERM');
    life.child.kill('SIGCONT');
    const died = life.death.signal;
    if (!died.aborted) await Promise.race([sleep(graceMs, undefined, { ref: false }), new Promise((r) => died.addEventListener('abort', r))]);
    if (!died.aborted) life.child.kill('SIGKILL');
    // A SIGKILLed process is gone within milliseconds, but not synchronously: with no grace, wait for it anyway.
    await Promise.race([life.closed, sleep(Math.max(graceMs, KILL_WAIT_MS), undefined, { ref: false })]);
  }

  #launch(): Life {
    const { spec } = this;
    this.#state = 'starting';
    const child = spawn(process.execPath, ['--enable-source-maps', spec.compiledEntry], {
      cwd: spec.cwd, env: spec.env(), stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const life: Life = {
      child, startedAtMs: Date.now(), death: new AbortController(),
      closed: new Promise((closed) => child.once('close', () => closed())),
    };
    this.#life = life;
    this.#pipe(child, 'stdout');
    this.#pipe(child, 'stderr');
    child.once('exit', (code, signal) => this.#died(life, code, signal));
    // A process that could not be spawned has no pid; any other 'error' (a failed send or kill) is not a death.
    child.on('error', (error) => { if (child.pid === undefined) this.#died(life, null, null, error); });
    spec.record({ type: 'starting', pid: child.pid });
    return life;
  }

  #died(life: Life, code: number | null, signal: NodeJS.Signals | null, spawnError?: Error): void {
    if (life.death.signal.aborted) return;
    life.death.abort(spawnError ?? new Error(signal ? `signal ${signal}` : `code ${code}`));
    life.exit = { code, signal };
    if (this.#life === life) this.#life = undefined;
    const detail = spawnError ? `spawn failed: ${spawnError.message}` : signal ? `signal ${signal}` : `code ${code}`;
    const pid = life.child.pid;
    if (this.#stopping) {
      this.#state = 'stopped';
      this.spec.record({ type: 'stopped', detail, pid });
      return;
    }
    this.spec.record({ type: 'exited', detail, pid });
    if (this.spec.restart === 'always' && this.#everReady) this.#scheduleRestart(Date.now() - life.startedAtMs);
    else this.#state = 'stopped';
  }

  #scheduleRestart(upMs: number): void {
    const backoffMs = this.#backoff.delayAfter(upMs);
    this.#state = 'backing-off';
    this.spec.record({ type: 'restarting', backoffMs });
    this.#restartTimer = setTimeout(() => void this.#restart(), backoffMs);
  }

  async #restart(): Promise<void> {
    if (this.#stopping) return;
    this.#restarts += 1;
    const life = this.#launch();
    // No deadline after a restart: it is ready when it is ready, and dies (and restarts) if it dies.
    const ready = await this.#untilReady({ signal: life.death.signal }).then(() => true, () => false);
    if (ready && this.#life === life && !this.#stopping) this.#ready();
  }

  #untilReady(options: WaitOptions): Promise<void> {
    return waitFor(http(this.spec.readinessUrl), { intervalMs: READINESS_INTERVAL_MS, attemptTimeoutMs: READINESS_ATTEMPT_MS, ...options });
  }

  #ready(): void {
    this.#everReady = true;
    this.#state = 'ready';
    this.spec.record({ type: 'ready', pid: this.pid });
  }

  #signal(signal: NodeJS.Signals): boolean {
    const child = this.#life?.child;
    if (!child || this.#stopping) return false;
    this.spec.record({ type: 'fault', detail: signal, pid: child.pid });
    return child.kill(signal);
  }

  #pipe(child: ChildProcess, stream: LogStream): void {
    const source = child[stream];
    if (!source) return;
    const { log, component, index } = this.spec;
    createInterface({ input: source, crlfDelay: Infinity }).on('line', (line) => log.write(component, index, stream, line));
  }

  #deathError(life: Life): Error {
    const { component, index } = this.spec;
    const reason: unknown = life.death.signal.reason;
    if (life.child.pid === undefined) return new ComponentSpawnError(component, index, { cause: reason });
    const { code, signal } = life.exit ?? { code: null, signal: null };
    return new ComponentExitedError(component, index, code, signal, this.spec.log.tail(component, index));
  }
}
