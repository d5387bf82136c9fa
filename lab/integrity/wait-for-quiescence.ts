/**
 * Waits until the variant has finished what the run started: every OrderPlaced applied by both
 * consumers and the outbox empty. Polls `check` (usually a `checkIntegrity` bound to the run) and hands
 * back the last report either way, so a variant that never settles is reported, not hidden.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { IntegrityIssue } from './issue.js';

export interface QuiescenceProgress {
  readonly eventsNotApplied: { readonly inventory: IntegrityIssue; readonly recommendations: IntegrityIssue };
  readonly outboxPending: IntegrityIssue;
}

export interface Quiescence<T> {
  readonly quiesced: boolean;
  readonly waitedMs: number;
  readonly last: T;
}

export const DEFAULT_QUIESCENCE_POLL_MS = 100;

export async function waitForQuiescence<T extends QuiescenceProgress>(
  check: () => T | Promise<T>,
  options: { timeoutMs: number; intervalMs?: number },
): Promise<Quiescence<T>> {
  const startedMs = Date.now();
  const deadlineMs = startedMs + options.timeoutMs;
  for (;;) {
    const last = await check();
    if (isQuiet(last)) return { quiesced: true, waitedMs: Date.now() - startedMs, last };
    const leftMs = deadlineMs - Date.now();
    if (leftMs <= 0) return { quiesced: false, waitedMs: Date.now() - startedMs, last };
    await sleep(Math.min(options.intervalMs ?? DEFAULT_QUIESCENCE_POLL_MS, leftMs));
  }
}

function isQuiet(progress: QuiescenceProgress): boolean {
  return progress.eventsNotApplied.inventory.count === 0
    && progress.eventsNotApplied.recommendations.count === 0
    && progress.outboxPending.count === 0;
}
