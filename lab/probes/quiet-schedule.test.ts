import { describe, expect, it } from 'vitest';
import { QuietSchedule } from './quiet-schedule.js';

function take(schedule: QuietSchedule, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const at = schedule.peek();
    if (at === undefined) break;
    out.push(at);
    schedule.take();
  }
  return out;
}

describe('QuietSchedule', () => {
  it('alone, ticks every interval from time zero until the end', () => {
    expect(take(new QuietSchedule(25, 100), 10)).toEqual([0, 25, 50, 75]);
  });

  it('waits a full interval after the latest run of its journey, whoever started it', () => {
    const schedule = new QuietSchedule(50, 1000);
    schedule.sampled(0);
    expect(schedule.peek()).toBe(50);
    schedule.sampled(30);
    expect(schedule.peek()).toBe(80);
    schedule.sampled(10); // an older run changes nothing
    expect(schedule.peek()).toBe(80);
    expect(take(schedule, 2)).toEqual([80, 130]);
  });

  it('never fires while runs of its journey keep coming closer together than the interval', () => {
    const schedule = new QuietSchedule(50, 1000);
    const probesAt: number[] = [];
    for (let load = 0; load < 1000; load += 40) {
      for (let due = schedule.peek(); due !== undefined && due < load; due = schedule.peek()) {
        probesAt.push(due);
        schedule.take();
      }
      schedule.sampled(load);
    }
    expect(probesAt).toEqual([]);
  });
});
