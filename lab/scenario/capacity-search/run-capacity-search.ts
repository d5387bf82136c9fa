/**
 * The capacity scenario on a running variant, in place of the fixed stages:
 *
 *   warm-up at the start rate ─▶ step ─▶ drain ─▶ step ─▶ drain … (search.ts decides each rate)
 *
 * No probes run meanwhile: their traffic would be load the steps do not count (4 journeys every
 * 100 ms is 40 runs/s, a good part of a slow variant's capacity). Every step's runs go to the record,
 * so the timeline shows the search; the steps themselves are judged as they finish.
 */
import { DEFAULT_MIX, JOURNEY_NAMES, type JourneyMix, type JourneyRun } from '../../journeys/types.js';
import type { Capacity, CapacityStep, TimeWindow } from '../../metrics/index.js';
import type { Scenario } from '../schema.js';
import { warmUp } from '../warm-up.js';
import { generatorCeilingPerSecond } from './generator-ceiling.js';
import { measureStep } from './measure-step.js';
import { searchCapacity } from './search.js';
import { waitForDrain } from './wait-for-drain.js';

export interface CapacitySearchOptions {
  readonly edgeUrl: string;
  readonly scenario: Scenario;
  readonly signal?: AbortSignal;
  readonly onRuns?: (runs: readonly JourneyRun[]) => void;
  readonly onProgress?: (phase: string, fraction: number) => void;
  /** Replaces the generator's measured ceiling (tests, the bench). */
  readonly generatorCeiling?: () => Promise<number>;
}

export interface CapacitySearchRun {
  readonly capacity: Capacity;
  /** From the first step's start to the last one's end: what the search measured. */
  readonly window: TimeWindow | undefined;
}

/** An answer to the drain probe within this share of the SLO's p99 counts as quick. */
const DRAIN_QUICK_SHARE_OF_SLO = 0.2;

export async function runCapacitySearch(options: CapacitySearchOptions): Promise<CapacitySearchRun> {
  const { edgeUrl, scenario, signal } = options;
  const spec = scenario.capacity;
  if (!spec) throw new TypeError(`scenario ${scenario.name} has no capacity block`);
  const mix = capacityMix(scenario);
  const slo = { sloP99Ms: scenario.slo.p99Ms, maxErrorRate: scenario.slo.maxErrorRate };
  options.onProgress?.('warm-up', 0);
  await warmUp(edgeUrl, { ratePerSecond: spec.startRatePerSecond, durationMs: scenario.timing.warmupMs, mix, seed: scenario.seed });
  // The number of steps is not known ahead: the bar creeps towards the end and never goes back.
  let fraction = 0;
  const plan = { edgeUrl, mix, requestTimeoutMs: scenario.load.requestTimeoutMs, settleMs: spec.settleMs, stepDurationMs: spec.stepDurationMs, slo, signal, onRuns: options.onRuns };
  const found = await searchCapacity(async (ratePerSecond): Promise<CapacityStep> => {
    options.onProgress?.(`step at ${ratePerSecond}/s`, fraction);
    const step = await measureStep({ ...plan, seed: scenario.seed + ratePerSecond }, ratePerSecond);
    const drain = await waitForDrain(edgeUrl, { quickMs: Math.max(20, scenario.slo.p99Ms * DRAIN_QUICK_SHARE_OF_SLO), signal });
    return { ...step, drainMs: drain.waitedMs };
  }, {
    startRatePerSecond: spec.startRatePerSecond, precision: spec.precision, maxRatePerSecond: spec.maxRatePerSecond,
    generatorCeiling: options.generatorCeiling ?? (() => generatorCeilingPerSecond(mix)),
    onStep: (step, index) => {
      fraction = Math.min(0.95, (index + 1) / 12);
      options.onProgress?.(`${step.ratePerSecond}/s ${step.withinSlo ? 'held' : step.generatorLimited ? 'generator fell behind' : 'broke the SLO'}`, fraction);
    },
  });
  const first = found.steps[0];
  const last = found.steps.at(-1);
  const window = first?.startMs !== undefined && last?.startMs !== undefined
    ? { startMs: first.startMs - spec.settleMs, endMs: last.startMs + (last.durationMs ?? 0) }
    : undefined;
  return {
    window,
    capacity: {
      method: 'search', ...slo, capacityPerSecond: found.capacityPerSecond, censored: found.censored, limit: found.limit,
      failedAtPerSecond: found.failedAtPerSecond, generatorCeilingPerSecond: found.generatorCeilingPerSecond, steps: found.steps,
    },
  };
}

/** One journey alone when the scenario names it; otherwise the scenario's mix. */
export function capacityMix(scenario: Scenario): JourneyMix {
  const journey = scenario.capacity?.journey;
  if (journey) return Object.fromEntries(JOURNEY_NAMES.map((name) => [name, name === journey ? 1 : 0])) as Record<typeof journey, number>;
  return { ...DEFAULT_MIX, ...scenario.load.mix };
}
