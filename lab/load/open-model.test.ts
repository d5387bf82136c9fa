/** The engine in this process (no worker): lateness, the in-flight cap, and stopping. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../shared-domain/index.js';
import { startFakeShop, type FakeShop } from '../journeys/fixtures/fake-shop.js';
import { OpenModelEngine, type GeneratedRun } from './open-model.js';
import { StagedSchedule, type Stage } from './schedule.js';
import { createTransport } from './transport.js';

function engineAgainst(url: string, stages: Stage[], { maxInFlight = 100, timeoutMs = 2000 } = {}) {
  const transport = createTransport(url, timeoutMs, maxInFlight);
  const runs: GeneratedRun[] = [];
  const engine = new OpenModelEngine({
    lanes: [{ source: 'load', schedule: new StagedSchedule(stages), nextJourney: () => 'raw-get', context: transport.context(mulberry32(1)), maxInFlight }],
    stageCount: stages.length, deadlines: [transport.deadlines], plannedMs: 60_000, probeIntervalMs: null, lateAfterMs: 10, onRun: (run) => runs.push(run),
  });
  return { engine, runs, close: () => transport.close() };
}

describe('OpenModelEngine', () => {
  let shop: FakeShop;
  beforeAll(async () => { shop = await startFakeShop(); });
  afterAll(async () => shop.close());

  it('counts runs that start more than 10 ms late, and keeps their latency from the schedule', async () => {
    const { engine, runs, close } = engineAgainst(shop.url, [{ ratePerSecond: 200, durationMs: 1000 }]);
    engine.start();
    setTimeout(() => { const until = performance.now() + 150; while (performance.now() < until); }, 300);
    const summary = await engine.finished;
    await close();
    expect(summary.total.offered).toBe(200);
    expect(summary.total.late).toBeGreaterThanOrEqual(20);
    expect(runs.filter((run) => run.late).every((run) => run.latencyMs > 10)).toBe(true);
    expect(Math.max(...runs.map((run) => run.latencyMs))).toBeGreaterThanOrEqual(100);
  });

  it('drops runs that find maxInFlight runs in flight, and counts them', async () => {
    shop.stall(600);
    const { engine, close } = engineAgainst(shop.url, [{ ratePerSecond: 100, durationMs: 500 }], { maxInFlight: 5 });
    engine.start();
    const summary = await engine.finished;
    await close();
    expect(summary.total.offered).toBe(50);
    expect(summary.total.started).toBe(5);
    expect(summary.total.dropped).toBe(45);
    expect(summary.total.completed).toBe(5);
  });

  it('stop() starts nothing more and cuts off runs still in flight after the grace period', async () => {
    const { engine, runs, close } = engineAgainst(shop.url, [{ ratePerSecond: 100, durationMs: 10_000 }]);
    engine.start();
    await new Promise((resolve) => setTimeout(resolve, 300));
    shop.stall(5000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stoppedAt = performance.now();
    const summary = await engine.stop(100);
    await close();
    shop.stall(0);
    expect(performance.now() - stoppedAt).toBeLessThan(1000);
    expect(summary.stopped).toBe(true);
    expect(summary.total.offered).toBeGreaterThan(30);
    expect(summary.total.offered).toBeLessThan(100);
    expect(summary.total.completed).toBe(runs.length);
    expect(summary.total.started - summary.total.completed).toBeGreaterThan(5); // cut off, not recorded
  });
});
