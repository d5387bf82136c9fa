/**
 * Capacity from a ramp: each stage offers one rate; the capacity is the highest rate whose stage kept
 * p99 below the SLO and errors below the limit (strictly). Stages above a failing one may still pass
 * (a stage that stumbled on a restart): they are all reported, with `withinSlo`, for readers to judge.
 */
import type { JourneyRun } from '../journeys/types.js';
import { percentilesOf } from './percentiles.js';
import { inWindow, latencySample } from './runs.js';
import type { TimeWindow } from './types.js';

export const DEFAULT_SLO_P99_MS = 500;
export const DEFAULT_MAX_ERROR_RATE = 0.01;

export interface RampStageResult {
  readonly ratePerSecond: number;
  /** null when no run gave a latency (everything failed fast). */
  readonly p99Ms: number | null;
  /** failed / scheduled; null when nothing was scheduled. */
  readonly errorRate: number | null;
}

export interface CapacityOptions {
  readonly sloP99Ms?: number;
  readonly maxErrorRate?: number;
}

export interface Capacity {
  readonly sloP99Ms: number;
  readonly maxErrorRate: number;
  /** null when no stage met the SLO. */
  readonly capacityPerSecond: number | null;
  readonly stages: ReadonlyArray<RampStageResult & { readonly withinSlo: boolean }>;
}

export function capacity(stages: readonly RampStageResult[], options: CapacityOptions = {}): Capacity {
  const sloP99Ms = options.sloP99Ms ?? DEFAULT_SLO_P99_MS;
  const maxErrorRate = options.maxErrorRate ?? DEFAULT_MAX_ERROR_RATE;
  const judged = [...stages]
    .sort((a, b) => a.ratePerSecond - b.ratePerSecond)
    .map((s) => ({ ...s, withinSlo: s.p99Ms !== null && s.p99Ms < sloP99Ms && s.errorRate !== null && s.errorRate < maxErrorRate }));
  const passing = judged.filter((s) => s.withinSlo);
  return { sloP99Ms, maxErrorRate, capacityPerSecond: passing.at(-1)?.ratePerSecond ?? null, stages: judged };
}

/** One ramp stage's result from the load runs scheduled in its window. */
export function rampStageResult(runs: readonly JourneyRun[], window: TimeWindow, ratePerSecond: number): RampStageResult {
  const stage = runs.filter((r) => r.source === 'load' && inWindow(r, window));
  const latencies = stage.map(latencySample).filter((l): l is number => l !== undefined);
  const failed = stage.filter((r) => r.outcome === 'failed').length;
  return {
    ratePerSecond,
    p99Ms: percentilesOf(latencies)?.p99Ms ?? null,
    errorRate: stage.length === 0 ? null : failed / stage.length,
  };
}
