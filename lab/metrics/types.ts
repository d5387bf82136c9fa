/** Shapes shared by the measurements. Times are epoch milliseconds, durations carry `Ms`. */

/** A half-open interval [startMs, endMs): a run belongs to it when it was scheduled inside. */
export interface TimeWindow {
  readonly startMs: number;
  readonly endMs: number;
}

/** Latency percentiles of one set of runs; null where there was nothing to measure. */
export interface Percentiles {
  readonly count: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly p999Ms: number;
  readonly maxMs: number;
  readonly meanMs: number;
}
