/** Named errors of the process stack: a launch that failed, a wait that timed out or saw its process end. */
import type { ProcessExit } from './guarded-process.js';
import { formatLogTail } from './log-tail.js';
import type { WaitTimedOut } from './wait.js';

export class ProcessError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The guard could not launch the command (not executable, bad working dir, ...). */
export class ProcessSpawnError extends ProcessError {
  constructor(readonly command: string, readonly reason: string, options?: { cause?: unknown }) {
    super(`could not launch ${command}: ${reason}`, options);
  }
}

/** `waitFor` passed its deadline (callers usually say it in their own words: see `timeoutError`). */
export class WaitTimeoutError extends ProcessError {
  readonly description: string;
  readonly waitedMs: number;
  readonly logTail: readonly string[];

  constructor(timedOut: WaitTimedOut) {
    super(
      `waited ${timedOut.waitedMs} ms for ${timedOut.description} in vain${describeLastAttempt(timedOut.lastError)}${formatLogTail(timedOut.logTail)}`,
      { cause: timedOut.lastError },
    );
    ({ description: this.description, waitedMs: this.waitedMs, logTail: this.logTail } = timedOut);
  }
}

/** The process ended while `waitFor` waited for it. */
export class ProcessExitedError extends ProcessError {
  constructor(readonly description: string, readonly exit: ProcessExit, readonly logTail: readonly string[]) {
    super(`the process exited (${describeExit(exit)}) while waiting for ${description}${formatLogTail(logTail)}`);
  }
}

export function describeExit(exit: ProcessExit): string {
  return exit.signal === null ? `code ${exit.code}` : `signal ${exit.signal}`;
}

/** ` (last attempt: …)`, or nothing when there was no error to tell. */
export function describeLastAttempt(cause: unknown): string {
  return cause instanceof Error ? ` (last attempt: ${cause.message})` : '';
}
