import { describe, expect, it } from 'vitest';
import type { JourneyRun } from '../journeys/types.js';
import { LiveWindow, WINDOW_SECONDS } from './live-window.js';

const run = (scheduledMs: number, outcome: JourneyRun['outcome'], latencyMs = 10, journey: JourneyRun['journey'] = 'product'): JourneyRun =>
  ({ source: 'load', journey, scheduledMs, latencyMs, outcome }) as JourneyRun;

describe('the studio\'s live window', () => {
  it('gives availability, degraded share and p99 per second, with gaps where nothing ran', () => {
    const window = new LiveWindow();
    const now = 1_000_000_500;
    const second = (ago: number) => (Math.floor(now / 1000) - ago) * 1000;
    window.add([run(second(2) + 10, 'ok', 10), run(second(2) + 20, 'degraded', 30), run(second(2) + 30, 'failed', 900), run(second(2) + 40, 'ok', 20)]);
    window.add([run(second(1) + 5, 'ok', 5), run(second(200), 'failed')]);
    const snap = window.snapshot(now);
    expect(snap.journeys.product.availability).toHaveLength(WINDOW_SECONDS);
    expect(snap.fromMs).toBe(second(WINDOW_SECONDS));
    expect(snap.journeys.product.availability.slice(-2)).toEqual([0.75, 1]);
    expect(snap.journeys.product.degraded.slice(-2)).toEqual([0.25, 0]);
    expect(snap.journeys.product.p99Ms.slice(-2)).toEqual([900, 5]);
    expect(snap.journeys.product.availability[0]).toBeNull();
    expect(snap.journeys.browse.availability.every((v) => v === null)).toBe(true);
  });
});
