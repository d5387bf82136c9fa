/**
 * Throughput of the load (open model): offered = runs scheduled per second, achieved = runs that
 * answered (ok or degraded) per second. Totals count the runs scheduled in the window; the per-second
 * series puts offered at the scheduled time and achieved at the completion time (scheduled + latency),
 * so a stall shows as a dip followed by a burst.
 */
import { JOURNEY_NAMES, type JourneyName, type JourneyRun } from '../journeys/types.js';
import { inWindow, isSuccess } from './runs.js';
import type { TimeWindow } from './types.js';

export interface ThroughputCounts {
  readonly scheduled: number;
  readonly achieved: number;
  /** Started later than scheduled by more than the generator's tolerance. */
  readonly late: number;
  readonly offeredPerSecond: number;
  readonly achievedPerSecond: number;
}

export interface ThroughputSecond {
  readonly startMs: number;
  readonly offered: number;
  readonly achieved: number;
}

export interface Throughput extends ThroughputCounts {
  readonly window: TimeWindow;
  readonly byJourney: Readonly<Record<JourneyName, ThroughputCounts>>;
  readonly perSecond: readonly ThroughputSecond[];
}

export function throughput(runs: readonly JourneyRun[], window: TimeWindow): Throughput {
  const load = runs.filter((r) => r.source === 'load' && inWindow(r, window));
  const seconds = Math.max(0, window.endMs - window.startMs) / 1000;
  const byJourney = Object.fromEntries(JOURNEY_NAMES.map((j) => [j, counts(load.filter((r) => r.journey === j), seconds)]));
  return { window, ...counts(load, seconds), byJourney: byJourney as Record<JourneyName, ThroughputCounts>, perSecond: series(load, window) };
}

function counts(runs: readonly JourneyRun[], seconds: number): ThroughputCounts {
  const achieved = runs.filter(isSuccess).length;
  const perSecond = (n: number): number => (seconds === 0 ? 0 : n / seconds);
  return {
    scheduled: runs.length,
    achieved,
    late: runs.filter((r) => r.late === true).length,
    offeredPerSecond: perSecond(runs.length),
    achievedPerSecond: perSecond(achieved),
  };
}

function series(runs: readonly JourneyRun[], window: TimeWindow): ThroughputSecond[] {
  const length = Math.max(0, Math.ceil((window.endMs - window.startMs) / 1000));
  const offered = new Array<number>(length).fill(0);
  const achieved = new Array<number>(length).fill(0);
  const second = (tMs: number): number => Math.floor((tMs - window.startMs) / 1000);
  for (const r of runs) {
    const scheduled = second(r.scheduledMs);
    offered[scheduled] = (offered[scheduled] ?? 0) + 1;
    const done = second(r.scheduledMs + r.latencyMs);
    if (isSuccess(r) && done < length) achieved[done] = (achieved[done] ?? 0) + 1;
  }
  return offered.map((n, i) => ({ startMs: window.startMs + i * 1000, offered: n, achieved: achieved[i] ?? 0 }));
}
