/**
 * What a deploy did to each replica, and when users noticed: read off the lifecycle events of the
 * deployed component and the load runs, with times relative to the deploy's start, so run.json can draw
 * the deploy's timeline without anything else.
 *
 *   start-first, per replica:  [new] starting ─ ready      [old] draining ─ stopped
 *   stop-first,  per replica:  [old] draining ─ stopped ─ [same index] starting ─ ready
 */
import { DEFAULT_APP_VERSION } from '../../boundary/app-env.js';
import type { JourneyRun } from '../journeys/types.js';
import type { LifecycleEvent } from '../runner/types.js';

/** The lifecycle events a deploy's timeline shows; restarts and faults in between are left to the other charts. */
export const DEPLOY_ACTIONS = ['starting', 'ready', 'draining', 'stopped', 'exited'] as const;
export type DeployAction = (typeof DEPLOY_ACTIONS)[number];

export interface DeployStep {
  /** Replica index: a start-first deploy adds new indexes, a stop-first one reuses them. */
  readonly instance: number;
  /** The build the process runs (old or new). */
  readonly version: string;
  readonly action: DeployAction;
  /** From the deploy's start. */
  readonly tMs: number;
}

export interface FailedRunsBucket {
  /** Start of the bucket, from the deploy's start. */
  readonly tMs: number;
  readonly count: number;
}

export const FAILED_RUNS_BUCKET_MS = 100;


export function deploySteps(events: readonly LifecycleEvent[], component: string, window: { readonly startMs: number; readonly endMs: number }): DeployStep[] {
  return events
    .filter((e) => e.component === component && e.tMs >= window.startMs && e.tMs <= window.endMs && isDeployAction(e.type))
    .map((e) => ({ instance: e.instance, version: e.version ?? DEFAULT_APP_VERSION, action: e.type as DeployAction, tMs: e.tMs - window.startMs }))
    // Stable: steps stamped in the same millisecond keep the order they happened in (ready, then draining).
    .sort((a, b) => a.tMs - b.tMs);
}

/** Failed runs scheduled in the window, counted per 100 ms; only buckets with a failure. */
export function failedRunsByTime(runs: readonly JourneyRun[], window: { readonly startMs: number; readonly endMs: number }): FailedRunsBucket[] {
  const counts = new Map<number, number>();
  for (const run of runs) {
    if (run.outcome !== 'failed' || run.scheduledMs < window.startMs || run.scheduledMs > window.endMs) continue;
    const bucket = Math.floor((run.scheduledMs - window.startMs) / FAILED_RUNS_BUCKET_MS) * FAILED_RUNS_BUCKET_MS;
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => a - b).map(([tMs, count]) => ({ tMs, count }));
}

function isDeployAction(type: string): type is DeployAction {
  return (DEPLOY_ACTIONS as readonly string[]).includes(type);
}
