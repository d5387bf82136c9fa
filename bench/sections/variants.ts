/**
 * Issue 3's figures, the three variants side by side in one run: cold start to ready, and p50/p99 of
 * the product page and of checkout at a light fixed rate.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JourneyName } from '../../lab/journeys/types.js';
import { startLoad } from '../../lab/load/index.js';
import { percentilesOf } from '../../lab/metrics/index.js';
import { startVariant } from '../../lab/runner/index.js';
import { TOPOLOGIES } from '../../lab/topology/registry.js';
import { fmt, verdict } from '../support.js';

const RATE_PER_SECOND = 20;

export async function variantsSection(print: (line: string) => void, quick: boolean): Promise<void> {
  const seconds = quick ? 5 : 15;
  print(`variant   cold start → ready   product page p50 / p99   checkout p50 / p99   (${RATE_PER_SECOND}/s each, ${seconds} s)`);
  for (const topology of Object.values(TOPOLOGIES)) {
    const runDir = mkdtempSync(join(tmpdir(), `archlab-bench-${topology.variant}-`));
    const started = performance.now();
    const running = await startVariant(topology, { runDir });
    const readyMs = performance.now() - started;
    try {
      const product = await journeyLatency(running.edgeUrl, 'product', seconds);
      const checkout = await journeyLatency(running.edgeUrl, 'checkout', seconds);
      const target = topology.variant === 'micro' ? `   cold start target ≤ 2,000 ms: ${verdict(readyMs <= 2_000)}` : '';
      print(`${topology.variant.padEnd(9)} ${fmt(readyMs).padStart(8)} ms          ${product}          ${checkout}${target}`);
    } finally {
      await running.stop();
      rmSync(runDir, { recursive: true, force: true });
    }
  }
}

async function journeyLatency(edgeUrl: string, journey: JourneyName, seconds: number): Promise<string> {
  const mix = { browse: 0, product: 0, cart: 0, checkout: 0, [journey]: 1 };
  const load = await startLoad({ edgeUrl, mix, stages: [{ ratePerSecond: RATE_PER_SECOND, durationMs: seconds * 1000 }] });
  const latencies: number[] = [];
  let failed = 0;
  load.onRuns((runs) => {
    for (const run of runs) {
      if (run.outcome === 'failed') failed++;
      else latencies.push(run.latencyMs);
    }
  });
  await load.done();
  await load.stop();
  const p = percentilesOf(latencies);
  return p ? `${fmt(p.p50Ms, 1).padStart(6)} / ${fmt(p.p99Ms, 1).padStart(6)} ms${failed > 0 ? ` (${failed} failed)` : ''}` : 'no answers';
}
