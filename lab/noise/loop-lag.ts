/**
 * How late a process's event loop ran its timers: for the generator workers, whose runs start late by
 * as much. Node's own histogram (perf_hooks), sampled every 10 ms; nothing runs on the hot path.
 * One long stall is one sample, so it shows in `maxMs` more than in `p99Ms`; the runs due during it
 * show as late runs, which the judge weighs by time.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

const RESOLUTION_MS = 10;

export interface LoopLag {
  readonly p99Ms: number;
  readonly maxMs: number;
}

export interface RunningLoopLagMonitor {
  /** So far; 0 before the first sample. */
  lag(): LoopLag;
  /** Stops sampling and returns the figures. Idempotent. */
  stop(): LoopLag;
}

export function startLoopLagMonitor(): RunningLoopLagMonitor {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  const lag = (): LoopLag => histogram.count === 0
    ? { p99Ms: 0, maxMs: 0 }
    // The histogram counts from when the timer was due, in ns; the resolution itself is not lag.
    : { p99Ms: Math.max(0, histogram.percentile(99) / 1e6 - RESOLUTION_MS), maxMs: Math.max(0, histogram.max / 1e6 - RESOLUTION_MS) };
  let final: LoopLag | undefined;
  return {
    lag: () => final ?? lag(),
    stop: () => {
      if (final === undefined) {
        final = lag();
        histogram.disable();
      }
      return final;
    },
  };
}
