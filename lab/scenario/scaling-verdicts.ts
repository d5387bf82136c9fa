/**
 * A scale-out's expectations (`hypotheses.<variant>.scaling`) held against what was measured:
 *
 * - `minSpeedup` / `maxSpeedup`: capacity at the most replicas ÷ capacity at the fewest. A censored
 *   capacity is a lower bound: a speedup built on one at the top end can still show a minimum held, but
 *   neither a maximum nor anything built on one at the bottom end can be judged (untestable);
 * - `memoryPerReplicaRank`: the variant's rank by the resident MB one replica of its scaled component
 *   holds (1 = the most): what each copy costs, steadier than the difference of whole-variant totals.
 */
import type { Scenario } from './schema.js';
import type { VariantSummary } from './summarize.js';

type Expectation = NonNullable<NonNullable<Scenario['hypotheses'][keyof Scenario['hypotheses']]>['scaling']>;

export interface ScalingCheck {
  readonly outcome: 'held' | 'failed' | 'untestable';
  readonly line: string;
}

export function judgeScaling(expect: Expectation, summary: VariantSummary, summaries: readonly VariantSummary[]): ScalingCheck[] {
  const scaling = summary.scaling;
  if (!scaling) return [{ outcome: 'untestable', line: 'no scale-out was measured' }];
  const checks: ScalingCheck[] = [];
  const levels = [...scaling.levels].sort((a, b) => a.replicas - b.replicas);
  const first = levels[0];
  const last = levels.at(-1);
  const { speedup } = scaling.figures;
  const measured = speedup === null ? 'not measured' : `×${speedup.toFixed(2)} (${first?.replicas}→${last?.replicas} replicas: ${first?.capacity.capacityPerSecond ?? '?'}/s → ${last?.capacity.capacityPerSecond ?? '?'}/s)`;
  const bottomCensored = first?.capacity.censored === true;
  const topCensored = last?.capacity.censored === true;
  if (expect.minSpeedup !== undefined) {
    const line = `speedup ${measured}; expected at least ×${expect.minSpeedup}`;
    if (speedup === null || bottomCensored) checks.push({ outcome: 'untestable', line: `${line} (${speedup === null ? 'a capacity is missing' : 'the fewest replicas outlasted the load generator'})` });
    else if (speedup >= expect.minSpeedup) checks.push({ outcome: 'held', line });
    else checks.push({ outcome: topCensored ? 'untestable' : 'failed', line });
  }
  if (expect.maxSpeedup !== undefined) {
    const line = `speedup ${measured}; expected at most ×${expect.maxSpeedup}`;
    if (speedup === null || topCensored || bottomCensored) checks.push({ outcome: 'untestable', line: `${line} (a capacity is missing or only a lower bound)` });
    else checks.push({ outcome: speedup <= expect.maxSpeedup ? 'held' : 'failed', line });
  }
  if (expect.memoryPerReplicaRank !== undefined) checks.push(memoryRank(expect.memoryPerReplicaRank, summary, summaries));
  return checks;
}

function memoryRank(expected: number, summary: VariantSummary, summaries: readonly VariantSummary[]): ScalingCheck {
  const mine = summary.scaling?.figures.mbPerReplica ?? null;
  const others = summaries.filter((s) => s !== summary).map((s) => s.scaling?.figures.mbPerReplica ?? null);
  const mb = mine === null ? 'not measured' : `${mine.toFixed(1)} MB`;
  if (mine === null || others.length === 0 || others.some((o) => o === null)) {
    return { outcome: 'untestable', line: `resident memory of one ${summary.scaling?.component ?? 'replica'} ${mb}: the rank needs every variant's (expected rank ${expected})` };
  }
  const rank = 1 + others.filter((o) => o! > mine).length;
  const line = `resident memory of one ${summary.scaling!.component} replica ${mb} ranks ${rank} of ${summaries.length}; expected rank ${expected}`;
  return { outcome: rank === expected ? 'held' : 'failed', line };
}
