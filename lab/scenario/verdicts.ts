/** Holds each variant's hypotheses against what was measured: held, did not hold, or not testable. */
import { JOURNEY_NAMES } from '../journeys/types.js';
import type { Effect, Scenario } from './schema.js';
import { percent, type VariantSummary } from './summarize.js';

export interface Verdict {
  readonly variant: VariantSummary['variant'];
  readonly statement: string;
  /** null: the run could not test it (incomplete, or nothing measured). */
  readonly held: boolean | null;
  readonly details: readonly string[];
}

export function evaluateHypotheses(scenario: Scenario, summaries: readonly VariantSummary[]): Verdict[] {
  return summaries.flatMap((summary): Verdict[] => {
    const hypothesis = scenario.hypotheses[summary.variant];
    if (!hypothesis) return [];
    const details: string[] = [];
    let held: boolean | null = summary.incomplete ? null : true;
    const fail = (line: string) => { details.push(line); if (held !== null) held = false; };
    for (const journey of JOURNEY_NAMES) {
      const allowed: readonly Effect[] | undefined = hypothesis.expect[journey] ?? hypothesis.expect.others ?? hypothesis.expect.all;
      if (!allowed) continue;
      const measured = summary.journeys.find((j) => j.journey === journey);
      if (!measured) continue;
      const line = `${journey}: expected ${allowed.join(' or ')}, measured ${measured.effect} (fault-window availability ${percent(measured.availability?.faultWindow?.all.availability)})`;
      if (allowed.includes(measured.effect)) details.push(line);
      else fail(line);
    }
    if (hypothesis.spofs) {
      const found = summary.matrix?.singlePointsOfFailure ?? [];
      const missing = hypothesis.spofs.filter((c) => !found.includes(c));
      const line = `single points of failure measured: ${found.join(', ') || 'none'}; expected at least: ${hypothesis.spofs.join(', ')}`;
      if (missing.length === 0) details.push(line);
      else fail(`${line} (not found: ${missing.join(', ')})`);
    }
    if (hypothesis.capacityRank !== undefined) {
      const ranked = [...summaries].sort((a, b) => (b.capacity?.capacityPerSecond ?? -1) - (a.capacity?.capacityPerSecond ?? -1));
      const rank = ranked.findIndex((s) => s.variant === summary.variant) + 1;
      const line = `capacity ${summary.capacity?.capacityPerSecond ?? 'below the first stage'}/s ranks ${rank} of ${summaries.length}; expected rank ${hypothesis.capacityRank}`;
      if (summaries.length < 2) { details.push(`${line} (not testable with one variant)`); held = null; }
      else if (rank === hypothesis.capacityRank) details.push(line);
      else fail(line);
    }
    return [{ variant: summary.variant, statement: hypothesis.statement, held, details }];
  });
}
