import { describe, expect, it } from 'vitest';
import { buildTimeline } from './timeline.js';
import { fromTimelineJson, toTimelineJson } from './timeline-json.js';
import { run, T0, window } from './run-fixtures.js';

describe('timeline', () => {
  const runs = [
    run('browse', 0, 'ok', { latencyMs: 10 }),
    run('browse', 50, 'degraded', { latencyMs: 30 }),
    run('browse', 99, 'failed', { cause: 'timeout', latencyMs: 2000 }),
    run('browse', 120, 'failed', { cause: '5xx', source: 'load', latencyMs: 1 }),
    run('browse', 150, 'ok', { source: 'load', latencyMs: 20 }),
    run('cart', 250, 'failed', { cause: 'refused' }),
    run('cart', 300, 'ok', { source: 'load' }),
  ];
  const timeline = buildTimeline(runs, { bounds: window(0, 300) });

  it('cuts the bounds into 100 ms buckets and counts probes and load apart, failures by cause', () => {
    const browse = timeline.journeys.browse;
    expect(browse).toHaveLength(3);
    expect(browse[0]?.probe).toMatchObject({ ok: 1, degraded: 1, failed: 1, failedBy: { timeout: 1, refused: 0 } });
    expect(browse[0]?.load.ok).toBe(0);
    expect(browse[1]?.load).toMatchObject({ ok: 1, failed: 1, failedBy: { '5xx': 1 } });
    expect(timeline.journeys.cart[2]?.probe.failedBy.refused).toBe(1);
    // Scheduled at the end of the bounds: outside them.
    expect(timeline.journeys.cart.reduce((n, b) => n + b.load.ok, 0)).toBe(0);
  });

  it('gives p50/p99 per bucket over answered runs and timeouts, not fast failures', () => {
    expect(timeline.journeys.browse[0]).toMatchObject({ p50Ms: 30, p99Ms: 2000 });
    expect(timeline.journeys.browse[1]).toMatchObject({ p50Ms: 20, p99Ms: 20 });
    expect(timeline.journeys.browse[2]).toMatchObject({ p50Ms: null, p99Ms: null });
  });

  it('round-trips through its compact JSON form, with events and fault marks relative to the start', () => {
    const json = toTimelineJson(timeline, {
      events: [{ tMs: T0 + 120, component: 'shop', instance: 0, type: 'exited', detail: 'signal SIGKILL' }],
      fault: window(100, 200),
    });
    const reread = JSON.parse(JSON.stringify(json));
    expect(reread.journeys.browse.probe.ok).toEqual([1, 0, 0]);
    expect(reread.events[0].tMs).toBe(120);
    expect(reread.fault).toEqual({ startMs: 100, endMs: 200 });
    expect(fromTimelineJson(reread).journeys).toEqual(timeline.journeys);
  });
});
