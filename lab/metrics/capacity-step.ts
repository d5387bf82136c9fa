/**
 * One step of a capacity measurement: a constant offered rate held for a short window, judged from the
 * load runs scheduled inside the window and the generator's own counts for it.
 *
 *   errorRate  = (offered − answered) / offered, answered = ok + degraded: failed, dropped (in-flight cap)
 *                and cut-off runs all count against the step, since none of them reached the user
 *   p99Ms      = p99 over the window's runs of the latency from scheduled start (timeouts at the time waited)
 *   withinSlo  = p99Ms ≤ sloP99Ms and errorRate < maxErrorRate
 *   generatorLimited — only for a step that broke the SLO: the generator, not the variant, is why. Either
 *     its worker used ≥ 90% of one core over the step, or ≥ 1% of the runs started late while the runs
 *     that started on time kept the SLO (the variant answered fine; the runs waited in the generator).
 *
 * On a shared two-core machine a variant that eats both cores also starves the generator into late
 * starts; its on-time runs are then slow too, so that is (rightly) not counted as the generator's limit.
 */
import type { JourneyRun } from '../journeys/types.js';
import { percentilesOf } from './percentiles.js';
import { inWindow, latencySample } from './runs.js';
import type { TimeWindow } from './types.js';

export const DEFAULT_SLO_P99_MS = 500;
export const DEFAULT_MAX_ERROR_RATE = 0.01;
/** The generator's worker is saturated above this share of one core. */
export const GENERATOR_SATURATED_CPU_SHARE = 0.9;
/** More late starts than this share means the generator fell behind its schedule. */
export const GENERATOR_LATE_SHARE = 0.01;

export interface Slo {
  readonly sloP99Ms: number;
  readonly maxErrorRate: number;
}

export interface RampStageResult {
  readonly ratePerSecond: number;
  /** null when no run gave a latency (everything failed fast). */
  readonly p99Ms: number | null;
  /** not answered / offered; null when nothing was offered. */
  readonly errorRate: number | null;
}

export interface CapacityStep extends RampStageResult {
  readonly withinSlo: boolean;
  /** Epoch ms at which the judged window opened (after the step's settle). */
  readonly startMs?: number;
  readonly durationMs?: number;
  /** Runs answered (ok or degraded) per second of the judged window. */
  readonly achievedPerSecond?: number | null;
  /** Runs started more than the generator's tolerance after their scheduled time, of those offered. */
  readonly lateShare?: number | null;
  /** p99 of the runs that started on time: the variant's own answer time, without the generator's lag. */
  readonly onTimeP99Ms?: number | null;
  /** The generator worker's CPU over the step, in cores (1 = one core saturated). */
  readonly workerCpuShare?: number | null;
  readonly generatorLimited?: boolean;
  /** How long after the step the variant took to answer quickly again (its backlog drained). */
  readonly drainMs?: number;
}

/** The generator's counts for the judged window (a `LoadCounts` of the load's summary). */
export interface StepCounts {
  readonly offered: number;
  readonly late: number;
  readonly ok: number;
  readonly degraded: number;
}

export function withinSlo(step: RampStageResult, slo: Slo): boolean {
  return step.p99Ms !== null && step.p99Ms <= slo.sloP99Ms && step.errorRate !== null && step.errorRate < slo.maxErrorRate;
}

export function judgeStep(
  runs: readonly JourneyRun[],
  step: { readonly ratePerSecond: number; readonly window: TimeWindow; readonly counts: StepCounts; readonly workerCpuShare: number | null },
  slo: Slo,
): CapacityStep {
  const { window, counts } = step;
  const judged = runs.filter((r) => r.source === 'load' && inWindow(r, window));
  const p99 = (list: readonly JourneyRun[]) => percentilesOf(list.map(latencySample).filter((l): l is number => l !== undefined))?.p99Ms ?? null;
  const answered = counts.ok + counts.degraded;
  const durationMs = window.endMs - window.startMs;
  const result: RampStageResult = {
    ratePerSecond: step.ratePerSecond,
    p99Ms: p99(judged),
    errorRate: counts.offered === 0 ? null : Math.max(0, counts.offered - answered) / counts.offered,
  };
  const lateShare = counts.offered === 0 ? null : counts.late / counts.offered;
  const onTimeP99Ms = p99(judged.filter((r) => r.late !== true));
  const passed = withinSlo(result, slo);
  const saturated = step.workerCpuShare !== null && step.workerCpuShare >= GENERATOR_SATURATED_CPU_SHARE;
  const variantFine = withinSlo({ ...result, p99Ms: onTimeP99Ms }, slo);
  const fellBehind = lateShare !== null && lateShare >= GENERATOR_LATE_SHARE && variantFine;
  return {
    ...result, withinSlo: passed, startMs: Math.round(window.startMs), durationMs,
    achievedPerSecond: durationMs > 0 ? round((answered * 1000) / durationMs, 1) : null,
    lateShare, onTimeP99Ms, workerCpuShare: step.workerCpuShare === null ? null : round(step.workerCpuShare, 3),
    generatorLimited: !passed && (saturated || fellBehind),
  };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A ramp stage from the load runs scheduled in its window (a ramp has no per-stage generator counts). */
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
