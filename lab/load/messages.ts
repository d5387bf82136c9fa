/** The IPC protocol between the lab and a generator worker (load or probes). */
import type { GeneratedRun } from './open-model.js';
import type { LoadSummary } from './tally.js';

export type ToWorker =
  | { readonly type: 'start'; readonly config: unknown }
  /** Start nothing more; give in-flight runs `graceMs`, then cut them off, flush, send the summary, exit. */
  | { readonly type: 'stop'; readonly graceMs: number };

export type FromWorker =
  | { readonly type: 'started'; readonly startedAtMs: number }
  | { readonly type: 'runs'; readonly runs: readonly GeneratedRun[] }
  /** The last message: every batch of runs was sent before it. */
  | { readonly type: 'summary'; readonly summary: LoadSummary }
  | { readonly type: 'failed'; readonly message: string };

/** How often a worker sends the runs that finished since its last batch. */
export const BATCH_INTERVAL_MS = 100;
