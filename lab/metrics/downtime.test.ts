import { describe, expect, it } from 'vitest';
import type { Outcome } from '../journeys/types.js';
import { downtimeByJourney, journeyDowntime } from './downtime.js';
import { failingBetween, probes, run, T0, window } from './run-fixtures.js';

describe('downtime from probes', () => {
  it('counts a clean outage from 1000 to 2500 ms as 1.5 s down and recovered after 1.5 s', () => {
    const d = journeyDowntime('browse', probes('browse', 0, 6000, failingBetween(1000, 2500)), { fault: window(1000, 2000) });
    expect(d.downtimeMs).toBeGreaterThanOrEqual(1475);
    expect(d.downtimeMs).toBeLessThanOrEqual(1525);
    expect(d.timeToRecoverMs).toBeGreaterThanOrEqual(1475);
    expect(d.timeToRecoverMs).toBeLessThanOrEqual(1525);
    expect(d.recovered).toBe(true);
    expect(d.recoveredAtMs).toBe(T0 + 2500);
  });

  it('resolves an outage that starts between two probes to within 50 ms', () => {
    const d = journeyDowntime('browse', probes('browse', 0, 6000, failingBetween(1010, 2530)), { fault: window(1010, 1500) });
    expect(Math.abs((d.downtimeMs) - 1520)).toBeLessThanOrEqual(50);
    expect(Math.abs((d.timeToRecoverMs ?? 0) - 1520)).toBeLessThanOrEqual(50);
  });

  it('counts flapping before the sustained recovery as down, and recovers after the last flap', () => {
    const outcome = (t: number) => ((t >= 1000 && t < 1500) || (t >= 1800 && t < 2000) || (t >= 2600 && t < 2700) ? 'failed' : 'ok');
    const d = journeyDowntime('cart', probes('cart', 0, 6000, outcome), { fault: window(1000, 1100) });
    expect(d.downtimeMs).toBe(500 + 200 + 100);
    expect(d.timeToRecoverMs).toBe(1700);
    expect(d.failedMs).toBe(800);
  });

  it('does not call a quiet second inside a crash loop a recovery: it recovers after the last failure of the fault', () => {
    const outcome = (t: number) => ((t >= 1000 && t < 1500) || (t >= 3000 && t < 3500) ? 'failed' : 'ok');
    const d = journeyDowntime('product', probes('product', 0, 7000, outcome), { fault: window(1000, 4000) });
    expect(d.downtimeMs).toBe(1000);
    expect(d.timeToRecoverMs).toBe(2500);
    expect(d.recoveredAtMs).toBe(T0 + 3500);
  });

  it('does not call a success streak shorter than 1 s a recovery', () => {
    const d = journeyDowntime('cart', probes('cart', 0, 5000, failingBetween(1000, 4200)), { fault: window(1000, 2000) });
    expect(d.recovered).toBe(false);
    expect(d.timeToRecoverMs).toBeNull();
    expect(d.downtimeMs).toBe(3200);
  });

  it('reports a journey that never recovers', () => {
    const d = journeyDowntime('checkout', probes('checkout', 0, 5000, (t) => (t >= 1000 ? 'failed' : 'ok')), { fault: window(1000, 2000) });
    expect(d).toMatchObject({ recovered: false, timeToRecoverMs: null, recoveredAtMs: null, downtimeMs: 4000, failedMs: 4000 });
  });

  it('does not count degraded answers as down, but reports the time spent degraded', () => {
    const d = journeyDowntime('product', probes('product', 0, 5000, (t) => (t >= 1000 && t < 3000 ? 'degraded' : 'ok')), { fault: window(1000, 3000) });
    expect(d).toMatchObject({ downtimeMs: 0, timeToRecoverMs: 0, recovered: true, degradedMs: 2000 });
  });

  it('gives an untouched journey a time to recover of zero', () => {
    const d = journeyDowntime('browse', probes('browse', 0, 5000, () => 'ok'), { fault: window(1010, 2000) });
    expect(d).toMatchObject({ downtimeMs: 0, timeToRecoverMs: 0, recoveredAtMs: T0 + 1010, recovered: true });
  });

  it('lets a failed probe stand for the gap until the next probe', () => {
    const series = [run('browse', 0, 'ok'), run('browse', 1000, 'failed'), ...probes('browse', 1400, 3000, () => 'ok')];
    const d = journeyDowntime('browse', series, { fault: window(1000, 1100) });
    expect(d.downtimeMs).toBe(400);
    expect(d.timeToRecoverMs).toBe(400);
  });

  it('counts every failed slot of a baseline and computes no recovery', () => {
    const d = journeyDowntime('browse', probes('browse', 0, 3000, failingBetween(500, 600)));
    expect(d).toMatchObject({ downtimeMs: 100, timeToRecoverMs: null, recovered: true });
  });

  it('reads load and probe runs together, per journey', () => {
    const runs = [
      ...probes('browse', 0, 3000, failingBetween(1000, 1200)),
      ...probes('cart', 0, 3000, () => 'ok'),
      run('cart', 1010, 'failed', { source: 'load' }),
    ];
    const byJourney = Object.fromEntries(downtimeByJourney(runs, { fault: window(1000, 1100) }).map((d) => [d.journey, d]));
    expect(byJourney.browse?.downtimeMs).toBe(200);
    expect(byJourney.cart).toMatchObject({ downtimeMs: 15, samples: 121, probes: 120 });
    expect(byJourney.checkout).toMatchObject({ samples: 0, probes: 0, recovered: false });
  });
});

