import { describe, expect, it } from 'vitest';
import { StagedSchedule, type Stage } from './schedule.js';

function arrivals(stages: Stage[]): Array<[number, number]> {
  const schedule = new StagedSchedule(stages);
  const out: Array<[number, number]> = [];
  for (let at = schedule.peek(); at !== undefined; at = schedule.peek()) {
    out.push([at, schedule.stage]);
    schedule.take();
  }
  return out;
}

describe('StagedSchedule', () => {
  it('spaces a constant rate evenly from time zero: 100/s for 3 s is 300 runs, 10 ms apart', () => {
    const all = arrivals([{ ratePerSecond: 100, durationMs: 3000 }]);
    expect(all).toHaveLength(300);
    expect(all[0]).toEqual([0, 0]);
    expect(all[299]![0]).toBeCloseTo(2990, 6);
  });

  it('runs stages back to back and skips a stage at rate 0', () => {
    const all = arrivals([{ ratePerSecond: 10, durationMs: 500 }, { ratePerSecond: 0, durationMs: 1000 }, { ratePerSecond: 20, durationMs: 500 }]);
    expect(all.filter(([, stage]) => stage === 0)).toHaveLength(5);
    expect(all.filter(([, stage]) => stage === 2).map(([at]) => at)).toEqual([1500, 1550, 1600, 1650, 1700, 1750, 1800, 1850, 1900, 1950]);
  });

  it('does not drift over a long run', () => {
    const schedule = new StagedSchedule([{ ratePerSecond: 3, durationMs: Infinity }]);
    for (let i = 0; i < 300_000; i++) schedule.take();
    expect(schedule.peek()).toBeCloseTo(100_000_000, 3);
  });
});
