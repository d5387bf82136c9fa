/**
 * The capacity search, whatever measures a step:
 *
 *   climb    start, 2×start, 4×start … (never above the ceiling) until a step fails
 *   descend  when the first step already fails: halve until one passes (down to `minRatePerSecond`)
 *   bisect   between the highest passing and the lowest failing rate, until
 *            failing − passing ≤ precision × passing
 *
 * A step fails by breaking the SLO (the variant's limit) or because the generator could not keep up
 * (`generatorLimited`). When the lowest failing step is the generator's, or the variant still passes
 * at the ceiling (the scenario's `maxRatePerSecond` or the generator's measured ceiling), the capacity
 * is only a lower bound: `censored`.
 *
 * Measuring the generator's ceiling costs tens of seconds, so it is asked for lazily, the first time the
 * search wants a rate above `freeRatePerSecond`; variants slower than that never pay for it.
 */
import type { CapacityLimit } from '../../metrics/index.js';

export interface SearchStep {
  readonly ratePerSecond: number;
  readonly withinSlo: boolean;
  readonly generatorLimited?: boolean;
}

export interface SearchOptions<S extends SearchStep> {
  readonly startRatePerSecond: number;
  /** Stop when the bracket is at most this share of the passing rate (0.1: within 10%). */
  readonly precision: number;
  readonly maxRatePerSecond?: number;
  /** The generator's ceiling in runs per second for the mix (may be measured on first call). */
  readonly generatorCeiling?: () => Promise<number>;
  /** Rates the generator surely keeps up with: the ceiling is not asked for below this. */
  readonly freeRatePerSecond?: number;
  readonly minRatePerSecond?: number;
  readonly maxSteps?: number;
  readonly onStep?: (step: S, index: number) => void;
}

export interface SearchResult<S extends SearchStep> {
  readonly capacityPerSecond: number | null;
  readonly censored: boolean;
  readonly limit: CapacityLimit | null;
  readonly failedAtPerSecond: number | null;
  readonly generatorCeilingPerSecond: number | null;
  /** false: `maxSteps` ran out before the bracket was within `precision`. */
  readonly converged: boolean;
  readonly steps: readonly S[];
}

/** The highest rate the generator is ever asked for when neither the scenario nor a ceiling says less. */
export const DEFAULT_MAX_RATE_PER_SECOND = 100_000;
export const DEFAULT_FREE_RATE_PER_SECOND = 500;
export const DEFAULT_MAX_STEPS = 30;

interface Bracket {
  /** The highest rate that held. */
  passed: number | null;
  /** The lowest rate that failed, and whether the generator was why. */
  failed: { readonly perSecond: number; readonly generator: boolean } | null;
}

export async function searchCapacity<S extends SearchStep>(measure: (ratePerSecond: number) => Promise<S>, options: SearchOptions<S>): Promise<SearchResult<S>> {
  const { precision, minRatePerSecond = 1, maxSteps = DEFAULT_MAX_STEPS, freeRatePerSecond = DEFAULT_FREE_RATE_PER_SECOND } = options;
  const steps: S[] = [];
  const bracket: Bracket = { passed: null, failed: null };
  let ceiling = { perSecond: options.maxRatePerSecond ?? DEFAULT_MAX_RATE_PER_SECOND, limit: 'max-rate' as CapacityLimit };
  let generatorCeilingPerSecond: number | null = null;

  const capped = async (ratePerSecond: number): Promise<number> => {
    if (ratePerSecond > freeRatePerSecond && options.generatorCeiling && generatorCeilingPerSecond === null) {
      generatorCeilingPerSecond = await options.generatorCeiling();
      if (generatorCeilingPerSecond < ceiling.perSecond) ceiling = { perSecond: generatorCeilingPerSecond, limit: 'generator' };
    }
    return Math.max(minRatePerSecond, Math.min(Math.round(ratePerSecond), Math.floor(ceiling.perSecond)));
  };
  const step = async (ratePerSecond: number): Promise<boolean> => {
    const measured = await measure(ratePerSecond);
    steps.push(measured);
    options.onStep?.(measured, steps.length - 1);
    if (measured.withinSlo) bracket.passed = Math.max(bracket.passed ?? 0, ratePerSecond);
    else if (bracket.failed === null || ratePerSecond < bracket.failed.perSecond) bracket.failed = { perSecond: ratePerSecond, generator: measured.generatorLimited === true };
    return measured.withinSlo;
  };
  const result = (censoredAt: CapacityLimit | null): SearchResult<S> => {
    const { passed, failed } = bracket;
    return {
      capacityPerSecond: passed,
      // Never failed (the steps ran out while climbing), or failed only where the generator gave out.
      censored: passed !== null && (censoredAt !== null || failed === null || failed.generator),
      limit: censoredAt ?? (failed === null ? null : failed.generator ? 'generator' : 'slo'),
      failedAtPerSecond: failed?.perSecond ?? null,
      generatorCeilingPerSecond,
      converged: censoredAt !== null || (failed !== null && (passed === null ? failed.perSecond <= minRatePerSecond : middleOf(bracket) === null)),
      steps,
    };
  };

  for (let rate = await capped(options.startRatePerSecond); steps.length < maxSteps; rate = await capped(rate * 2)) {
    // A ceiling measured below a rate that already held: the generator did keep up there.
    if (bracket.passed !== null && rate <= bracket.passed) return result(ceiling.limit);
    if (!(await step(rate))) break;
    if (rate >= Math.floor(ceiling.perSecond)) return result(ceiling.limit);
  }
  while (bracket.passed === null && bracket.failed !== null && bracket.failed.perSecond > minRatePerSecond && steps.length < maxSteps) {
    await step(Math.max(minRatePerSecond, Math.floor(bracket.failed.perSecond / 2)));
  }
  for (let middle = middleOf(bracket); middle !== null && steps.length < maxSteps; middle = middleOf(bracket)) await step(middle);
  return result(null);

  /** The next rate to try between passing and failing, or null once they are within `precision`. */
  function middleOf({ passed, failed }: Bracket): number | null {
    if (passed === null || failed === null || failed.perSecond - passed <= precision * passed) return null;
    const middle = Math.round((passed + failed.perSecond) / 2);
    return middle > passed && middle < failed.perSecond ? middle : null;
  }
}
