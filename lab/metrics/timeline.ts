/**
 * The run cut into fixed buckets (100 ms unless told) per journey: outcomes counted from the probes and
 * from the load separately, failures by cause, and latency percentiles of both together. A run belongs
 * to the bucket in which it was scheduled.
 */
import { JOURNEY_NAMES, type FailureCause, type JourneyName, type JourneyRun } from '../journeys/types.js';
import { latencySample, nearestRank } from './runs.js';
import type { TimeWindow } from './types.js';

export const TIMELINE_BUCKET_MS = 100;
export const FAILURE_CAUSES: readonly FailureCause[] = ['timeout', 'refused', '5xx', 'unexpected-4xx'];

export interface OutcomeCounts {
  ok: number;
  degraded: number;
  /** Every failed run; `failedBy` splits those that name a cause. */
  failed: number;
  failedBy: Record<FailureCause, number>;
}

export interface TimelineBucket {
  readonly startMs: number;
  readonly probe: OutcomeCounts;
  readonly load: OutcomeCounts;
  /** Over probe and load runs together (see `latencySample`); null when no run had a latency to give. */
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
}

export interface Timeline {
  readonly bucketMs: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly journeys: Readonly<Record<JourneyName, readonly TimelineBucket[]>>;
}

export interface TimelineOptions {
  /** The run's bounds; runs scheduled outside are left out. From the runs themselves when absent. */
  readonly bounds?: TimeWindow;
  readonly bucketMs?: number;
}

export function buildTimeline(runs: readonly JourneyRun[], options: TimelineOptions = {}): Timeline {
  const bucketMs = options.bucketMs ?? TIMELINE_BUCKET_MS;
  const bounds = options.bounds ?? boundsOf(runs);
  const bucketCount = Math.max(0, Math.ceil((bounds.endMs - bounds.startMs) / bucketMs));
  const journeys = {} as Record<JourneyName, TimelineBucket[]>;
  for (const journey of JOURNEY_NAMES) {
    const counts = Array.from({ length: bucketCount }, () => ({ probe: emptyCounts(), load: emptyCounts(), latencies: [] as number[] }));
    for (const run of runs) {
      if (run.journey !== journey) continue;
      const index = Math.floor((run.scheduledMs - bounds.startMs) / bucketMs);
      const bucket = counts[index];
      if (!bucket || run.scheduledMs >= bounds.endMs) continue;
      count(bucket[run.source], run);
      const latency = latencySample(run);
      if (latency !== undefined) bucket.latencies.push(latency);
    }
    journeys[journey] = counts.map(({ probe, load, latencies }, i) => {
      const sorted = latencies.sort((a, b) => a - b);
      return {
        startMs: bounds.startMs + i * bucketMs, probe, load,
        p50Ms: nearestRank(sorted, 50) ?? null, p99Ms: nearestRank(sorted, 99) ?? null,
      };
    });
  }
  return { bucketMs, startMs: bounds.startMs, endMs: bounds.endMs, journeys };
}

export function emptyCounts(): OutcomeCounts {
  return { ok: 0, degraded: 0, failed: 0, failedBy: { timeout: 0, refused: 0, '5xx': 0, 'unexpected-4xx': 0 } };
}

function count(counts: OutcomeCounts, run: JourneyRun): void {
  counts[run.outcome] += 1;
  if (run.outcome === 'failed' && run.cause) counts.failedBy[run.cause] += 1;
}

function boundsOf(runs: readonly JourneyRun[]): TimeWindow {
  if (runs.length === 0) return { startMs: 0, endMs: 0 };
  let startMs = Infinity;
  let endMs = -Infinity;
  for (const r of runs) {
    startMs = Math.min(startMs, r.scheduledMs);
    endMs = Math.max(endMs, r.scheduledMs + 1);
  }
  return { startMs, endMs };
}
