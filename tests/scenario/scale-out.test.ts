/**
 * The scale-out on the real monolith, through the scenario runner, kept short: one shop then two, behind
 * HAProxy from the start, search made CPU-heavy, a low maximum rate. The capacities depend on the
 * machine; what must hold anywhere: a level per replica count, a second whole shop (and HAProxy) in
 * the memory reading and adding to it, and a time to traffic that comes after readiness and within
 * the wait.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runVariant } from '../../lab/scenario/run-variant.js';
import { parseScenario } from '../../lab/scenario/schema.js';
import { summarizeVariant } from '../../lab/scenario/summarize.js';
import { monolithTopology } from '../../variants/monolith/topology.js';

const MAX_RATE_PER_SECOND = 40;
const workDir = mkdtempSync(join(tmpdir(), 'archlab-scale-out-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('scale-out on the monolith', () => {
  it('measures capacity and resident memory at one and two shops, and when the second shop took its first search', async () => {
    const scenario = parseScenario({
      name: 'scale-out-small', title: 'scale-out, small', description: 'two levels with a low ceiling', variants: ['monolith'],
      load: { ratePerSecond: 0 },
      capacity: { startRatePerSecond: 20, stepDurationMs: 1_000, settleMs: 300, precision: 0.25, maxRatePerSecond: MAX_RATE_PER_SECOND, journey: 'browse' },
      timing: { warmupMs: 500, measureMs: 5_000 },
      app: { searchFullTextRounds: 300 },
      scaling: { module: 'search', replicas: [1, 2], trafficWaitMs: 10_000 },
    }, 'test');
    const startedMs = Date.now();
    const record = await runVariant({ scenario, topology: monolithTopology, runDir: workDir });
    expect(record.error).toBeUndefined();
    expect(Date.now() - startedMs).toBeLessThan(90_000);
    const scaling = summarizeVariant(record, scenario).scaling!;
    expect(scaling.component).toBe('shop');
    expect(scaling.levels.map((l) => l.replicas)).toEqual([1, 2]);
    for (const level of scaling.levels) {
      expect(level.capacity.method).toBe('search');
      expect(Math.max(...level.capacity.steps.map((s) => s.ratePerSecond))).toBeLessThanOrEqual(MAX_RATE_PER_SECOND);
    }
    const [one, two] = scaling.levels.map((l) => l.memory);
    expect(one!.processes.map((p) => p.name)).toEqual(['shop[0]', 'shop-lb']);
    expect(two!.processes.map((p) => p.name)).toEqual(['shop[0]', 'shop[1]', 'shop-lb']);
    // A second whole shop: tens of megabytes at least (a Node process with the catalog and its index).
    expect(two!.processes.find((p) => p.name === 'shop[1]')!.rssMb).toBeGreaterThan(30);
    expect(scaling.figures.mbPerAddedReplica).toBeGreaterThan(30);
    const [command] = scaling.commands;
    expect(command).toMatchObject({ fromReplicas: 1, toReplicas: 2, instance: 1 });
    expect(command!.readyAfterMs).toBeGreaterThan(0);
    expect(command!.firstCallAfterMs).not.toBeNull();
    expect(command!.firstCallAfterMs!).toBeGreaterThanOrEqual(command!.readyAfterMs!);
    expect(command!.firstCallAfterMs!).toBeLessThan(10_000);
    console.log(`monolith scale-out: ${scaling.levels.map((l) => `${l.replicas} shop(s) ${l.capacity.capacityPerSecond}/s${l.capacity.censored ? ' (censored)' : ''} ${l.memory.totalMb} MB`).join(', ')}; ready after ${command!.readyAfterMs} ms, first search after ${command!.firstCallAfterMs} ms`);
  }, 120_000);
});
