import { setTimeout as delay } from 'node:timers/promises';
import type { ProcessExit } from '../process/guarded-process.js';
import { BrokerExitedError, BrokerStartTimeoutError } from './errors.js';
import type { BrokerKind } from './types.js';

export interface ReadinessWait {
  readonly kind: BrokerKind;
  readonly port: number;
  readonly timeoutMs: number;
  /** Resolves when a client could connect; rejects otherwise. Must give up on its own within a few seconds. */
  readonly probe: () => Promise<void>;
  readonly exited: Promise<ProcessExit>;
  readonly logTail: () => readonly string[];
}

const RETRY_INTERVAL_MS = 150;

/** Probes until a client gets in; fails fast if the broker exits, and with its log tail at the deadline. */
export async function waitForReady(wait: ReadinessWait): Promise<void> {
  let exit: ProcessExit | undefined;
  void wait.exited.then((processExit) => (exit = processExit));
  const startedAt = performance.now();
  let lastError: unknown;
  for (;;) {
    if (exit !== undefined) {
      throw new BrokerExitedError({ kind: wait.kind, port: wait.port, exitCode: exit.code, signal: exit.signal, logTail: wait.logTail() });
    }
    const waitedMs = Math.round(performance.now() - startedAt);
    if (waitedMs >= wait.timeoutMs) {
      throw new BrokerStartTimeoutError({ kind: wait.kind, port: wait.port, waitedMs, logTail: wait.logTail() }, { cause: lastError });
    }
    try {
      await wait.probe();
      return;
    } catch (error) {
      lastError = error;
    }
    await delay(RETRY_INTERVAL_MS);
  }
}
