import { describe, expect, it } from 'vitest';
import type { JourneyRun } from '../journeys/types.js';
import type { LifecycleEvent } from '../runner/types.js';
import { deploySteps, failedRunsByTime } from './deploy-steps.js';

const run = (scheduledMs: number, outcome: JourneyRun['outcome']): JourneyRun =>
  ({ source: 'load', journey: 'checkout', scheduledMs, latencyMs: 10, outcome }) as JourneyRun;

describe('failedRunsByTime', () => {
  it('counts the failed runs of the window per 100 ms from its start, leaving out empty buckets', () => {
    const runs = [
      run(4_990, 'failed'), // before
      run(5_000, 'failed'), run(5_099, 'failed'), run(5_100, 'failed'), run(5_150, 'ok'), run(5_420, 'degraded'),
      run(5_470, 'failed'), run(6_001, 'failed'), // after
    ];
    expect(failedRunsByTime(runs, { startMs: 5_000, endMs: 6_000 })).toEqual([{ tMs: 0, count: 2 }, { tMs: 100, count: 1 }, { tMs: 400, count: 1 }]);
  });
});

describe('deploySteps', () => {
  it('keeps steps stamped in the same millisecond in the order they happened: the new replica ready, then the old one draining', () => {
    const events: LifecycleEvent[] = [
      { tMs: 1_399, component: 'payment', instance: 2, type: 'ready', version: 'v2' },
      { tMs: 1_399, component: 'payment', instance: 0, type: 'draining', version: 'v1' },
      { tMs: 1_390, component: 'payment', instance: 2, type: 'starting', version: 'v2' },
    ];
    expect(deploySteps(events, 'payment', { startMs: 1_000, endMs: 2_000 }).map((s) => `${s.instance} ${s.action} ${s.tMs}`))
      .toEqual(['2 starting 390', '2 ready 399', '0 draining 399']);
  });
});
