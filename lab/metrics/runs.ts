/** Small facts about journey runs that every measurement reads the same way. */
import type { JourneyName, JourneyRun } from '../journeys/types.js';
import type { TimeWindow } from './types.js';

/** ok and degraded both answered the user: they count as success everywhere. */
export function isSuccess(run: JourneyRun): boolean {
  return run.outcome !== 'failed';
}

export function inWindow(run: JourneyRun, window: TimeWindow): boolean {
  return run.scheduledMs >= window.startMs && run.scheduledMs < window.endMs;
}

/**
 * The latency a run contributes to percentiles, or undefined. Answered runs (ok, degraded) count, and so
 * do timeouts, at the time waited, so that a stall shows. Fast failures (refused, 5xx, unexpected 4xx)
 * say nothing about how long an answer takes and would pull the percentiles down during an outage.
 */
export function latencySample(run: JourneyRun): number | undefined {
  return isSuccess(run) || run.cause === 'timeout' ? run.latencyMs : undefined;
}

export function runsOf(runs: readonly JourneyRun[], journey: JourneyName, source?: JourneyRun['source']): JourneyRun[] {
  return runs.filter((r) => r.journey === journey && (source === undefined || r.source === source));
}

/** Share as a number in [0, 1], or null when there was nothing to count (JSON has no NaN). */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Nearest-rank percentile of values sorted ascending; `percentile` in (0, 100]. */
export function nearestRank(sorted: readonly number[], percentile: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.ceil((percentile / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
