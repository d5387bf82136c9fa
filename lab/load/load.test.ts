/** The load generator as a real worker process, against a fake shop and against the real monolith. */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeShop, type FakeShop } from '../journeys/fixtures/fake-shop.js';
import { NonLoopbackTargetError, type JourneyRun } from '../journeys/index.js';
import { startTestVariant, type VariantFixture } from '../../tests/support/variant-fixture.js';
import { childProcessesMatching } from './fixtures/processes.js';
import { InvalidGeneratorOptionsError, startLoad, type RunningLoad } from './index.js';

async function collect(load: RunningLoad): Promise<JourneyRun[]> {
  const runs: JourneyRun[] = [];
  load.onRuns((batch) => runs.push(...batch));
  await load.done();
  return runs;
}

describe('load generator against a fake shop', () => {
  let shop: FakeShop;
  beforeAll(async () => { shop = await startFakeShop(); });
  afterAll(async () => shop.close());

  it('offers a constant 100/s for 3 s: about 300 runs of every journey, latency > 0', async () => {
    const load = await startLoad({ edgeUrl: shop.url, stages: [{ ratePerSecond: 100, durationMs: 3000 }], seed: 5 });
    const runs = await collect(load);
    const summary = await load.done();
    expect(runs.length).toBeGreaterThanOrEqual(270);
    expect(runs.length).toBeLessThanOrEqual(330);
    expect(summary.total).toMatchObject({ offered: 300, started: 300, completed: runs.length, dropped: 0 });
    expect(runs.every((run) => run.source === 'load' && run.latencyMs > 0 && run.outcome === 'ok')).toBe(true);
    expect(new Set(runs.map((run) => run.journey))).toEqual(new Set(['browse', 'product', 'cart', 'checkout']));
    const scheduled = runs.map((run) => run.scheduledMs - summary.startedAtMs).sort((a, b) => a - b);
    expect(scheduled[0]).toBeCloseTo(0, 0);
    expect(scheduled.at(-1)).toBeCloseTo(2990, 0);
  });

  it('keeps starting runs during a 1 s stall and charges the wait to them (coordinated omission not hidden)', async () => {
    const load = await startLoad({ edgeUrl: shop.url, stages: [{ ratePerSecond: 100, durationMs: 3000 }], mix: { browse: 1, product: 0, cart: 0, checkout: 0 } });
    const runs: JourneyRun[] = [];
    load.onRuns((batch) => runs.push(...batch));
    await new Promise((resolve) => setTimeout(resolve, load.startedAtMs + 1000 - Date.now()));
    const stallEndMs = shop.stall(1000);
    await load.done();
    const duringStall = runs.filter((run) => run.scheduledMs > stallEndMs - 950 && run.scheduledMs < stallEndMs - 100);
    expect(duringStall.length).toBeGreaterThanOrEqual(70); // ~85 due in that window: none were skipped
    for (const run of duringStall) expect(run.scheduledMs + run.latencyMs).toBeGreaterThanOrEqual(stallEndMs - 15);
    expect(Math.max(...runs.map((run) => run.latencyMs))).toBeGreaterThanOrEqual(850);
    expect(runs.every((run) => run.outcome === 'ok')).toBe(true);
  });

  it('classifies no answer in time as timeout and a closed port as refused', async () => {
    shop.stall(30_000);
    const slow = await startLoad({ edgeUrl: shop.url, stages: [{ ratePerSecond: 20, durationMs: 500 }], requestTimeoutMs: 200 });
    const closed = await startFakeShop();
    await closed.close();
    const refused = await startLoad({ edgeUrl: closed.url, stages: [{ ratePerSecond: 20, durationMs: 500 }] });
    const [slowRuns, refusedRuns] = await Promise.all([collect(slow), collect(refused)]);
    shop.stall(0);
    expect(slowRuns.length).toBeGreaterThan(5);
    expect(slowRuns.every((run) => run.outcome === 'failed' && run.cause === 'timeout' && run.latencyMs >= 190)).toBe(true);
    expect(refusedRuns.length).toBeGreaterThan(5);
    expect(refusedRuns.every((run) => run.outcome === 'failed' && run.cause === 'refused')).toBe(true);
  });

  it('runs probe lanes beside the load when asked: both sources, their rates, and the worker\'s own health', async () => {
    const load = await startLoad({ edgeUrl: shop.url, stages: [{ ratePerSecond: 20, durationMs: 1500 }], seed: 2, probes: { intervalMs: 50, requestTimeoutMs: 1000 } });
    const runs = await collect(load);
    const summary = await load.done();
    expect(summary.total.started).toBe(30);
    expect(runs.filter((run) => run.source === 'load').length).toBe(summary.total.completed);
    expect(runs.filter((run) => run.source === 'probe').length).toBe(summary.probes?.total.completed);
    for (const journey of ['browse', 'product', 'cart', 'checkout'] as const) {
      const times = runs.filter((run) => run.journey === journey).map((run) => run.scheduledMs).sort((a, b) => a - b);
      expect(Math.max(...times.slice(1).map((t, i) => t - times[i]!)), journey).toBeLessThanOrEqual(50.01);
    }
    expect(summary.loadRunsPerSecond).toBeCloseTo(20, 0);
    // 4 journeys × 20 samples/s, of which the load gives 20: the probes fill the other 60.
    expect(summary.probeRunsPerSecond).toBeGreaterThan(45);
    expect(summary.probeRunsPerSecond).toBeLessThan(70);
    expect(summary.eventLoopDelayMs.max).toBeGreaterThanOrEqual(summary.eventLoopDelayMs.p99);
    expect(summary.eventLoopDelayMs.p99).toBeGreaterThanOrEqual(0);
  });

  it('stop() ends the run early, delivers the last batch, and leaves no worker behind', async () => {
    const load = await startLoad({ edgeUrl: shop.url, stages: [{ ratePerSecond: 50, durationMs: 60_000 }] });
    const runs: JourneyRun[] = [];
    load.onRuns((batch) => runs.push(...batch));
    expect(childProcessesMatching('lab/load/worker')).toContain(load.pid);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const summary = await load.stop();
    expect(await load.stop()).toBe(summary);
    expect(summary?.stopped).toBe(true);
    expect(runs.length).toBe(summary?.total.completed);
    expect(runs.length).toBeGreaterThan(10);
    expect(childProcessesMatching('lab/load/worker')).toEqual([]);
  });

  it('refuses a target that is not loopback, and bad stages, before starting anything', async () => {
    await expect(startLoad({ edgeUrl: 'http://example.com', stages: [{ ratePerSecond: 1, durationMs: 100 }] })).rejects.toThrow(NonLoopbackTargetError);
    await expect(startLoad({ edgeUrl: 'http://192.168.1.1:80', stages: [{ ratePerSecond: 1, durationMs: 100 }] })).rejects.toThrow(/not a loopback address/);
    await expect(startLoad({ edgeUrl: shop.url, stages: [] })).rejects.toThrow(InvalidGeneratorOptionsError);
    expect(childProcessesMatching('lab/load/worker')).toEqual([]);
  });
});

