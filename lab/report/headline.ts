/**
 * The few numbers that say how a variant fared in a run, shared by the report's first table, the
 * index of runs and the comparison page.
 */
import { capacityLabel, capacitySteps } from '../metrics/index.js';
import type { RunFile } from '../results/write-run.js';
import type { VariantSummary } from '../scenario/summarize.js';
import { statusOf } from '../scenario/verdicts.js';

export interface VariantHeadline {
  readonly variant: string;
  readonly status: 'complete' | 'incomplete' | 'failed';
  readonly error?: string;
  /** Journeys hit / measured and the traffic-weighted share; null without a single fault window. */
  readonly blastRadius: { readonly hit: number; readonly measured: number; readonly weightedShare: number } | null;
  /** The journey that was down longest; null without a fault. */
  readonly worstDowntime: { readonly journey: string; readonly downtimeMs: number; readonly recovered: boolean } | null;
  readonly verdicts: { readonly held: number; readonly notHeld: number; readonly untested: number; readonly deviated: number; readonly total: number };
  /** null when the run did not check integrity. */
  readonly integrity: { readonly clean: boolean; readonly issues: number } | null;
  readonly spofs: readonly string[] | null;
  readonly capacityPerSecond: number | null | undefined;
  /** "1,600/s", "≥ 3,200/s (generator limit)"; undefined when the run measured no capacity. */
  readonly capacityLabel: string | undefined;
  readonly restarts: number;
}

export function variantHeadlines(run: RunFile): VariantHeadline[] {
  return run.variants.map((v) => headline(v, run));
}

function headline(v: VariantSummary, run: RunFile): VariantHeadline {
  const verdicts = run.verdicts.filter((x) => x.variant === v.variant);
  const downtimes = v.faultWindow ? v.journeys.filter((j) => j.downtime) : [];
  const worst = downtimes.reduce<VariantSummary['journeys'][number] | undefined>(
    (a, b) => (a?.downtime && b.downtime && a.downtime.downtimeMs >= b.downtime.downtimeMs ? a : b), undefined);
  const br = v.blastRadius;
  return {
    variant: v.variant,
    status: v.error ? 'failed' : v.incomplete ? 'incomplete' : 'complete',
    error: v.error,
    blastRadius: br ? { hit: br.hit.length, measured: Object.keys(br.availability).length - br.unmeasured.length, weightedShare: br.weightedShare } : null,
    worstDowntime: worst?.downtime ? { journey: worst.journey, downtimeMs: worst.downtime.downtimeMs, recovered: worst.downtime.recovered } : null,
    verdicts: {
      held: verdicts.filter((x) => statusOf(x) === 'held').length,
      notHeld: verdicts.filter((x) => statusOf(x) === 'not-held').length,
      untested: verdicts.filter((x) => statusOf(x) === 'inconclusive').length,
      deviated: verdicts.filter((x) => statusOf(x) === 'deviated').length,
      total: verdicts.length,
    },
    integrity: v.integrity ? { clean: v.integrity.clean, issues: integrityIssues(v.integrity) } : null,
    spofs: v.matrix ? v.matrix.singlePointsOfFailure : null,
    capacityPerSecond: v.capacity ? v.capacity.capacityPerSecond : undefined,
    capacityLabel: v.capacity ? capacityLabel({ ...v.capacity, steps: capacitySteps(v.capacity) }) : undefined,
    restarts: v.restarts,
  };
}

export function integrityIssues(i: NonNullable<VariantSummary['integrity']>): number {
  return i.missingOrders.count + i.duplicateOrders.count + i.stockMismatches.count + i.stuckReservations.count
    + i.eventsNotApplied.inventory.count + i.eventsNotApplied.recommendations.count + i.outboxPending.count;
}
