/** The probes as a real worker process against a fake shop. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeShop, type FakeShop } from '../journeys/fixtures/fake-shop.js';
import { JOURNEY_NAMES, NonLoopbackTargetError, type JourneyName, type JourneyRun } from '../journeys/index.js';
import { childProcessesMatching } from '../load/fixtures/processes.js';
import { startProbes } from './index.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const perJourney = (runs: readonly JourneyRun[]) => Object.fromEntries(JOURNEY_NAMES.map((name) => [name, runs.filter((run) => run.journey === name)]));

describe('probes', () => {
  let shop: FakeShop;
  beforeAll(async () => { shop = await startFakeShop(); });
  afterAll(async () => shop.close());

  it('run every journey every 25 ms: about 40 runs a second each', async () => {
    const probes = await startProbes({ edgeUrl: shop.url, requestTimeoutMs: 5000 });
    const runs: JourneyRun[] = [];
    probes.onRuns((batch) => runs.push(...batch));
    await sleep(3000);
    const stopAtMs = Date.now();
    const summary = await probes.stop();
    // Judge the first 2 s (80 ticks): on a busy machine a few of the last runs may still be cut off by the stop.
    for (const [name, own] of Object.entries(perJourney(runs))) {
      const judged = own.filter((run) => run.scheduledMs < probes.startedAtMs + 1995);
      expect(judged.length, name).toBeGreaterThanOrEqual(72);
      expect(judged.length, name).toBeLessThanOrEqual(80);
      const offsets = judged.map((run) => (run.scheduledMs - probes.startedAtMs) % 25);
      expect(offsets.every((offset) => offset < 0.1 || offset > 24.9), `${name} on the 25 ms grid`).toBe(true);
      const counts = summary?.probes?.byJourney[name as JourneyName];
      expect(counts?.offered, name).toBeGreaterThanOrEqual(((stopAtMs - probes.startedAtMs) / 25) * 0.95);
      expect(counts?.dropped, name).toBe(0);
    }
    expect(runs.every((run) => run.source === 'probe' && run.outcome === 'ok' && run.late === undefined)).toBe(true);
    expect(summary?.probes?.total.completed).toBe(runs.length);
    expect(summary?.total.started).toBe(0);
    expect(summary?.probeRunsPerSecond).toBeGreaterThan(4 * 40 * 0.9);
    expect(childProcessesMatching('lab/load/worker')).toEqual([]);
  });

  it('keep ticking while runs hang: a 1 s stall does not hold back the next tick', async () => {
    const probes = await startProbes({ edgeUrl: shop.url, journeys: ['browse'], requestTimeoutMs: 3000 });
    const runs: JourneyRun[] = [];
    probes.onRuns((batch) => runs.push(...batch));
    await sleep(300);
    const stallEndMs = shop.stall(1000);
    await sleep(1500);
    await probes.stop();
    const duringStall = runs.filter((run) => run.scheduledMs > stallEndMs - 950 && run.scheduledMs < stallEndMs - 50);
    expect(duringStall.length).toBeGreaterThanOrEqual(30); // 36 ticks in that window
    expect(Math.max(...duringStall.map((run) => run.latencyMs))).toBeGreaterThanOrEqual(850);
  });

  it('see the product journey degraded when recommendations say so', async () => {
    shop.degradeRecommendations(true);
    const probes = await startProbes({ edgeUrl: shop.url, journeys: ['product', 'browse'] });
    const runs: JourneyRun[] = [];
    probes.onRuns((batch) => runs.push(...batch));
    await sleep(500);
    await probes.stop();
    shop.degradeRecommendations(false);
    const { product, browse } = perJourney(runs);
    expect(product!.length).toBeGreaterThan(10);
    expect(product!.every((run) => run.outcome === 'degraded')).toBe(true);
    expect(browse!.every((run) => run.outcome === 'ok')).toBe(true);
  });

  it('refuse a target that is not loopback', async () => {
    await expect(startProbes({ edgeUrl: 'http://example.org:80' })).rejects.toThrow(NonLoopbackTargetError);
    expect(childProcessesMatching('lab/load/worker')).toEqual([]);
  });
});
