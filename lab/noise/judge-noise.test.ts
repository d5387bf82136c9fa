import { describe, expect, it } from 'vitest';
import type { LoadSummary } from '../load/index.js';
import { generatorFigures, judgeNoise } from './judge-noise.js';
import type { NoiseSample, ProcessCpu } from './noise-sample.js';
import { NOISE_THRESHOLDS } from './thresholds.js';

const second = (foreignCpuPercent: number, busiestForeign: ProcessCpu[] = [], durationMs = 1000): NoiseSample => ({
  atMs: 0, durationMs, cores: 2, machineCpuPercent: foreignCpuPercent + 40, labCpuPercent: 40, foreignCpuPercent, labProcesses: 9, busiestForeign,
});
const quiet = (seconds: number) => Array.from({ length: seconds }, () => second(3));
const onTime = { offered: 1200, late: 0, dropped: 0, loopLagP99Ms: 12 };

describe('judgeNoise', () => {
  it('trusts a quiet window and reports its figures', () => {
    const report = judgeNoise(quiet(30), onTime);
    expect(report).toMatchObject({
      samples: 30, cores: 2, inconclusive: false, reasons: [],
      foreignCpuPercent: { mean: 3, worstSecond: 3 }, labCpuPercent: { mean: 40, worstSecond: 40 }, machineCpuPercent: { mean: 43, worstSecond: 43 },
      generator: { offered: 1200, late: 0, dropped: 0, lateShare: 0, loopLagP99Ms: 12 },
      thresholds: NOISE_THRESHOLDS,
    });
  });

  it('judges the hypervisor\'s steal apart: usual steal is trusted, a contended host is not', () => {
    const withSteal = (steal: number) => Array.from({ length: 10 }, () => ({ ...second(3), stealCpuPercent: steal }));
    const usual = judgeNoise(withSteal(40), onTime);
    expect(usual).toMatchObject({ inconclusive: false, stealCpuPercent: { mean: 40, worstSecond: 40 } });
    const contended = judgeNoise(withSteal(NOISE_THRESHOLDS.stealMeanPercent + 10), onTime);
    expect(contended.inconclusive).toBe(true);
    expect(contended.reasons).toEqual([`the hypervisor held back ${NOISE_THRESHOLDS.stealMeanPercent + 10}% of a CPU core on average (steal time; worst second ${NOISE_THRESHOLDS.stealMeanPercent + 10}%)`]);
  });

  it('is inconclusive when another process kept a core busy, and names it', () => {
    const hog = { pid: 4242, command: 'node', cpuPercent: 95 };
    const report = judgeNoise(Array.from({ length: 10 }, () => second(97, [hog])), onTime);
    expect(report.inconclusive).toBe(true);
    expect(report.reasons).toEqual(['other processes used 97% of a CPU core on average (worst second 97%); busiest: node (pid 4242) 95%']);
    expect(report.busiestForeign).toEqual([hog]);
  });

  it('catches one bad second that the mean hides', () => {
    const report = judgeNoise([...quiet(29), second(80)], onTime);
    expect(report.foreignCpuPercent).toEqual({ mean: 5.6, worstSecond: 80 });
    expect(report.reasons).toEqual(['other processes used 6% of a CPU core on average (worst second 80%)']);
  });

  it('weighs the mean by interval length (a short last interval weighs less)', () => {
    const report = judgeNoise([second(10, [], 1000), second(100, [], 500), second(10, [], 1000)], onTime);
    expect(report.foreignCpuPercent?.mean).toBe(28);
  });

  it('holds exactly at the thresholds and trips just above them', () => {
    const t = NOISE_THRESHOLDS;
    const atLimit = judgeNoise([second(t.foreignMeanPercent), second(t.foreignMeanPercent)], { offered: 100, late: t.lateShare * 100, dropped: 0, loopLagP99Ms: 50 });
    expect(atLimit.reasons).toEqual([]);
    const above = judgeNoise([second(t.foreignMeanPercent + 1)], { offered: 100, late: t.lateShare * 100 + 1, dropped: 1, loopLagP99Ms: 51 });
    expect(above.reasons).toHaveLength(4);
  });

  it('says in plain words what the generator did wrong', () => {
    const report = judgeNoise(quiet(10), { offered: 1000, late: 120, dropped: 3, loopLagP99Ms: 80.4 });
    expect(report.generator?.lateShare).toBe(0.12);
    expect(report.reasons).toEqual([
      'the load generator started 12% of its runs late (over 10 ms behind)',
      'the load generator dropped 3 runs (too many in flight)',
      "the load generator's event loop stalled (p99 delay 80 ms)",
    ]);
  });

  it('takes other thresholds when given', () => {
    const strict = { ...NOISE_THRESHOLDS, foreignMeanPercent: 1, foreignWorstSecondPercent: 2 };
    expect(judgeNoise(quiet(5), onTime, strict).inconclusive).toBe(true);
  });

  it('without samples or generator figures, judges nothing and says so instead of guessing', () => {
    const report = judgeNoise([]);
    expect(report).toMatchObject({ samples: 0, inconclusive: false, reasons: [] });
    expect(report.foreignCpuPercent).toBeUndefined();
    expect(report.notes).toHaveLength(2);
  });
});

describe('generatorFigures', () => {
  it('adds up the load and the probes, skipping one that did not run', () => {
    const summary = (offered: number, late: number, dropped: number) => ({ total: { offered, late, dropped } }) as LoadSummary;
    expect(generatorFigures([summary(1000, 10, 0), undefined, summary(4000, 3, 2)], 7)).toEqual({ offered: 5000, late: 13, dropped: 2, loopLagP99Ms: 7 });
  });
});
