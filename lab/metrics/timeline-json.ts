/**
 * The timeline as `timeline.json` stores it: columns instead of objects (one array per counter, one
 * entry per bucket), times relative to `startMs`, plus the lifecycle events and the fault marks that the
 * report draws over the buckets. `fromTimelineJson` gives the bucket objects back.
 */
import { JOURNEY_NAMES, type FailureCause, type JourneyName } from '../journeys/types.js';
import type { LifecycleEvent } from '../runner/types.js';
import { FAILURE_CAUSES, type OutcomeCounts, type Timeline, type TimelineBucket } from './timeline.js';
import type { TimeWindow } from './types.js';

export interface OutcomeColumns {
  readonly ok: number[];
  readonly degraded: number[];
  readonly failed: number[];
  readonly failedBy: Record<FailureCause, number[]>;
}

export interface JourneyColumns {
  readonly probe: OutcomeColumns;
  readonly load: OutcomeColumns;
  readonly p50Ms: (number | null)[];
  readonly p99Ms: (number | null)[];
}

export interface TimelineJson {
  readonly bucketMs: number;
  /** Epoch ms of the first bucket; every other time in here is relative to it. */
  readonly startMs: number;
  readonly buckets: number;
  readonly journeys: Readonly<Record<JourneyName, JourneyColumns>>;
  /** Lifecycle events with `tMs` relative to `startMs`. */
  readonly events: readonly LifecycleEvent[];
  /** The fault window relative to `startMs`, absent for a baseline. */
  readonly fault?: TimeWindow;
}

export function toTimelineJson(timeline: Timeline, marks: { events?: readonly LifecycleEvent[]; fault?: TimeWindow } = {}): TimelineJson {
  const journeys = {} as Record<JourneyName, JourneyColumns>;
  const buckets = timeline.journeys[JOURNEY_NAMES[0]].length;
  for (const journey of JOURNEY_NAMES) {
    const rows = timeline.journeys[journey];
    journeys[journey] = {
      probe: columns(rows.map((b) => b.probe)),
      load: columns(rows.map((b) => b.load)),
      p50Ms: rows.map((b) => b.p50Ms),
      p99Ms: rows.map((b) => b.p99Ms),
    };
  }
  const relative = (tMs: number): number => tMs - timeline.startMs;
  return {
    bucketMs: timeline.bucketMs,
    startMs: timeline.startMs,
    buckets,
    journeys,
    events: (marks.events ?? []).map((e) => ({ ...e, tMs: relative(e.tMs) })),
    ...(marks.fault ? { fault: { startMs: relative(marks.fault.startMs), endMs: relative(marks.fault.endMs) } } : {}),
  };
}

export function fromTimelineJson(json: TimelineJson): Timeline {
  const journeys = {} as Record<JourneyName, TimelineBucket[]>;
  for (const journey of JOURNEY_NAMES) {
    const c = json.journeys[journey];
    journeys[journey] = Array.from({ length: json.buckets }, (_, i) => ({
      startMs: json.startMs + i * json.bucketMs,
      probe: row(c.probe, i),
      load: row(c.load, i),
      p50Ms: c.p50Ms[i] ?? null,
      p99Ms: c.p99Ms[i] ?? null,
    }));
  }
  return { bucketMs: json.bucketMs, startMs: json.startMs, endMs: json.startMs + json.buckets * json.bucketMs, journeys };
}

function columns(counts: readonly OutcomeCounts[]): OutcomeColumns {
  const failedBy = {} as Record<FailureCause, number[]>;
  for (const cause of FAILURE_CAUSES) failedBy[cause] = counts.map((c) => c.failedBy[cause]);
  return { ok: counts.map((c) => c.ok), degraded: counts.map((c) => c.degraded), failed: counts.map((c) => c.failed), failedBy };
}

function row(c: OutcomeColumns, i: number): OutcomeCounts {
  const failedBy = {} as Record<FailureCause, number>;
  for (const cause of FAILURE_CAUSES) failedBy[cause] = c.failedBy[cause][i] ?? 0;
  return { ok: c.ok[i] ?? 0, degraded: c.degraded[i] ?? 0, failed: c.failed[i] ?? 0, failedBy };
}
