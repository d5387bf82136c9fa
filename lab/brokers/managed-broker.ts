/**
 * The lifecycle every private broker shares: launch under a guard, wait until a client gets in,
 * crash on demand, restart on the same port and data, stop for good. RabbitMQ and NATS differ only in
 * their recipe.
 */
import { ProcessSpawnError } from '../process/errors.js';
import { GuardedProcess, type GuardedCommand } from '../process/guarded-process.js';
import { LogTail } from '../process/log-tail.js';
import { waitFor } from '../process/wait.js';
import { probe } from '../process/wait-strategies.js';
import { BrokerExitedError, BrokerSpawnError, BrokerStartTimeoutError, BrokerStoppedError, BrokerUnhealthyError } from './errors.js';
import { reniceBrokerProcesses } from './renice.js';
import type { BrokerKind, BrokerScope, ShareableBroker } from './types.js';

const PROBE_INTERVAL_MS = 150;
/** A probe gives up on its own within a few seconds; this is the backstop. */
const PROBE_TIMEOUT_MS = 5_000;

export interface BrokerRecipe {
  readonly kind: BrokerKind;
  readonly port: number;
  readonly url: string;
  readonly command: GuardedCommand;
  readonly readyTimeoutMs: number;
  /** Connects a client and disconnects it; rejects while the broker cannot serve. */
  probe(): Promise<void>;
  /** The pid worth reporting, given the pid the guard launched (RabbitMQ: beam.smp under a shell). */
  brokerPid(launchedPid: number): Promise<number>;
  /** See `ShareableBroker.openScope`; called only once `probe()` succeeded. */
  openScope(name: string): Promise<BrokerScope>;
}

/** Launches the recipe and waits until it is ready; on failure, nothing it started is left running. */
export async function startManagedBroker(
  recipe: BrokerRecipe,
  onLog?: (line: string, stream: 'stdout' | 'stderr') => void,
  niceness?: number,
): Promise<ShareableBroker> {
  const broker = new ManagedBroker(recipe, onLog, niceness);
  await broker.restart();
  return broker;
}

class ManagedBroker implements ShareableBroker {
  readonly kind: BrokerKind;
  readonly url: string;
  readonly port: number;
  private readonly logTail = new LogTail();
  private current: { process: GuardedProcess; pid: number } | undefined;
  private starting: Promise<void> | undefined;
  private stopping: Promise<void> | undefined;

  constructor(
    private readonly recipe: BrokerRecipe,
    private readonly onLog?: (line: string, stream: 'stdout' | 'stderr') => void,
    private niceness?: number,
  ) {
    ({ kind: this.kind, url: this.url, port: this.port } = recipe);
  }

  pid(): number | undefined {
    return this.isRunning() ? this.current?.pid : undefined;
  }

  isRunning(): boolean {
    return this.current?.process.isAlive() ?? false;
  }

  async kill(): Promise<void> {
    const running = this.current?.process;
    if (running === undefined) return;
    running.crash();
    await running.gone;
  }

  restart(): Promise<void> {
    if (this.stopping !== undefined) return Promise.reject(new BrokerStoppedError(this.kind, this.port));
    if (this.isRunning()) return this.starting ?? Promise.resolve();
    this.starting ??= this.launch().finally(() => (this.starting = undefined));
    return this.starting;
  }

  /** Every process and thread of the instance, and any restart of it, at this niceness from now on. */
  setNiceness(niceness: number): void {
    this.niceness = niceness;
    reniceBrokerProcesses(this.recipe.command.instanceDir, niceness);
  }

  async openScope(name: string): Promise<BrokerScope> {
    if (this.stopping !== undefined) throw new BrokerStoppedError(this.kind, this.port);
    if (!this.isRunning()) throw new BrokerUnhealthyError(this.kind, this.port, 'is not running');
    try {
      await this.recipe.probe();
    } catch (cause) {
      throw new BrokerUnhealthyError(this.kind, this.port, 'is running but no client gets in', { cause });
    }
    return this.recipe.openScope(name);
  }

  stop(): Promise<void> {
    this.stopping ??= this.terminate();
    return this.stopping;
  }

  private async terminate(): Promise<void> {
    await this.current?.process.terminate();
    await this.starting?.catch(() => undefined);
  }

  private async launch(): Promise<void> {
    await this.current?.process.gone; // the previous lifetime's cleanup (epmd) must finish first
    const process = await GuardedProcess.spawn({ ...this.recipe.command, niceness: this.niceness }, (line, stream) => {
      this.logTail.push(line);
      this.onLog?.(line, stream);
    }).catch((error: unknown) => {
      throw error instanceof ProcessSpawnError ? new BrokerSpawnError(error.command, error.reason, { cause: error }) : error;
    });
    this.current = { process, pid: process.pid };
    try {
      if (this.stopping !== undefined) throw new BrokerStoppedError(this.kind, this.port);
      const { kind, port } = this;
      await waitFor(probe(() => this.recipe.probe()), {
        timeoutMs: this.recipe.readyTimeoutMs,
        intervalMs: PROBE_INTERVAL_MS,
        attemptTimeoutMs: PROBE_TIMEOUT_MS,
        exited: process.exited,
        logTail: () => this.logTail.snapshot(),
        timeoutError: ({ waitedMs, lastError, logTail }) => new BrokerStartTimeoutError({ kind, port, waitedMs, logTail }, { cause: lastError }),
        exitError: ({ code, signal }) => new BrokerExitedError({ kind, port, exitCode: code, signal, logTail: this.logTail.snapshot() }),
      });
      this.current = { process, pid: await this.recipe.brokerPid(process.pid) };
    } catch (error) {
      await process.terminate();
      throw error;
    }
  }
}
