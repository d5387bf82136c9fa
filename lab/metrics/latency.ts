/**
 * Latency percentiles (HDR), in steady state — after the warm-up and outside the fault window — and in
 * the fault window, per journey and over all journeys. From the load's runs; from the probes where a
 * journey (or the whole run) had no load. Which runs give a latency: see `latencySample`.
 */
import { JOURNEY_NAMES, type JourneyName, type JourneyRun } from '../journeys/types.js';
import { percentilesOf } from './percentiles.js';
import { inWindow, latencySample } from './runs.js';
import type { Percentiles, TimeWindow } from './types.js';

export const DEFAULT_WARMUP_MS = 2000;

export interface LatencyOptions {
  readonly fault?: TimeWindow;
  /** The run's bounds; from the runs when absent. Warm-up counts from `bounds.startMs`. */
  readonly bounds?: TimeWindow;
  readonly warmupMs?: number;
}

export interface LatencyGroup {
  readonly source: JourneyRun['source'];
  readonly steady: Percentiles | null;
  /** null for a baseline, or when no run in the window gave a latency. */
  readonly faultWindow: Percentiles | null;
}

export interface LatencySummary {
  readonly warmupMs: number;
  readonly overall: LatencyGroup;
  readonly byJourney: Readonly<Record<JourneyName, LatencyGroup>>;
}

export function latencySummary(runs: readonly JourneyRun[], options: LatencyOptions = {}): LatencySummary {
  const warmupMs = options.warmupMs ?? DEFAULT_WARMUP_MS;
  const inBounds = options.bounds ? runs.filter((r) => inWindow(r, options.bounds as TimeWindow)) : runs;
  const startMs = options.bounds?.startMs ?? inBounds.reduce((min, r) => Math.min(min, r.scheduledMs), Infinity);
  const steadyFromMs = startMs + warmupMs;
  const group = (candidates: readonly JourneyRun[]): LatencyGroup => {
    const source = candidates.some((r) => r.source === 'load') ? 'load' : 'probe';
    const chosen = candidates.filter((r) => r.source === source);
    const { fault } = options;
    return {
      source,
      steady: percentilesOf(samples(chosen.filter((r) => r.scheduledMs >= steadyFromMs && !(fault && inWindow(r, fault))))),
      faultWindow: fault ? percentilesOf(samples(chosen.filter((r) => inWindow(r, fault)))) : null,
    };
  };
  const byJourney = Object.fromEntries(JOURNEY_NAMES.map((j) => [j, group(inBounds.filter((r) => r.journey === j))]));
  return { warmupMs, overall: group(inBounds), byJourney: byJourney as Record<JourneyName, LatencyGroup> };
}

function samples(runs: readonly JourneyRun[]): number[] {
  const out: number[] = [];
  for (const r of runs) {
    const latency = latencySample(r);
    if (latency !== undefined) out.push(latency);
  }
  return out;
}
