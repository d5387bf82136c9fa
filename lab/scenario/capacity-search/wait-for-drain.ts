/**
 * After a step that overloaded the variant, work can still be queued inside it (the ESB's queue, a
 * service's connection pool) although the generator's own runs are all over: the next step would pay
 * for it. So between steps the search waits until the shop answers a cheap read quickly several times
 * in a row — or gives up after `timeoutMs` and says how long it waited.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { productId } from '../../../shared-domain/index.js';
import { RunAbortedError } from '../abortable.js';

export interface DrainOptions {
  /** An answer within this long counts as quick. */
  readonly quickMs: number;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

const QUICK_IN_A_ROW = 3;
const PAUSE_MS = 50;
export const DEFAULT_DRAIN_TIMEOUT_MS = 15_000;

export async function waitForDrain(edgeUrl: string, options: DrainOptions): Promise<{ readonly drained: boolean; readonly waitedMs: number }> {
  const startedMs = Date.now();
  const deadline = startedMs + (options.timeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS);
  let inARow = 0;
  for (let i = 0; inARow < QUICK_IN_A_ROW; i++) {
    if (options.signal?.aborted) throw new RunAbortedError();
    if (Date.now() > deadline) return { drained: false, waitedMs: Date.now() - startedMs };
    const sentMs = performance.now();
    // A different product each time: one cached answer would say nothing about the queues.
    const answered = await fetch(`${edgeUrl}/api/products/${productId(i % 2000)}`, { signal: AbortSignal.timeout(options.quickMs) })
      .then(async (response) => { await response.arrayBuffer(); return response.ok; }, () => false);
    inARow = answered && performance.now() - sentMs <= options.quickMs ? inARow + 1 : 0;
    await sleep(PAUSE_MS);
  }
  return { drained: true, waitedMs: Date.now() - startedMs };
}
