/**
 * One way to wait for a process to become ready, after testcontainers' wait strategies: a strategy makes
 * one attempt (an HTTP answer, a client that gets in), and `waitFor` repeats it until it succeeds.
 *
 *   attempt ─ fails ─ pause ─ attempt ─ … ─ succeeds: resolve
 *      │ every attempt is bounded, and cut short by the deadline, an exit or an abort
 *      └─ signal aborted: reject with its reason · process exited: reject with `exitError` at once
 *         · deadline passed: reject with `timeoutError` (the last attempt's error as `cause`, the log tail)
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describeExit, ProcessExitedError, WaitTimeoutError } from './errors.js';
import type { ProcessExit } from './guarded-process.js';

export interface WaitStrategy {
  /** What is waited for, in words: `GET http://127.0.0.1:8080/readyz to answer 200`. */
  readonly description: string;
  /** One attempt: resolves once ready, rejects with why not. Should stop when `signal` aborts; it is given up on then anyway. */
  attempt(signal: AbortSignal): Promise<void>;
}

export interface WaitTimedOut {
  readonly description: string;
  readonly waitedMs: number;
  /** Why the last attempt failed. */
  readonly lastError: unknown;
  readonly logTail: readonly string[];
}

export interface WaitOptions {
  /** Give up after this long; undefined waits until the process exits or `signal` aborts. */
  readonly timeoutMs?: number;
  /** The pause between attempts. */
  readonly intervalMs?: number;
  /** The longest one attempt may take (less when the deadline is nearer). */
  readonly attemptTimeoutMs?: number;
  /** Aborting it rejects the wait at once with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Resolves when the process has ended: the wait rejects at once with `exitError`. */
  readonly exited?: Promise<ProcessExit>;
  /** The process's last log lines, for the errors. */
  readonly logTail?: () => readonly string[];
  /** The error at the deadline; a `WaitTimeoutError` unless given. */
  readonly timeoutError?: (timedOut: WaitTimedOut) => Error;
  /** The error when the process ends first (it may wait for its last lines); a `ProcessExitedError` unless given. */
  readonly exitError?: (exit: ProcessExit) => Error | Promise<Error>;
}

const DEFAULT_INTERVAL_MS = 100;
const DEFAULT_ATTEMPT_TIMEOUT_MS = 2_000;

/** Attempts `strategy` until it succeeds; see the header for how it fails. */
export async function waitFor(strategy: WaitStrategy, options: WaitOptions = {}): Promise<void> {
  const { timeoutMs = Infinity, intervalMs = DEFAULT_INTERVAL_MS, attemptTimeoutMs = DEFAULT_ATTEMPT_TIMEOUT_MS, signal } = options;
  const logTail = options.logTail ?? (() => []);
  const ended = new AbortController();
  let exit: ProcessExit | undefined;
  void options.exited?.then((processExit) => {
    exit = processExit;
    ended.abort(new Error(`the process exited (${describeExit(processExit)})`));
  });
  const stopped = signal === undefined ? ended.signal : AbortSignal.any([signal, ended.signal]);
  const startedAt = performance.now();
  let lastError: unknown;
  for (;;) {
    signal?.throwIfAborted();
    if (exit !== undefined) throw await (options.exitError ?? defaultExitError(strategy, logTail))(exit);
    const waitedMs = Math.round(performance.now() - startedAt);
    if (waitedMs >= timeoutMs) {
      const timedOut = { description: strategy.description, waitedMs, lastError, logTail: logTail() };
      throw options.timeoutError?.(timedOut) ?? new WaitTimeoutError(timedOut);
    }
    const boundMs = Math.min(attemptTimeoutMs, timeoutMs - waitedMs);
    try {
      await attemptWithin(strategy, boundMs, stopped);
      return;
    } catch (error) {
      // An attempt that only ran out of the time left before the deadline says less than the one before it.
      const cutShort = error instanceof AttemptTimeout && boundMs < attemptTimeoutMs;
      if (!cutShort || lastError === undefined) lastError = error;
    }
    const leftMs = timeoutMs - (performance.now() - startedAt);
    await sleep(Math.max(0, Math.min(intervalMs, leftMs)), undefined, { signal: stopped }).catch(() => undefined);
  }
}

/** One attempt, given up on after `timeoutMs` or once `stopped` aborts, whether or not it listens. */
async function attemptWithin(strategy: WaitStrategy, timeoutMs: number, stopped: AbortSignal): Promise<void> {
  const attempt = new AbortController();
  const boundMs = Math.max(1, timeoutMs);
  const timer = setTimeout(() => attempt.abort(new AttemptTimeout(boundMs)), boundMs);
  const stop = () => attempt.abort(stopped.reason);
  stopped.addEventListener('abort', stop, { once: true });
  if (stopped.aborted) stop();
  const givenUp = new Promise<never>((_, reject) => attempt.signal.addEventListener('abort', () => reject(attempt.signal.reason), { once: true }));
  try {
    await Promise.race([strategy.attempt(attempt.signal), givenUp]);
  } finally {
    clearTimeout(timer);
    stopped.removeEventListener('abort', stop);
  }
}

class AttemptTimeout extends Error {
  constructor(boundMs: number) {
    super(`no answer within ${boundMs} ms`);
  }
}

function defaultExitError(strategy: WaitStrategy, logTail: () => readonly string[]) {
  return (exit: ProcessExit) => new ProcessExitedError(strategy.description, exit, logTail());
}
