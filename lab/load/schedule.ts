/** One step of the offered load: `ratePerSecond` journey starts per second for `durationMs`. */
export interface Stage {
  readonly ratePerSecond: number;
  readonly durationMs: number;
}

/** What the engine asks of a lane's arrivals: when the next run is due, which stage it is in, and take it. */
export interface Schedule {
  /** Milliseconds after the start at which the next run is due, or undefined once the schedule is over. */
  peek(): number | undefined;
  /** The stage the next run belongs to. */
  readonly stage: number;
  /** Consumes the next run. */
  take(): void;
}

/**
 * Arrival times of constant-arrival-rate stages run back to back (k6 semantics, stepped): the i-th run
 * of a stage is due at the stage's start + i × 1000 / rate ms, whatever happened to earlier runs.
 * Computed from the index, not accumulated, so long runs do not drift.
 */
export class StagedSchedule implements Schedule {
  private stageIndex = 0;
  private index = 0;
  private stageStartMs = 0;
  private nextAtMs: number | undefined;

  constructor(private readonly stages: readonly Stage[]) {
    this.settle();
  }

  peek(): number | undefined {
    return this.nextAtMs;
  }

  get stage(): number {
    return this.stageIndex;
  }

  take(): void {
    this.index += 1;
    this.settle();
  }

  private settle(): void {
    for (;;) {
      const stage = this.stages[this.stageIndex];
      if (stage === undefined) {
        this.nextAtMs = undefined;
        return;
      }
      const offsetMs = stage.ratePerSecond > 0 ? (this.index * 1000) / stage.ratePerSecond : Infinity;
      if (offsetMs < stage.durationMs) {
        this.nextAtMs = this.stageStartMs + offsetMs;
        return;
      }
      this.stageStartMs += stage.durationMs;
      this.stageIndex += 1;
      this.index = 0;
    }
  }

  /** When the last stage ends. */
  get endMs(): number {
    return this.stages.reduce((sum, stage) => sum + stage.durationMs, 0);
  }
}
