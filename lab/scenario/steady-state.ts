/**
 * Steady state, as Chaos Toolkit means it: before a fault is injected the system must be seen working
 * normally, or whatever follows says nothing about the fault; after the faults are healed it must be
 * seen working normally again, or the run found a lasting deviation.
 *
 *   met  ⇔  for every journey with runs in the window:
 *             availability (ok + degraded) ≥ 1 − slo.maxErrorRate   and   p99 ≤ slo.p99Ms
 *           and every journey has at least MIN_STEADY_SAMPLES runs there.
 *
 * A run counts when it was scheduled in the window and finished (answered, failed or timed out) within
 * it: checked live at the first fault, only those are known; checked again afterwards, a run still in
 * flight when the fault went in may have failed because of the fault, and says nothing about before.
 * So the window is a few seconds long, for slow runs scheduled early in it to be back.
 */
import { JOURNEY_NAMES, type JourneyName, type JourneyRun } from '../journeys/types.js';
import { percentilesOf } from '../metrics/percentiles.js';
import { inWindow, isSuccess, latencySample } from '../metrics/runs.js';
import type { TimeWindow } from '../metrics/types.js';
import type { Scenario } from './schema.js';

/** Fewer runs of a journey than this say nothing about its p99 or availability. */
export const MIN_STEADY_SAMPLES = 10;
/** After the last heal, steady state is judged over the last this-many ms of the measurement window. */
export const STEADY_AFTER_WINDOW_MS = 3_000;

export interface JourneySteadyState {
  readonly journey: JourneyName;
  readonly samples: number;
  readonly availability: number | null;
  readonly p99Ms: number | null;
  readonly met: boolean;
}

export interface SteadyStateCheck {
  readonly met: boolean;
  readonly window: TimeWindow;
  readonly slo: Scenario['slo'];
  readonly journeys: readonly JourneySteadyState[];
  /** Why it was not met, in plain words; empty when met. */
  readonly reasons: readonly string[];
}

export function checkSteadyState(runs: readonly JourneyRun[], window: TimeWindow, slo: Scenario['slo']): SteadyStateCheck {
  const finishedIn = (r: JourneyRun) => inWindow(r, window) && r.scheduledMs + r.latencyMs <= window.endMs;
  const judged = JOURNEY_NAMES.map((journey) => journeyState(runs.filter((r) => r.journey === journey && finishedIn(r)), journey, slo));
  const reasons = judged.flatMap((j) => j.reasons);
  return { met: reasons.length === 0, window, slo, journeys: judged.map((j) => j.state), reasons };
}

function journeyState(runs: readonly JourneyRun[], journey: JourneyName, slo: Scenario['slo']): { state: JourneySteadyState; reasons: string[] } {
  const availability = runs.length === 0 ? null : runs.filter(isSuccess).length / runs.length;
  const p99Ms = percentilesOf(runs.map(latencySample).filter((l): l is number => l !== undefined))?.p99Ms ?? null;
  const reasons: string[] = [];
  if (runs.length < MIN_STEADY_SAMPLES) reasons.push(`${journey}: only ${runs.length} runs to judge by (at least ${MIN_STEADY_SAMPLES} needed)`);
  else {
    if (availability !== null && availability < 1 - slo.maxErrorRate) reasons.push(`${journey}: availability ${(availability * 100).toFixed(1)}% below ${((1 - slo.maxErrorRate) * 100).toFixed(1)}%`);
    if (p99Ms !== null && p99Ms > slo.p99Ms) reasons.push(`${journey}: p99 ${Math.round(p99Ms)} ms above the SLO's ${slo.p99Ms} ms`);
  }
  return { state: { journey, samples: runs.length, availability, p99Ms, met: reasons.length === 0 }, reasons };
}

/** The two checks of a variant's run; null where there was nothing to check (no fault, or never reached). */
export interface SteadyStateRecord {
  readonly before: SteadyStateCheck | null;
  readonly after: SteadyStateCheck | null;
}

/** The window after the last heal that steady state is judged on: its last few seconds. */
export function afterWindow(lastHealMs: number, measureEndMs: number): TimeWindow | null {
  if (measureEndMs <= lastHealMs) return null;
  return { startMs: Math.max(lastHealMs, measureEndMs - STEADY_AFTER_WINDOW_MS), endMs: measureEndMs };
}
