/**
 * The open-model engine of the generator worker: one load lane, and a probe lane per journey beside it.
 *
 *   tick (when the next run or deadline is due, 1–20 ms) ──► expire request deadlines
 *        │
 *        └─► every run whose time has come, earliest first across lanes
 *                 ──► in-flight < cap? start it (tell `onLaunch`) : count dropped
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
import type { Schedule } from './schedule.js';
import { summaryOf, Tally, type LoadSummary } from './tally.js';
import { WorkerHealthMonitor } from './worker-health.js';

/** A journey run as a generator records it (`raw-get` included, which a shop run never is). */
export type GeneratedRun = Omit<JourneyRun, 'journey'> & { readonly journey: JourneyKind };

/** One stream of arrivals with its own schedule, journey choice, PRNG, timeouts and in-flight cap. */
export interface Lane {
  readonly source: JourneyRun['source'];
  readonly schedule: Schedule;
  /** Called once per offered run, in schedule order. */
  readonly nextJourney: () => JourneyKind;
  readonly context: JourneyContext;
  readonly maxInFlight: number;
}

export interface EngineOptions {
  readonly lanes: readonly Lane[];
  readonly stageCount: number;
  /** Every deadline queue the lanes' contexts arm. */
  readonly deadlines: readonly DeadlineQueue[];
  /** When the schedules end (ms after time zero): the span the rates are computed over, unless stopped earlier. */
  readonly plannedMs: number;
  /** The probe lanes' interval; null without probe lanes. */
  readonly probeIntervalMs: number | null;
  /** A run that starts more than this after its scheduled time is late. */
  readonly lateAfterMs: number;
  readonly onRun: (run: GeneratedRun) => void;
  /** A run was started (not dropped) that was due `atMs` after time zero. */
  readonly onLaunch?: (kind: JourneyKind, atMs: number) => void;
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
  private readonly tallies: Record<JourneyRun['source'], Tally>;
  private readonly inFlight: number[];
  private readonly health = new WorkerHealthMonitor();
  private zeroPerf = 0;
  private stoppedAtPerf = Infinity;
  private timer: NodeJS.Timeout | undefined;
  private stopping = false;
  private over = false;

  constructor(private readonly options: EngineOptions) {
    this.tallies = { load: new Tally(options.stageCount), probe: new Tally(1) };
    this.inFlight = options.lanes.map(() => 0);
    this.finished = new Promise((resolve) => { this.resolveFinished = resolve; });
  }

  /** Starts the schedule now; returns the epoch ms of its time zero. */
  start(): number {
    this.zeroPerf = performance.now();
    this.health.start();
    this.tick();
    return this.epochOf(this.zeroPerf);
  }

  /** Starts nothing more, lets in-flight runs finish for up to `graceMs`, then cuts them off (discarded). */
  stop(graceMs: number): Promise<LoadSummary> {
    if (!this.stopping && !this.over) {
      this.stopping = true;
      this.stoppedAtPerf = performance.now();
      const cutOff = setTimeout(() => { for (const queue of this.options.deadlines) queue.stopAll(); }, graceMs);
      void this.finished.then(() => clearTimeout(cutOff));
      this.finishIfIdle();
    }
    return this.finished;
  }

  private readonly tick = (): void => {
    this.timer = undefined;
    if (this.over) return;
    const now = performance.now();
    for (const queue of this.options.deadlines) queue.expire(now);
    const nextDuePerf = this.stopping ? Infinity : this.startDue(now);
    if (this.finishIfIdle()) return;
    let wakePerf = nextDuePerf;
    for (const queue of this.options.deadlines) wakePerf = Math.min(wakePerf, queue.nextDueMs());
    const delayMs = Math.min(MAX_SLEEP_MS, Math.max(1, wakePerf - performance.now()));
    this.timer = setTimeout(this.tick, delayMs);
  };

  /**
   * Starts (or drops) every run that is due, earliest first across lanes, so that a probe lane sees
   * every load run due before its probe; returns when the next one is due.
   */
  private startDue(now: number): number {
    const lanes = this.options.lanes;
    for (;;) {
      let laneIndex = -1;
      let atMs = Infinity;
      for (let i = 0; i < lanes.length; i++) {
        const due = lanes[i]!.schedule.peek();
        if (due !== undefined && due < atMs) [laneIndex, atMs] = [i, due];
      }
      if (laneIndex < 0) return Infinity;
      const scheduledPerf = this.zeroPerf + atMs;
      if (scheduledPerf > now) return scheduledPerf;
      const lane = lanes[laneIndex]!;
      const stage = lane.schedule.stage;
      lane.schedule.take();
      const kind = lane.nextJourney();
      const startable = this.inFlight[laneIndex]! < lane.maxInFlight;
      const late = startable && now - scheduledPerf > this.options.lateAfterMs;
      this.tallies[lane.source].offered(kind, stage, startable, late);
      if (!startable) continue;
      this.launch(lane, laneIndex, kind, stage, scheduledPerf, late);
      this.options.onLaunch?.(kind, atMs);
    }
  }

  private launch(lane: Lane, laneIndex: number, kind: JourneyKind, stage: number, scheduledPerf: number, late: boolean): void {
    this.inFlight[laneIndex]! += 1;
    JOURNEYS[kind](lane.context).then(
      (result) => {
        this.inFlight[laneIndex]! -= 1;
        this.record(lane.source, kind, stage, scheduledPerf, late, result);
        this.finishIfIdle();
      },
      (error: unknown) => {
        this.inFlight[laneIndex]! -= 1;
        if (!(error instanceof RunStoppedError)) throw error; // a bug in a journey: crash loudly
        this.finishIfIdle();
      },
    );
  }

  private record(source: JourneyRun['source'], kind: JourneyKind, stage: number, scheduledPerf: number, late: boolean, result: JourneyResult): void {
    const latencyMs = performance.now() - scheduledPerf;
    this.tallies[source].completed(kind, stage, result.outcome, latencyMs);
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
    this.resolveFinished(this.summary());
    return true;
  }

  private summary(): LoadSummary {
    return summaryOf({
      startedAtMs: this.epochOf(this.zeroPerf), durationMs: performance.now() - this.zeroPerf, stopped: this.stopping,
      activeMs: Math.min(this.options.plannedMs, this.stoppedAtPerf - this.zeroPerf),
      load: this.tallies.load.counts(), probe: this.tallies.probe.counts(), probeIntervalMs: this.options.probeIntervalMs,
      health: this.health.finish(),
    });
  }

  private epochOf(perfMs: number): number {
    return performance.timeOrigin + perfMs;
  }
}
