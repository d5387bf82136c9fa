/** A scale-out's expectations against synthetic summaries: speedup bounds, censored capacities, the memory rank. */
import { describe, expect, it } from 'vitest';
import { scalingFigures, type Capacity, type ScalingLevel } from '../metrics/index.js';
import { judgeScaling } from './scaling-verdicts.js';
import type { VariantSummary } from './summarize.js';

const capacity = (perSecond: number | null, censored = false): Capacity => ({
  method: 'search', sloP99Ms: 500, maxErrorRate: 0.01, capacityPerSecond: perSecond, censored, limit: censored ? 'generator' : 'slo',
  failedAtPerSecond: null, generatorCeilingPerSecond: null, steps: [],
});

/** Each replica of the scaled component `x` holds a tenth of the total. */
function summary(variant: VariantSummary['variant'], levels: Array<[replicas: number, perSecond: number | null, totalMb: number, censored?: boolean]>): VariantSummary {
  const scalingLevels: ScalingLevel[] = levels.map(([replicas, perSecond, totalMb, censored]) => ({
    replicas, capacity: capacity(perSecond, censored),
    memory: { atMs: 0, totalMb, processes: Array.from({ length: replicas }, (_, i) => ({ name: `x[${i}]`, kind: 'app' as const, pid: i + 1, rssMb: totalMb / 10 })) },
  }));
  return { variant, scaling: { component: 'x', module: 'search', levels: scalingLevels, commands: [], figures: scalingFigures(scalingLevels, 'x') } } as unknown as VariantSummary;
}

const outcomes = (checks: ReturnType<typeof judgeScaling>) => checks.map((c) => c.outcome);

describe('judgeScaling', () => {
  const monolith = summary('monolith', [[1, 100, 250], [2, 150, 370], [3, 140, 490]]);
  const soa = summary('soa', [[1, 60, 600], [2, 70, 680], [3, 72, 760]]);
  const micro = summary('micro', [[1, 90, 800], [2, 130, 880], [3, 131, 960]]);
  const all = [monolith, soa, micro];

  it('a speedup at or above the minimum holds; below it fails, with the figures in the line', () => {
    expect(outcomes(judgeScaling({ minSpeedup: 1.4 }, monolith, all))).toEqual(['held']);
    const [check] = judgeScaling({ minSpeedup: 1.4 }, soa, all);
    expect(check).toEqual({ outcome: 'failed', line: 'speedup ×1.20 (1→3 replicas: 60/s → 72/s); expected at least ×1.4' });
  });

  it('a maximum speedup: held under it, failed over it', () => {
    expect(outcomes(judgeScaling({ maxSpeedup: 2 }, micro, all))).toEqual(['held']);
    expect(outcomes(judgeScaling({ maxSpeedup: 1.3 }, micro, all))).toEqual(['failed']);
  });

  it('censored capacities: a lower bound at the top still shows a minimum held, but not one missed, nor any maximum', () => {
    const topCensored = summary('micro', [[1, 90, 800], [3, 200, 960, true]]);
    expect(outcomes(judgeScaling({ minSpeedup: 2 }, topCensored, all))).toEqual(['held']);
    expect(outcomes(judgeScaling({ minSpeedup: 3 }, topCensored, all))).toEqual(['untestable']);
    expect(outcomes(judgeScaling({ maxSpeedup: 3 }, topCensored, all))).toEqual(['untestable']);
    const bottomCensored = summary('micro', [[1, 90, 800, true], [3, 200, 960]]);
    expect(outcomes(judgeScaling({ minSpeedup: 1.5 }, bottomCensored, all))).toEqual(['untestable']);
  });

  it('the memory one replica holds ranks the variants (1 = the most MB per replica)', () => {
    const big = summary('monolith', [[1, 100, 1_000], [2, 150, 1_100]]);
    const ranked = [big, soa, micro];
    expect(judgeScaling({ memoryPerReplicaRank: 1 }, big, ranked)).toEqual([{ outcome: 'held', line: 'resident memory of one x replica 110.0 MB ranks 1 of 3; expected rank 1' }]);
    expect(outcomes(judgeScaling({ memoryPerReplicaRank: 1 }, micro, ranked))).toEqual(['failed']);
    expect(outcomes(judgeScaling({ memoryPerReplicaRank: 2 }, micro, ranked))).toEqual(['held']);
    expect(outcomes(judgeScaling({ memoryPerReplicaRank: 1 }, monolith, [monolith]))).toEqual(['untestable']);
  });

  it('nothing measured: untestable, never held', () => {
    const none = { variant: 'soa' } as unknown as VariantSummary;
    expect(outcomes(judgeScaling({ minSpeedup: 1 }, none, [none]))).toEqual(['untestable']);
    expect(outcomes(judgeScaling({ minSpeedup: 1 }, summary('soa', [[1, null, 600], [2, 70, 680]]), all))).toEqual(['untestable']);
  });
});
