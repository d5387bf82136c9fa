import { describe, expect, it } from 'vitest';
import { latencySummary } from './latency.js';
import { percentilesOf } from './percentiles.js';
import { run, T0, window } from './run-fixtures.js';
import { throughput } from './throughput.js';

describe('percentiles', () => {
  it('reads p50/p95/p99/p99.9 from an HDR histogram within its precision', () => {
    const p = percentilesOf(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(p).toMatchObject({ count: 1000, maxMs: 1000 });
    expect(p?.p50Ms).toBeCloseTo(500, 0);
    expect(p?.p95Ms).toBeCloseTo(950, 0);
    expect(p?.p99Ms).toBeCloseTo(990, 0);
    expect(p?.p999Ms).toBeCloseTo(999, 0);
    expect(percentilesOf([0.25])?.p50Ms).toBeCloseTo(0.25, 3);
    expect(percentilesOf([])).toBeNull();
  });
});

describe('latency summary', () => {
  const load = (atMs: number, latencyMs: number, extra = {}) => run('browse', atMs, 'ok', { source: 'load', latencyMs, ...extra });
  const runs = [
    load(100, 900), // warm-up
    ...Array.from({ length: 100 }, (_, i) => load(2000 + i * 10, 10)),
    ...Array.from({ length: 100 }, (_, i) => load(4000 + i * 10, 200)),
    load(4500, 5, { outcome: 'failed', cause: 'refused' }),
    load(4600, 3000, { outcome: 'failed', cause: 'timeout' }),
    run('cart', 2500, 'ok', { latencyMs: 40 }),
    run('cart', 4200, 'ok', { latencyMs: 400 }),
  ];
  const summary = latencySummary(runs, { bounds: window(0, 6000), fault: window(4000, 5100), warmupMs: 1000 });

  it('separates steady state from the fault window and leaves the warm-up out', () => {
    expect(summary.byJourney.browse).toMatchObject({ source: 'load', steady: { count: 100, maxMs: 10 } });
    expect(summary.byJourney.browse.faultWindow).toMatchObject({ count: 101 });
    expect(summary.byJourney.browse.faultWindow?.maxMs).toBeCloseTo(3000, -1);
    expect(summary.overall).toMatchObject({ source: 'load', steady: { count: 100 } });
  });

  it('falls back to the probes for a journey without load', () => {
    expect(summary.byJourney.cart).toMatchObject({ source: 'probe', steady: { count: 1 }, faultWindow: { count: 1 } });
    expect(summary.byJourney.checkout).toMatchObject({ source: 'probe', steady: null, faultWindow: null });
  });
});

describe('throughput', () => {
  it('compares offered with achieved, by scheduled and by completion time', () => {
    const runs = [
      ...Array.from({ length: 10 }, (_, i) => run('browse', i * 100, 'ok', { source: 'load', latencyMs: 5 })),
      ...Array.from({ length: 10 }, (_, i) => run('cart', 1000 + i * 100, i < 5 ? 'failed' : 'degraded', { source: 'load', latencyMs: 1500, late: i === 9 })),
      run('browse', 50, 'ok'),
    ];
    const t = throughput(runs, window(0, 2000));
    expect(t).toMatchObject({ scheduled: 20, achieved: 15, late: 1, offeredPerSecond: 10, achievedPerSecond: 7.5 });
    expect(t.byJourney.cart).toMatchObject({ scheduled: 10, achieved: 5 });
    expect(t.perSecond).toEqual([
      { startMs: T0, offered: 10, achieved: 10 },
      { startMs: T0 + 1000, offered: 10, achieved: 0 },
    ]);
  });
});
