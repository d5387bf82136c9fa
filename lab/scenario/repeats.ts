/**
 * A scenario repeated N times (`--repeat N`), the variants interleaved (monolith, soa, micro, monolith,
 * …) so that a slow drift of the machine touches them alike. Per variant × journey the figures get a
 * median, a 95% bootstrap interval and a coefficient of variation; a hypothesis is held only when it
 * held in every conclusive repeat ("held 3/3"), and not held when it failed in any.
 */
import { JOURNEY_NAMES, type JourneyName } from '../journeys/types.js';
import { spreadOf, type Spread } from '../metrics/spread.js';
import type { VariantSummary } from './summarize.js';
import type { Verdict, VerdictStatus } from './verdicts.js';

export interface JourneySpread {
  readonly variant: VariantSummary['variant'];
  readonly journey: JourneyName;
  readonly downtimeMs: Spread | null;
  readonly timeToRecoverMs: Spread | null;
  readonly faultWindowAvailability: Spread | null;
  readonly p99Ms: Spread | null;
}

export interface RepeatCounts {
  readonly total: number;
  readonly held: number;
  readonly notHeld: number;
  readonly deviated: number;
  readonly inconclusive: number;
}

/** Every variant × journey over the repeats; `byRepeat[k]` holds repeat k's summaries. */
export function repeatSpreads(byRepeat: ReadonlyArray<readonly VariantSummary[]>): JourneySpread[] {
  const variants = [...new Set(byRepeat.flat().map((s) => s.variant))];
  return variants.flatMap((variant) => {
    const summaries = byRepeat.flatMap((list) => list.filter((s) => s.variant === variant && !s.incomplete));
    return JOURNEY_NAMES.map((journey): JourneySpread => {
      const figures = summaries.map((s) => s.journeys.find((j) => j.journey === journey));
      const spread = (pick: (j: NonNullable<(typeof figures)[number]>) => number | null | undefined) =>
        spreadOf(figures.flatMap((j) => { const v = j ? pick(j) : undefined; return typeof v === 'number' ? [v] : []; }));
      return {
        variant, journey,
        downtimeMs: spread((j) => (j.downtime && j.availability?.faultWindow ? j.downtime.downtimeMs : undefined)),
        timeToRecoverMs: spread((j) => j.downtime?.timeToRecoverMs),
        faultWindowAvailability: spread((j) => j.availability?.faultWindow?.all.availability),
        p99Ms: spread((j) => (j.latency.faultWindow ?? j.latency.steady)?.p99Ms),
      };
    });
  });
}

/** One verdict per hypothesis from its verdict in every repeat. */
export function combineVerdicts(byRepeat: ReadonlyArray<readonly Verdict[]>): Verdict[] {
  if (byRepeat.length <= 1) return [...(byRepeat[0] ?? [])];
  const variants = [...new Set(byRepeat.flat().map((v) => v.variant))];
  return variants.map((variant) => {
    const list = byRepeat.flatMap((verdicts) => verdicts.filter((v) => v.variant === variant));
    const counts = countStatuses(list.map((v) => v.status));
    const conclusive = counts.total - counts.inconclusive;
    const first = list[0] as Verdict;
    const reasonsOf = (status: VerdictStatus) => [...new Set(list.filter((v) => v.status === status).map((v) => v.reason))].join(' | ');
    const details = list.flatMap((v, index) => [`repeat ${index + 1}: ${v.status}${v.reason ? ` (${v.reason})` : ''}`]);
    const base = { variant, statement: first.statement, details, repeats: counts };
    if (conclusive === 0) return { ...base, status: 'inconclusive', held: null, reason: `inconclusive in all ${counts.total} repeats: ${reasonsOf('inconclusive')}` };
    if (counts.notHeld > 0) return { ...base, status: 'not-held', held: false, reason: `not held in ${counts.notHeld}/${conclusive} conclusive repeats: ${reasonsOf('not-held')}` };
    if (counts.deviated > 0) return { ...base, status: 'deviated', held: true, reason: `deviated in ${counts.deviated}/${conclusive} conclusive repeats: ${reasonsOf('deviated')}` };
    const note = counts.inconclusive > 0 ? ` (${counts.inconclusive} inconclusive: ${reasonsOf('inconclusive')})` : '';
    return { ...base, status: 'held', held: true, reason: `held ${counts.held}/${conclusive}${note}` };
  });
}

function countStatuses(statuses: readonly VerdictStatus[]): RepeatCounts {
  const count = (status: VerdictStatus) => statuses.filter((s) => s === status).length;
  return { total: statuses.length, held: count('held'), notHeld: count('not-held'), deviated: count('deviated'), inconclusive: count('inconclusive') };
}
