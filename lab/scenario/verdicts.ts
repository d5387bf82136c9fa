/**
 * Holds each variant's hypotheses against what was measured. A verdict stands only on checked ground:
 *
 *   inconclusive  the run could not test it: incomplete, steady state not met before the fault, or the
 *                 machine too busy to trust (the noise guard)  — whatever the figures say
 *   not-held      some expectation failed
 *   deviated      every expectation held, but the variant was not back to steady state after healing
 *   held          every expectation held, and it came back
 */
import { JOURNEY_NAMES } from '../journeys/types.js';
import { capacityLabel } from '../metrics/index.js';
import { judgeScaling } from './scaling-verdicts.js';
import type { RepeatCounts } from './repeats.js';
import type { Effect, Scenario } from './schema.js';
import { percent, type VariantSummary } from './summarize.js';

export const VERDICT_STATUSES = ['held', 'not-held', 'inconclusive', 'deviated'] as const;
export type VerdictStatus = (typeof VERDICT_STATUSES)[number];

export interface Verdict {
  readonly variant: VariantSummary['variant'];
  readonly statement: string;
  readonly status: VerdictStatus;
  /** Why it is inconclusive, deviated or not held; empty when held. */
  readonly reason: string;
  /** Whether the expectations held: null when inconclusive (kept beside `status` for older readers). */
  readonly held: boolean | null;
  readonly details: readonly string[];
  /** With `--repeat N`: how the N repeats came out. */
  readonly repeats?: RepeatCounts;
}

export function evaluateHypotheses(scenario: Scenario, summaries: readonly VariantSummary[]): Verdict[] {
  return summaries.flatMap((summary): Verdict[] => {
    const hypothesis = scenario.hypotheses[summary.variant];
    if (!hypothesis) return [];
    const details: string[] = [];
    const failed: string[] = [];
    const untestable: string[] = [];
    const fail = (line: string) => { details.push(line); failed.push(line); };
    const cannotRank = (line: string) => { details.push(line); untestable.push(`the capacities cannot be ranked: ${line}`); };
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
      const ranking = rankCapacity(summary, summaries);
      const line = `capacity ${summary.capacity ? capacityLabel(summary.capacity) : 'not measured'} ranks ${ranking.rank ?? '?'} of ${summaries.length}; expected rank ${hypothesis.capacityRank}`;
      if (summaries.length < 2) cannotRank(`${line} (not testable with one variant)`);
      else if (ranking.rank === null) cannotRank(`${line} (${ranking.why})`);
      else if (ranking.rank === hypothesis.capacityRank) details.push(line);
      else fail(line);
    }
    if (hypothesis.scaling) {
      for (const check of judgeScaling(hypothesis.scaling, summary, summaries)) {
        if (check.outcome === 'held') details.push(check.line);
        else if (check.outcome === 'failed') fail(check.line);
        else { details.push(check.line); untestable.push(check.line); }
      }
    }
    return [judge({ variant: summary.variant, statement: hypothesis.statement, details }, summary, failed, untestable)];
  });
}

function judge(base: Pick<Verdict, 'variant' | 'statement' | 'details'>, summary: VariantSummary, failed: readonly string[], untestable: readonly string[]): Verdict {
  const doubts = [...untestable, ...inconclusiveReasons(summary)];
  if (doubts.length > 0) return { ...base, status: 'inconclusive', reason: doubts.join('; '), held: null };
  if (failed.length > 0) return { ...base, status: 'not-held', reason: failed.join('; '), held: false };
  const after = summary.steadyState?.after;
  if (after && !after.met) return { ...base, status: 'deviated', reason: `not back to steady state after healing: ${after.reasons.join('; ')}`, held: true };
  return { ...base, status: 'held', reason: '', held: true };
}

/**
 * A variant's rank by capacity (1 = highest). A censored capacity is a lower bound: it ranks above a
 * variant whose capacity it reaches, but beside a higher one, or another lower bound, the order is
 * unknown (null). No capacity at all ranks last.
 */
function rankCapacity(summary: VariantSummary, summaries: readonly VariantSummary[]): { rank: number | null; why: string } {
  const mine = summary.capacity;
  let above = 0;
  for (const other of summaries) {
    if (other === summary) continue;
    const theirs = other.capacity;
    const a = mine?.capacityPerSecond ?? null;
    const b = theirs?.capacityPerSecond ?? null;
    if (b === null) continue;
    if (a === null) { above += 1; continue; }
    const aCensored = mine?.censored === true;
    const bCensored = theirs?.censored === true;
    if (aCensored && bCensored) return { rank: null, why: `both ${summary.variant} and ${other.variant} outlasted the load generator` };
    if (bCensored && b >= a) { above += 1; continue; }
    if (bCensored) return { rank: null, why: `${other.variant} outlasted the load generator below ${summary.variant}'s capacity` };
    if (aCensored && a >= b) continue;
    if (aCensored) return { rank: null, why: `${summary.variant} outlasted the load generator below ${other.variant}'s capacity` };
    if (b > a) above += 1;
  }
  return { rank: above + 1, why: '' };
}

/** What makes a variant's figures unfit to judge by, in plain words. */
export function inconclusiveReasons(summary: VariantSummary): string[] {
  const reasons: string[] = [];
  if (summary.incomplete) reasons.push(`the run did not finish${summary.error ? `: ${summary.error}` : ''}`);
  const before = summary.steadyState?.before;
  if (before && !before.met) reasons.push(`steady state not met before the fault (${before.reasons.join('; ')})`);
  if (summary.noise?.inconclusive) reasons.push(...summary.noise.reasons);
  return reasons;
}

/** A verdict's status; run.json files from before statuses existed carry only `held`. */
export function statusOf(verdict: Pick<Verdict, 'held'> & { readonly status?: VerdictStatus }): VerdictStatus {
  return verdict.status ?? (verdict.held === null ? 'inconclusive' : verdict.held ? 'held' : 'not-held');
}
