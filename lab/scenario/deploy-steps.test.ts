import { describe, expect, it } from 'vitest';
import type { JourneyRun } from '../journeys/types.js';
import { failedRunsByTime } from './deploy-steps.js';

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
