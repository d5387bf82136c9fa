/**
 * Capacity: the highest offered rate (journey runs per second, open model) at which a variant keeps its
 * SLO — p99 latency, counted from each run's scheduled start, at most `sloP99Ms`, and the share of
 * offered runs not answered (failed, dropped or cut off) below `maxErrorRate` — over one step's runs.
 *
 * A search (lab/scenario/capacity-search/) raises the rate until a step breaks the SLO and bisects
 * between the last passing and the first failing rate. The number is only as high as the lab can
 * offer: when the variant still held at the highest rate the load generator (or the scenario's cap)
 * allowed, the capacity is a lower bound and marked `censored` ("≥ N/s (generator limit)").
 *
 * A scenario with `load.stages` and no search (a user's ramp) still gets a capacity from its stages:
 * the highest passing stage, censored when the top stage passed.
 */
import { DEFAULT_MAX_ERROR_RATE, DEFAULT_SLO_P99_MS, withinSlo, type CapacityStep, type RampStageResult, type Slo } from './capacity-step.js';

/** What bounded the measured capacity from above. */
export type CapacityLimit =
  /** a step broke the SLO while the generator kept up: a real capacity */
  | 'slo'
  /** the load generator fell behind, or the variant outlasted the generator's measured ceiling */
  | 'generator'
  /** the variant held at the scenario's `maxRatePerSecond` */
  | 'max-rate'
  /** a fixed ramp whose top stage passed */
  | 'ramp-top';

export interface Capacity {
  readonly method: 'search' | 'ramp';
  readonly sloP99Ms: number;
  readonly maxErrorRate: number;
  /** The highest rate measured within the SLO; a lower bound when `censored`; null when no step held. */
  readonly capacityPerSecond: number | null;
  /** true: the variant was not pushed until it broke; the capacity is at least `capacityPerSecond`. */
  readonly censored: boolean;
  readonly limit: CapacityLimit | null;
  /** The lowest rate that broke the SLO (the capacity lies below it); null when none did. */
  readonly failedAtPerSecond: number | null;
  /** The generator's ceiling in journey runs per second for this mix, when it was measured. */
  readonly generatorCeilingPerSecond: number | null;
  /** Every step in the order it was measured (a ramp: its stages). */
  readonly steps: readonly CapacityStep[];
  /** run.json written before the search (schema 1): the ramp's stages, sorted by rate. Read-only. */
  readonly stages?: readonly CapacityStep[];
}

export type CapacityOptions = Partial<Slo>;

/** Capacity from a fixed ramp: the highest passing stage (stages above a failing one may pass again). */
export function rampCapacity(stages: readonly RampStageResult[], options: CapacityOptions = {}): Capacity {
  const slo: Slo = { sloP99Ms: options.sloP99Ms ?? DEFAULT_SLO_P99_MS, maxErrorRate: options.maxErrorRate ?? DEFAULT_MAX_ERROR_RATE };
  const steps = stages.map((s): CapacityStep => ({ ...s, withinSlo: withinSlo(s, slo) }));
  const byRate = [...steps].sort((a, b) => a.ratePerSecond - b.ratePerSecond);
  const passing = byRate.filter((s) => s.withinSlo).at(-1);
  const failed = byRate.find((s) => !s.withinSlo && (passing === undefined || s.ratePerSecond > passing.ratePerSecond));
  const topPassed = byRate.at(-1)?.withinSlo === true;
  return {
    method: 'ramp', ...slo, capacityPerSecond: passing?.ratePerSecond ?? null, censored: topPassed,
    limit: topPassed ? 'ramp-top' : passing ? 'slo' : null, failedAtPerSecond: failed?.ratePerSecond ?? null,
    generatorCeilingPerSecond: null, steps,
  };
}

const LIMIT_WORDS: Readonly<Record<CapacityLimit, string>> = {
  slo: '', generator: 'generator limit', 'max-rate': "the scenario's maximum rate", 'ramp-top': 'top of the ramp',
};

/** "1,600/s", "≥ 3,200/s (generator limit)", "below 12/s". */
export function capacityLabel(c: Pick<Capacity, 'capacityPerSecond' | 'censored' | 'limit' | 'steps'>): string {
  const perSecond = (n: number) => `${Math.round(n).toLocaleString('en-US')}/s`;
  if (c.capacityPerSecond === null) {
    const lowest = Math.min(...c.steps.map((s) => s.ratePerSecond));
    return Number.isFinite(lowest) ? `below ${perSecond(lowest)}` : 'not measured';
  }
  if (!c.censored) return perSecond(c.capacityPerSecond);
  return `≥ ${perSecond(c.capacityPerSecond)}${c.limit ? ` (${LIMIT_WORDS[c.limit]})` : ''}`;
}

/** The steps of a capacity, from run.json of any schema version (old runs carry `stages`). */
export function capacitySteps(c: Pick<Capacity, 'steps' | 'stages'>): readonly CapacityStep[] {
  return c.steps ?? c.stages ?? [];
}
