/** Every process and the machine's counters at one moment: what the guard compares, two at a time. */
import type { MachineCpu } from './machine-cpu.js';
import type { ProcessStat } from './process-stat.js';

export interface CpuSnapshot {
  /** performance.now() when it was read: durations come from this clock, never from the wall clock. */
  readonly monotonicMs: number;
  /** Epoch ms, to place the sample on the run's timeline. */
  readonly epochMs: number;
  readonly machine: MachineCpu;
  /** Every process that could be read, by `processKey`. */
  readonly processes: ReadonlyMap<string, ProcessStat>;
}
