import { describe, expect, it } from 'vitest';
import { capacityLabel, capacitySteps, rampCapacity } from './capacity.js';
import { judgeStep, rampStageResult, type StepCounts } from './capacity-step.js';
import { run, window } from './run-fixtures.js';

const SLO = { sloP99Ms: 500, maxErrorRate: 0.01 };
const load = (atMs: number, latencyMs: number, extra = {}) => run('product', atMs, 'ok', { source: 'load', latencyMs, ...extra });
const counts = (offered: number, extra: Partial<StepCounts> = {}): StepCounts => ({ offered, late: 0, ok: offered, degraded: 0, ...extra });

describe('a capacity step', () => {
  const onTime = Array.from({ length: 200 }, (_, i) => load(i * 5, 20));

  // (p99 exactly at the SLO reads a hair above it: the HDR histogram reports the top of its bucket)
  it('holds the SLO: p99 at most the SLO and under 1% not answered, counted over the window only', () => {
    const step = judgeStep([...onTime, load(-50, 9_000), load(1_000, 9_000)], { ratePerSecond: 200, window: window(0, 1_000), counts: counts(200), workerCpuShare: 0.2 }, SLO);
    expect(step).toMatchObject({ ratePerSecond: 200, errorRate: 0, withinSlo: true, generatorLimited: false, achievedPerSecond: 200, lateShare: 0 });
    expect(step.p99Ms).toBeCloseTo(20, 0);
    expect(judgeStep(onTime.map((r) => ({ ...r, latencyMs: 499 })), { ratePerSecond: 200, window: window(0, 1_000), counts: counts(200), workerCpuShare: 0.2 }, SLO).withinSlo).toBe(true);
  });

  it('runs the generator dropped or cut off count as errors, not only the failed ones it reported', () => {
    const step = judgeStep(onTime, { ratePerSecond: 200, window: window(0, 1_000), counts: counts(204, { ok: 200 }), workerCpuShare: 0.2 }, SLO);
    expect(step.errorRate).toBeCloseTo(4 / 204, 5);
    expect(step.withinSlo).toBe(false);
    expect(step.generatorLimited).toBe(false);
  });

  it('a slow variant breaks the SLO; its late starts are not blamed on the generator when its on-time runs are slow too', () => {
    const slow = onTime.map((r, i) => ({ ...r, latencyMs: 800, ...(i % 10 === 0 ? { late: true } : {}) }));
    const step = judgeStep(slow, { ratePerSecond: 200, window: window(0, 1_000), counts: counts(200, { late: 20 }), workerCpuShare: 0.5 }, SLO);
    expect(step).toMatchObject({ withinSlo: false, generatorLimited: false, lateShare: 0.1 });
  });

  it('late starts with a fast variant, or a saturated worker: the generator is the limit', () => {
    const lagging = onTime.map((r, i) => (i % 10 === 0 ? { ...r, latencyMs: 900, late: true } : r));
    const behind = judgeStep(lagging, { ratePerSecond: 200, window: window(0, 1_000), counts: counts(200, { late: 20 }), workerCpuShare: 0.6 }, SLO);
    expect(behind).toMatchObject({ withinSlo: false, generatorLimited: true });
    expect(behind.onTimeP99Ms).toBeCloseTo(20, 0);
    const saturated = judgeStep(onTime.map((r) => ({ ...r, latencyMs: 700 })), { ratePerSecond: 200, window: window(0, 1_000), counts: counts(200), workerCpuShare: 0.97 }, SLO);
    expect(saturated).toMatchObject({ withinSlo: false, generatorLimited: true });
    // a step that held is never "limited": its latency already counts the generator's lag
    expect(judgeStep(onTime, { ratePerSecond: 200, window: window(0, 1_000), counts: counts(200, { late: 20 }), workerCpuShare: 0.97 }, SLO).generatorLimited).toBe(false);
  });
});

describe('capacity of a fixed ramp', () => {
  it('is the highest passing stage; censored when the top stage passed', () => {
    const c = rampCapacity([
      { ratePerSecond: 200, p99Ms: 120, errorRate: 0 },
      { ratePerSecond: 100, p99Ms: 50, errorRate: 0 },
      { ratePerSecond: 400, p99Ms: 480, errorRate: 0.02 },
      { ratePerSecond: 300, p99Ms: 500, errorRate: 0.009 },
      { ratePerSecond: 500, p99Ms: 2000, errorRate: 0 },
    ], { sloP99Ms: 500 });
    expect(c).toMatchObject({ method: 'ramp', capacityPerSecond: 300, censored: false, limit: 'slo', failedAtPerSecond: 400 });
    expect(c.steps.map((s) => [s.ratePerSecond, s.withinSlo])).toEqual([[200, true], [100, true], [400, false], [300, true], [500, false]]);
    expect(rampCapacity([{ ratePerSecond: 10, p99Ms: null, errorRate: 1 }]).capacityPerSecond).toBeNull();
    expect(rampCapacity([{ ratePerSecond: 10, p99Ms: 5, errorRate: 0 }, { ratePerSecond: 20, p99Ms: 9, errorRate: 0 }])).toMatchObject({ capacityPerSecond: 20, censored: true, limit: 'ramp-top' });
  });

  it('reads a stage from its load runs', () => {
    const runs = [
      ...Array.from({ length: 99 }, (_, i) => run('browse', i, 'ok', { source: 'load', latencyMs: 10 })),
      run('browse', 99, 'failed', { source: 'load', cause: '5xx' }),
      run('browse', 500, 'failed', { source: 'load', cause: '5xx' }),
    ];
    const stage = rampStageResult(runs, window(0, 100), 100);
    expect(stage).toMatchObject({ ratePerSecond: 100, errorRate: 0.01 });
    expect(stage.p99Ms).toBeCloseTo(10, 1);
  });
});

describe('capacity as words', () => {
  const steps = [{ ratePerSecond: 25, p99Ms: 9, errorRate: 0, withinSlo: true }];
  it('says a censored capacity is a lower bound and why', () => {
    expect(capacityLabel({ capacityPerSecond: 1_650, censored: false, limit: 'slo', steps })).toBe('1,650/s');
    expect(capacityLabel({ capacityPerSecond: 3_200, censored: true, limit: 'generator', steps })).toBe('≥ 3,200/s (generator limit)');
    expect(capacityLabel({ capacityPerSecond: null, censored: false, limit: 'slo', steps })).toBe('below 25/s');
  });
  it('reads the steps of runs written before the search (schema 1: `stages`)', () => {
    expect(capacitySteps({ stages: steps } as never)).toEqual(steps);
  });
});
