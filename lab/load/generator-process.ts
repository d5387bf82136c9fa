/**
 * The lab's side of a generator worker: spawns it (compiled, with an IPC channel), hands it its config,
 * relays its batches of runs, and stops it — politely, then with SIGKILL if it does not leave.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolveEntry } from '../runner/index.js';
import { GeneratorExitedError, GeneratorStartError } from './errors.js';
import type { FromWorker, ToWorker } from './messages.js';
import type { GeneratedRun } from './open-model.js';
import type { LoadSummary } from './tally.js';

export interface GeneratorProcessOptions {
  /** For messages: `load`, `probes`. */
  readonly name: string;
  /** Source path of the worker entry; it runs from dist/. */
  readonly entry: string;
  readonly config: unknown;
  readonly stopGraceMs: number;
  readonly startTimeoutMs?: number;
}

const KILL_AFTER_GRACE_MS = 5000;
const STDERR_TAIL_CHARS = 4000;

export class GeneratorProcess<Run extends GeneratedRun = GeneratedRun> {
  startedAtMs = Number.NaN;
  private readonly listeners: Array<(runs: readonly Run[]) => void> = [];
  private pending: Array<readonly Run[]> = [];
  private summary: LoadSummary | undefined;
  private readonly closed: Promise<void>;
  private readonly finished: Promise<LoadSummary>;
  private stopping: Promise<LoadSummary | undefined> | undefined;
  /** The end of the worker's stderr, for error messages (a worker writes nothing there unless it crashes). */
  private stderrTail = '';

  /** `Run` narrows what the worker's config lets it produce (no `raw-get` unless its mix has it). */
  static async start<Run extends GeneratedRun>(options: GeneratorProcessOptions): Promise<GeneratorProcess<Run>> {
    const child = spawn(process.execPath, [resolveEntry(options.entry)], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
    const generator = new GeneratorProcess<Run>(options, child);
    try {
      generator.startedAtMs = await generator.handshake(options.config, options.startTimeoutMs ?? 15_000);
      return generator;
    } catch (error) {
      child.kill('SIGKILL');
      await generator.closed;
      throw error;
    }
  }

  private constructor(private readonly options: GeneratorProcessOptions, private readonly child: ChildProcess) {
    this.closed = new Promise((resolve) => child.once('close', () => resolve()));
    child.stderr?.setEncoding('utf8').on('data', (text: string) => { this.stderrTail = (this.stderrTail + text).slice(-STDERR_TAIL_CHARS); });
    this.finished = this.closed.then(() => this.summary ?? Promise.reject(new GeneratorExitedError(options.name, child.exitCode, child.signalCode, this.stderrTail)));
    this.finished.catch(() => undefined); // observed through done()
    child.on('error', () => undefined); // a spawn failure also ends in 'close'
    child.on('message', (message: FromWorker) => {
      if (message.type === 'runs') this.deliver(message.runs as readonly Run[]);
      else if (message.type === 'summary') this.summary = message.summary;
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Receives every batch of finished runs (~every 100 ms); batches that came before the first listener are replayed. */
  onRuns(callback: (runs: readonly Run[]) => void): void {
    this.listeners.push(callback);
    const replay = this.pending;
    this.pending = [];
    for (const runs of replay) callback(runs);
  }

  /** The summary, once the schedule ran out (or `stop()` ended it) and every batch was delivered. */
  done(): Promise<LoadSummary> {
    return this.finished;
  }

  /**
   * Starts nothing more, waits for the last batch and the process to exit; SIGKILL if it lingers.
   * Resolves with the summary (undefined only if the worker died without one). Idempotent.
   */
  stop(): Promise<LoadSummary | undefined> {
    this.stopping ??= (async () => {
      if (this.child.exitCode === null && this.child.signalCode === null) {
        if (this.child.connected) this.send({ type: 'stop', graceMs: this.options.stopGraceMs });
        const kill = setTimeout(() => this.child.kill('SIGKILL'), this.options.stopGraceMs + KILL_AFTER_GRACE_MS);
        await this.closed;
        clearTimeout(kill);
      }
      await this.closed;
      return this.summary;
    })();
    return this.stopping;
  }

  private deliver(runs: readonly Run[]): void {
    if (this.listeners.length === 0) this.pending.push(runs);
    for (const listener of this.listeners) listener(runs);
  }

  private send(message: ToWorker): void {
    this.child.send(message, (error) => { if (error) this.child.kill('SIGKILL'); });
  }

  /** Sends the config; resolves with the schedule's time zero once the worker started it. */
  private handshake(config: unknown, timeoutMs: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const name = this.options.name;
      const settle = (outcome: () => void) => {
        clearTimeout(timer);
        this.child.off('message', onMessage);
        outcome();
      };
      const onMessage = (message: FromWorker) => {
        if (message.type === 'started') settle(() => resolve(message.startedAtMs));
        else if (message.type === 'failed') settle(() => reject(new GeneratorStartError(name, message.message)));
      };
      const timer = setTimeout(() => settle(() => reject(new GeneratorStartError(name, `no answer within ${timeoutMs} ms`))), timeoutMs);
      this.child.on('message', onMessage);
      this.child.once('error', (error) => settle(() => reject(new GeneratorStartError(name, error.message, { cause: error }))));
      void this.closed.then(() => settle(() => {
        const tail = this.stderrTail && `; its stderr ended with:\n${this.stderrTail}`;
        reject(new GeneratorStartError(name, `exited with ${this.child.exitCode ?? this.child.signalCode}${tail}`));
      }));
      this.send({ type: 'start', config });
    });
  }
}
