import { describe, expect, it } from 'vitest';
import { JOURNEY_NAMES } from '../journeys/types.js';
import { probes, run, T0, window } from '../metrics/run-fixtures.js';
import { afterWindow, checkSteadyState, MIN_STEADY_SAMPLES, STEADY_AFTER_WINDOW_MS } from './steady-state.js';

const slo = { p99Ms: 500, maxErrorRate: 0.01 };
const healthy = JOURNEY_NAMES.flatMap((j) => probes(j, 0, 3_000, () => 'ok', 50));

describe('steady state', () => {
  it('is met when every journey answers within the SLO', () => {
    const check = checkSteadyState(healthy, window(0, 3_000), slo);
    expect(check.met).toBe(true);
    expect(check.reasons).toEqual([]);
    expect(check.journeys.every((j) => j.samples === 60)).toBe(true);
  });

  it('is not met when one journey is slower than the SLO at p99, and says which', () => {
    const slow = healthy.map((r) => (r.journey === 'checkout' ? { ...r, latencyMs: 813 } : r));
    const check = checkSteadyState(slow, window(0, 3_000), slo);
    expect(check.met).toBe(false);
    expect(check.reasons).toHaveLength(1);
    expect(check.reasons[0]).toMatch(/^checkout: p99 81\d ms above the SLO's 500 ms$/);
  });

  it('is not met when a journey fails more often than the error budget', () => {
    const failing = healthy.map((r, i) => (r.journey === 'cart' && i % 10 === 0 ? { ...r, outcome: 'failed' as const, cause: 'refused' as const } : r));
    const check = checkSteadyState(failing, window(0, 3_000), slo);
    expect(check.met).toBe(false);
    expect(check.reasons.join()).toMatch(/cart: availability 9\d\.\d% below 99\.0%/);
  });

  it('is not met on too few runs to judge by, and ignores runs outside the window', () => {
    const few = [...JOURNEY_NAMES.flatMap((j) => probes(j, 0, (MIN_STEADY_SAMPLES - 1) * 50, () => 'ok', 50)), run('browse', 10_000, 'failed')];
    const check = checkSteadyState(few, window(0, 3_000), slo);
    expect(check.met).toBe(false);
    expect(check.reasons[0]).toContain(`only ${MIN_STEADY_SAMPLES - 1} runs`);
  });

  it('is not met when a journey\'s runs do not come back within the window at all', () => {
    const stuck = healthy.map((r) => (r.journey === 'checkout' ? { ...r, latencyMs: 3_013, outcome: 'failed' as const, cause: 'timeout' as const } : r));
    const check = checkSteadyState(stuck, window(0, 3_000), slo);
    expect(check.met).toBe(false);
    expect(check.reasons).toEqual([`checkout: only 0 runs to judge by (at least ${MIN_STEADY_SAMPLES} needed)`]);
  });

  it('leaves out runs still in flight at the end of the window: they may fail because of the fault', () => {
    const inFlight = JOURNEY_NAMES.flatMap((j) => [2_900, 2_950].map((at) => run(j, at, 'failed', { cause: 'timeout', latencyMs: 2_000 })));
    const check = checkSteadyState([...healthy, ...inFlight], window(0, 3_000), slo);
    expect(check.met).toBe(true);
    expect(check.journeys.every((j) => j.samples === 60)).toBe(true);
  });

  it('judges the last seconds after the heal', () => {
    expect(afterWindow(T0 + 1_000, T0 + 10_000)).toEqual({ startMs: T0 + 10_000 - STEADY_AFTER_WINDOW_MS, endMs: T0 + 10_000 });
    expect(afterWindow(T0 + 9_000, T0 + 10_000)).toEqual({ startMs: T0 + 9_000, endMs: T0 + 10_000 });
    expect(afterWindow(T0 + 10_000, T0 + 10_000)).toBeNull();
  });
});
