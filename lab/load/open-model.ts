/**
 * The open-model engine shared by the load and probe workers.
 *
 *   tick (when the next run or deadline is due, 1–20 ms) ──► expire request deadlines
 *        │
 *        └─► for each lane: every run whose time has come ──► in-flight < cap? start it : count dropped
 *
 *   run finishes ──► stamp { scheduledMs, latencyMs from schedule, late } ──► tally + onRun
 *
 * At high rates one tick starts every run that fell due since the last (a batch per millisecond),
 * instead of a timer per run.
 *
 * Runs start when they are due whether or not earlier ones returned, and latency counts from the
 * scheduled time, so a stalled server shows up as latency instead of as fewer requests.
 */
import { JOURNEYS, RunStoppedError, type DeadlineQueue, type JourneyContext, type JourneyKind, type JourneyResult, type JourneyRun } from '../journeys/index.js';
import type { StagedSchedule } from './schedule.js';
import { Tally, type LoadSummary } from './tally.js';

/** A journey run as a generator records it (`raw-get` included, which a shop run never is). */
export type GeneratedRun = Omit<JourneyRun, 'journey'> & { readonly journey: JourneyKind };

/** One stream of arrivals with its own schedule, journey choice, PRNG and in-flight cap. */
export interface Lane {
  readonly schedule: StagedSchedule;
  /** Called once per offered run, in schedule order. */
  readonly nextJourney: () => JourneyKind;
  readonly context: JourneyContext;
  readonly maxInFlight: number;
}

export interface EngineOptions {
  readonly source: JourneyRun['source'];
  readonly lanes: readonly Lane[];
  readonly stageCount: number;
  readonly deadlines: DeadlineQueue;
  /** A run that starts more than this after its scheduled time is late. */
  readonly lateAfterMs: number;
  readonly onRun: (run: GeneratedRun) => void;
}

/**
 * The longest the engine sleeps. It wakes when the next run or deadline is due; this bounds how late a
 * deadline armed during a long sleep can fire. Each wake-up costs a few syscalls, so fewer is better.
 */
const MAX_SLEEP_MS = 20;
const round2 = (value: number) => Math.round(value * 100) / 100;

export class OpenModelEngine {
  readonly finished: Promise<LoadSummary>;
  private resolveFinished!: (summary: LoadSummary) => void;
  private readonly tally: Tally;
  private readonly inFlight: number[];
  private zeroPerf = 0;
  private cpuAtStart: NodeJS.CpuUsage | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopping = false;
  private over = false;

  constructor(private readonly options: EngineOptions) {
    this.tally = new Tally(options.stageCount);
    this.inFlight = options.lanes.map(() => 0);
    this.finished = new Promise((resolve) => { this.resolveFinished = resolve; });
  }

  /** Starts the schedule now; returns the epoch ms of its time zero. */
  start(): number {
    this.zeroPerf = performance.now();
    this.cpuAtStart = process.cpuUsage();
    this.tick();
    return this.epochOf(this.zeroPerf);
  }

  /** Starts nothing more, lets in-flight runs finish for up to `graceMs`, then cuts them off (discarded). */
  stop(graceMs: number): Promise<LoadSummary> {
    if (!this.stopping && !this.over) {
      this.stopping = true;
      const cutOff = setTimeout(() => this.options.deadlines.stopAll(), graceMs);
      void this.finished.then(() => clearTimeout(cutOff));
      this.finishIfIdle();
    }
    return this.finished;
  }

  private readonly tick = (): void => {
    this.timer = undefined;
    if (this.over) return;
    const now = performance.now();
    this.options.deadlines.expire(now);
    let nextDuePerf = Infinity;
    if (!this.stopping) {
      this.options.lanes.forEach((lane, index) => {
        nextDuePerf = Math.min(nextDuePerf, this.startDue(lane, index, now));
      });
    }
    if (this.finishIfIdle()) return;
    const wakePerf = Math.min(nextDuePerf, this.options.deadlines.nextDueMs());
    const delayMs = Math.min(MAX_SLEEP_MS, Math.max(1, wakePerf - performance.now()));
    this.timer = setTimeout(this.tick, delayMs);
  };

  /** Starts (or drops) every run of the lane that is due; returns when the next one is due. */
  private startDue(lane: Lane, laneIndex: number, now: number): number {
    for (let atMs = lane.schedule.peek(); atMs !== undefined; atMs = lane.schedule.peek()) {
      const scheduledPerf = this.zeroPerf + atMs;
      if (scheduledPerf > now) return scheduledPerf;
      const stage = lane.schedule.stage;
      lane.schedule.take();
      const kind = lane.nextJourney();
      const startable = this.inFlight[laneIndex]! < lane.maxInFlight;
      const late = startable && now - scheduledPerf > this.options.lateAfterMs;
      this.tally.offered(kind, stage, startable, late);
      if (startable) this.launch(lane, laneIndex, kind, stage, scheduledPerf, late);
    }
    return Infinity;
  }

  private launch(lane: Lane, laneIndex: number, kind: JourneyKind, stage: number, scheduledPerf: number, late: boolean): void {
    this.inFlight[laneIndex]! += 1;
    JOURNEYS[kind](lane.context).then(
      (result) => {
        this.inFlight[laneIndex]! -= 1;
        this.record(kind, stage, scheduledPerf, late, result);
        this.finishIfIdle();
      },
      (error: unknown) => {
        this.inFlight[laneIndex]! -= 1;
        if (!(error instanceof RunStoppedError)) throw error; // a bug in a journey: crash loudly
        this.finishIfIdle();
      },
    );
  }

  private record(kind: JourneyKind, stage: number, scheduledPerf: number, late: boolean, result: JourneyResult): void {
    const latencyMs = performance.now() - scheduledPerf;
    this.tally.completed(kind, stage, result.outcome, latencyMs);
    const { source } = this.options;
    this.options.onRun({
      source, journey: kind, scheduledMs: round2(this.epochOf(scheduledPerf)), latencyMs: round2(latencyMs),
      ...(late && source === 'load' ? { late: true } : {}), ...result,
    });
  }

  private finishIfIdle(): boolean {
    if (this.over) return true;
    const exhausted = this.stopping || this.options.lanes.every((lane) => lane.schedule.peek() === undefined);
    if (!exhausted || this.inFlight.some((count) => count > 0)) return false;
    this.over = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    const cpu = process.cpuUsage(this.cpuAtStart);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    this.resolveFinished(this.tally.summary(this.epochOf(this.zeroPerf), performance.now() - this.zeroPerf, this.stopping, cpuMs));
    return true;
  }

  private epochOf(perfMs: number): number {
    return performance.timeOrigin + perfMs;
  }
}
