import type { Schedule } from '../load/schedule.js';

/**
 * When one journey's next probe is due: `intervalMs` after the latest run of that journey was due to
 * start, whoever ran it (the load or a probe). A journey the load keeps busy is never probed; a quiet
 * one is probed every `intervalMs`; either way no gap between two samples exceeds `intervalMs`.
 * Times are ms after the generator's time zero. With no load it is a plain fixed-interval clock from 0.
 */
export class QuietSchedule implements Schedule {
  readonly stage = 0;
  private lastMs: number;

  constructor(private readonly intervalMs: number, private readonly endMs: number) {
    this.lastMs = -intervalMs;
  }

  peek(): number | undefined {
    const dueMs = this.lastMs + this.intervalMs;
    return dueMs < this.endMs ? dueMs : undefined;
  }

  take(): void {
    this.lastMs += this.intervalMs;
  }

  /** A run of this journey was started, due at `atMs`: the next probe waits for a quiet interval after it. */
  sampled(atMs: number): void {
    if (atMs > this.lastMs) this.lastMs = atMs;
  }
}
