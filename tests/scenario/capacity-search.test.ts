/**
 * The capacity search on the real monolith, through the scenario runner, with a low maximum rate so it
 * ends in seconds. On a quiet machine the monolith holds 80 product pages a second easily (censored at
 * the maximum); on a busy one a step may break the SLO first (a measured number below it). Either way
 * the result must be one of those two, never a fake number, and the steps must show the search.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatorRequestsPerSecond, requestsPerRun } from '../../lab/scenario/capacity-search/index.js';
import { runVariant } from '../../lab/scenario/run-variant.js';
import { parseScenario } from '../../lab/scenario/schema.js';
import { summarizeVariant } from '../../lab/scenario/summarize.js';
import { monolithTopology } from '../../variants/monolith/topology.js';

const MAX_RATE_PER_SECOND = 80;
const workDir = mkdtempSync(join(tmpdir(), 'archlab-capacity-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('capacity search on the monolith', () => {
  it(`searches the product journey alone up to ${MAX_RATE_PER_SECOND}/s: censored at that rate, or a measured capacity below it`, async () => {
    const scenario = parseScenario({
      name: 'capacity-small',
      title: 'capacity, small',
      description: 'the search with a low ceiling',
      variants: ['monolith'],
      load: { ratePerSecond: 0 },
      capacity: { startRatePerSecond: 20, stepDurationMs: 1_000, settleMs: 300, precision: 0.1, maxRatePerSecond: MAX_RATE_PER_SECOND, journey: 'product' },
      timing: { warmupMs: 500, measureMs: 5_000 },
    }, 'test');
    const startedMs = Date.now();
    const record = await runVariant({ scenario, topology: monolithTopology, runDir: workDir });
    expect(record.error).toBeUndefined();
    expect(Date.now() - startedMs).toBeLessThan(55_000);
    const capacity = summarizeVariant(record, scenario).capacity;
    expect(capacity?.method).toBe('search');
    const rates = capacity?.steps.map((s) => s.ratePerSecond) ?? [];
    expect(rates.slice(0, 2)).toEqual([20, 40]);
    expect(Math.max(...rates)).toBeLessThanOrEqual(MAX_RATE_PER_SECOND);
    if (capacity?.censored) {
      expect(capacity).toMatchObject({ capacityPerSecond: MAX_RATE_PER_SECOND, limit: 'max-rate', failedAtPerSecond: null });
    } else {
      expect(capacity?.limit).toBe('slo');
      expect(capacity?.failedAtPerSecond).toBeLessThanOrEqual(MAX_RATE_PER_SECOND);
    }
    for (const step of capacity?.steps ?? []) {
      // every step was judged on about the runs its rate offers in its window
      expect(step.withinSlo).toBe(step.p99Ms !== null && step.p99Ms <= 500 && (step.errorRate ?? 1) < 0.01);
      if (step.withinSlo) expect(step.achievedPerSecond).toBeGreaterThan(step.ratePerSecond * 0.9);
      expect(step.drainMs).toBeGreaterThanOrEqual(0);
    }
    // one journey: the mix was product alone, and the runs are in the record for the timeline
    const load = record.runs.filter((r) => r.source === 'load');
    expect(load.length).toBeGreaterThan(100);
    expect(new Set(load.map((r) => r.journey))).toEqual(new Set(['product']));
    expect(record.runs.some((r) => r.source === 'probe')).toBe(false);
    expect(record.window && record.window.endMs > record.window.startMs).toBe(true);
  });
});

describe("the generator's ceiling", () => {
  it('is measured against a bare server in the lab process and converted to runs of a mix', async () => {
    // Tiny trials: on a shared machine one late start in them fails a rate, so only "it answered at all" is asserted.
    const perSecond = await generatorRequestsPerSecond({ seconds: 1, startRatePerSecond: 50, maxRatePerSecond: 200, warmupMs: 300, attemptsPerRate: 2 });
    expect(perSecond).toBeGreaterThan(0);
    expect(perSecond).toBeLessThanOrEqual(200);
    expect(requestsPerRun({ browse: 0, product: 1, cart: 0, checkout: 0 })).toBe(2);
    expect(requestsPerRun({ browse: 1, product: 1, cart: 0, checkout: 0 })).toBe(1.5);
  });
});