describe('downtime from load and probe runs mixed', () => {
  /** What the generator produces: a run every `stepMs`, load where the load happened to pick the journey, probes in the gaps. */
  const mixed = (journey: 'browse' | 'cart', toMs: number, stepMs: number, outcomeAt: (t: number) => Outcome, latencyAt: (t: number) => number = () => 5) =>
    probes(journey, 0, toMs, outcomeAt, stepMs).map((r, i) => ({ ...r, source: i % 3 === 0 ? 'probe' as const : 'load' as const, latencyMs: latencyAt(r.scheduledMs - T0) }));

  it('reads an outage off load runs as well as probes: 1000–2500 ms down, samples every 50 ms', () => {
    const samples = mixed('browse', 6000, 50, failingBetween(1000, 2500));
    const d = journeyDowntime('browse', samples.reverse(), { fault: window(1000, 2000), probeIntervalMs: 50 });
    expect(d).toMatchObject({ downtimeMs: 1500, timeToRecoverMs: 1500, recovered: true, samples: 120, probes: 40 });
  });

  it('counts a load run slower than the probe timeout as down, as a probe would have timed out', () => {
    // Frozen 1000–2000 ms: everything answers at 2000. Probes give up after 500 ms; the load waits (3 s timeout).
    const latencyAt = (t: number) => (t >= 1000 && t < 2000 ? 2000 - t : 5);
    const samples = mixed('cart', 5000, 50, () => 'ok', latencyAt).map((r) =>
      (r.source === 'probe' && r.latencyMs > 500 ? { ...r, outcome: 'failed' as const, cause: 'timeout' as const, latencyMs: 500 } : r));
    const d = journeyDowntime('cart', samples, { fault: window(1000, 2000), probeIntervalMs: 50, probeTimeoutMs: 500 });
    expect(d).toMatchObject({ downtimeMs: 500, timeToRecoverMs: 500, recovered: true });
    // Without the rule only the probes' slots would count: a third of the outage.
    expect(journeyDowntime('cart', samples, { fault: window(1000, 2000), probeIntervalMs: 50 }).downtimeMs).toBeLessThan(200);
  });

  it('counts a load run within the probe timeout as up, and a slow degraded one as down, not degraded', () => {
    const samples = [
      run('product', 0, 'ok', { source: 'load', latencyMs: 499 }),
      run('product', 100, 'degraded', { source: 'load', latencyMs: 501 }),
      run('product', 150, 'degraded', { source: 'probe', latencyMs: 20 }),
      run('product', 200, 'ok', { source: 'load', latencyMs: 500 }),
    ];
    const d = journeyDowntime('product', samples, { probeIntervalMs: 50, probeTimeoutMs: 500 });
    expect(d).toMatchObject({ downtimeMs: 50, failedMs: 50, degradedMs: 50 });
  });
});
