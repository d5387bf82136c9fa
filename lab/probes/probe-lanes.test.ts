/** Probe lanes beside the load, in this process: every journey sampled at least every interval, probes only in the gaps. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeShop, type FakeShop } from '../journeys/fixtures/fake-shop.js';
import type { JourneyKind } from '../journeys/index.js';
import { buildGenerator } from '../load/build-generator.js';
import { generatorConfigSchema, type GeneratorOptions } from '../load/config.js';
import type { GeneratedRun } from '../load/open-model.js';

async function generate(options: GeneratorOptions) {
  const runs: GeneratedRun[] = [];
  const { engine, dispose } = buildGenerator(generatorConfigSchema.parse(options), (run) => runs.push(run));
  engine.start();
  const summary = await engine.finished;
  await dispose();
  return { runs, summary };
}

/** The longest time between two consecutive samples (load or probe) of a journey, by scheduled time. */
function longestGapMs(runs: readonly GeneratedRun[], journey: JourneyKind): number {
  const times = runs.filter((run) => run.journey === journey).map((run) => run.scheduledMs).sort((a, b) => a - b);
  return Math.max(...times.slice(1).map((t, i) => t - times[i]!));
}

describe('probe lanes beside the load', () => {
  let shop: FakeShop;
  beforeAll(async () => { shop = await startFakeShop(); });
  afterAll(async () => shop.close());

  it('probe only the journey the load leaves quiet: load browses every 20 ms, cart is probed every 50 ms', async () => {
    const { runs, summary } = await generate({
      edgeUrl: shop.url, stages: [{ ratePerSecond: 50, durationMs: 2000 }], mix: { browse: 1 },
      probes: { intervalMs: 50, journeys: ['browse', 'cart'], requestTimeoutMs: 2000 },
    });
    const probes = runs.filter((run) => run.source === 'probe');
    expect(probes.filter((run) => run.journey === 'browse')).toEqual([]);
    expect(probes.filter((run) => run.journey === 'cart').length).toBe(40);
    expect(longestGapMs(runs, 'cart')).toBeCloseTo(50, 1);
    expect(summary.total.started).toBe(100);
    expect(summary.probes?.total.started).toBe(40);
    expect(summary.probes?.byJourney.cart?.started).toBe(40);
    expect(summary.loadRunsPerSecond).toBeCloseTo(50, 0);
    expect(summary.probeRunsPerSecond).toBeCloseTo(20, 0);
    expect(runs.every((run) => run.outcome === 'ok')).toBe(true);
  });

  it('keep every journey within one interval of its last sample while the load samples them for free', async () => {
    const { runs, summary } = await generate({
      edgeUrl: shop.url, stages: [{ ratePerSecond: 40, durationMs: 2000 }], mix: { browse: 1, product: 1 }, seed: 3,
      probes: { intervalMs: 50, journeys: ['browse', 'product'] },
    });
    for (const journey of ['browse', 'product'] as const) expect(longestGapMs(runs, journey), journey).toBeLessThanOrEqual(50.01);
    // Alone, the probes would run 2 × 20/s; with 20/s of load per journey they fill only the gaps.
    expect(summary.probeRunsPerSecond).toBeGreaterThan(2);
    expect(summary.probeRunsPerSecond).toBeLessThan(30);
    expect(summary.probes?.total.started).toBe(runs.filter((run) => run.source === 'probe').length);
  });

  it('without probes, report none and no probe traffic', async () => {
    const { runs, summary } = await generate({ edgeUrl: shop.url, stages: [{ ratePerSecond: 20, durationMs: 500 }] });
    expect(summary.probes).toBeNull();
    expect(summary.probeRunsPerSecond).toBe(0);
    expect(runs.every((run) => run.source === 'load')).toBe(true);
  });
});