describe('load generator against the monolith', () => {
  let fixture: VariantFixture;
  beforeAll(async () => { fixture = await startTestVariant('monolith'); }, 120_000);
  afterAll(async () => fixture?.dispose(), 60_000);

  it('runs the default mix at 100/s for 3 s: every run ok, checkouts acknowledged', async () => {
    // A generous timeout: on a busy two-core machine a cold monolith may take a while to answer.
    const load = await startLoad({ edgeUrl: fixture.running.edgeUrl, stages: [{ ratePerSecond: 100, durationMs: 3000 }], seed: 11, requestTimeoutMs: 10_000 });
    const runs = await collect(load);
    expect(runs.length).toBeGreaterThanOrEqual(270);
    expect(runs.length).toBeLessThanOrEqual(330);
    expect(runs.filter((run) => run.outcome !== 'ok')).toEqual([]);
    expect(runs.every((run) => run.latencyMs > 0)).toBe(true);
    const checkouts = runs.filter((run) => run.journey === 'checkout');
    expect(checkouts.length).toBeGreaterThan(10);
    expect(checkouts.every((run) => run.orderId && run.idempotencyKey && run.cartId)).toBe(true);
  });
});

describe('worker lifetime', () => {
  it('a worker exits by itself when the process that started it dies, even by SIGKILL', async () => {
    const shop = await startFakeShop();
    const parent = spawn(process.execPath, ['--import', 'tsx', 'lab/load/fixtures/load-then-wait.ts', shop.url], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const workerPid = Number(await new Promise<string>((resolve) => parent.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString()))));
      expect(isAlive(workerPid)).toBe(true);
      parent.kill('SIGKILL');
      const deadline = Date.now() + 5000;
      while (isAlive(workerPid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(isAlive(workerPid)).toBe(false);
    } finally {
      parent.kill('SIGKILL');
      await shop.close();
    }
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
