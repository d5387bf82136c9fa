/** The probes as a real worker process against a fake shop. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeShop, type FakeShop } from '../journeys/fixtures/fake-shop.js';
import { JOURNEY_NAMES, NonLoopbackTargetError, type JourneyRun } from '../journeys/index.js';
import { processesMatching } from '../load/fixtures/processes.js';
import { startProbes } from './index.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const perJourney = (runs: readonly JourneyRun[]) => Object.fromEntries(JOURNEY_NAMES.map((name) => [name, runs.filter((run) => run.journey === name)]));

describe('probes', () => {
  let shop: FakeShop;
  beforeAll(async () => { shop = await startFakeShop(); });
  afterAll(async () => shop.close());

  it('run every journey every 25 ms: about 40 runs a second each', async () => {
    const probes = await startProbes({ edgeUrl: shop.url });
    const runs: JourneyRun[] = [];
    probes.onRuns((batch) => runs.push(...batch));
    await sleep(2000);
    const stoppedAtMs = Date.now();
    const summary = await probes.stop();
    const seconds = (stoppedAtMs - probes.startedAtMs) / 1000;
    for (const [name, own] of Object.entries(perJourney(runs))) {
      expect(own.length / seconds, name).toBeGreaterThanOrEqual(34);
      expect(own.length / seconds, name).toBeLessThanOrEqual(42);
      const times = own.map((run) => run.scheduledMs).sort((a, b) => a - b);
      const gaps = times.slice(1).map((t, i) => t - times[i]!);
      expect(Math.max(...gaps), name).toBeLessThan(26);
    }
    expect(runs.every((run) => run.source === 'probe' && run.outcome === 'ok' && run.late === undefined)).toBe(true);
    expect(summary?.total.completed).toBe(runs.length);
    expect(processesMatching('lab/probes/worker')).toEqual([]);
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
    expect(processesMatching('lab/probes/worker')).toEqual([]);
  });
});
