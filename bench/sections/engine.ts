/**
 * Issue 4's figures: one fault scenario across the three variants in wall seconds; the quick suite's
 * overhead (wall time ÷ measurement windows); the load generator's highest sustained rate against a
 * bare Node server as a ratio to autocannon's; achieved ÷ offered at 200/s for 20 s on the monolith.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUITES } from '../../scenarios/index.js';
import { highestSustainedRate, startLoad } from '../../lab/load/index.js';
import { startVariant } from '../../lab/runner/index.js';
import { loadScenario, scaleScenario } from '../../lab/scenario/load-scenario.js';
import { runScenario } from '../../lab/scenario/run-scenario.js';
import { monolithTopology } from '../../variants/monolith/topology.js';
import { variantNames } from '../../lab/topology/registry.js';
import { fmt, measureThroughput, spawnServer, verdict } from '../support.js';

export async function engineSection(print: (line: string) => void, quick: boolean): Promise<void> {
  const resultsDir = mkdtempSync(join(tmpdir(), 'archlab-bench-results-'));
  process.env.ARCHLAB_RESULTS_DIR = resultsDir;
  try {
    await faultScenarioWallTime(print);
    if (!quick) await suiteOverhead(print);
    else print('quick suite overhead: skipped with --quick (it runs the whole quick suite)');
    await generatorVersusAutocannon(print, quick);
    await achievedVersusOffered(print, quick);
  } finally {
    rmSync(resultsDir, { recursive: true, force: true });
    delete process.env.ARCHLAB_RESULTS_DIR;
  }
}

async function faultScenarioWallTime(print: (line: string) => void): Promise<void> {
  const scenario = { ...scaleScenario(loadScenario('crash-recommendations'), SUITES.quick.timeScale), variants: variantNames() };
  const started = performance.now();
  const { run } = await runScenario({ scenario, variants: scenario.variants, timeScale: SUITES.quick.timeScale });
  const wallSeconds = (performance.now() - started) / 1000;
  print(`crash-recommendations (quick) on ${scenario.variants.join(', ')}: ${fmt(wallSeconds, 1)} s wall, ${fmt(run.measuredMs / 1000, 1)} s measured   target ≤ 90 s: ${verdict(wallSeconds <= 90)}`);
}

async function suiteOverhead(print: (line: string) => void): Promise<void> {
  let wallMs = 0;
  let measuredMs = 0;
  for (const name of SUITES.quick.scenarios) {
    const scenario = { ...scaleScenario(loadScenario(name), SUITES.quick.timeScale), variants: variantNames() };
    const started = performance.now();
    const { run } = await runScenario({ scenario, variants: scenario.variants, timeScale: SUITES.quick.timeScale, suite: 'quick' });
    wallMs += performance.now() - started;
    measuredMs += run.measuredMs;
  }
  const ratio = wallMs / measuredMs;
  print(`quick suite: ${fmt(wallMs / 1000)} s wall ÷ ${fmt(measuredMs / 1000)} s of measurement windows = ${fmt(ratio, 2)}   target ≤ 1.5: ${verdict(ratio <= 1.5)}`);
}

async function generatorVersusAutocannon(print: (line: string) => void, quick: boolean): Promise<void> {
  const server = await spawnServer('bench/fixtures/bare-http.ts', {});
  try {
    const autocannon = await measureThroughput(server.url + '/', quick ? 3 : 6, 32);
    const ours = await highestSustainedRate(server.url + '/', { seconds: quick ? 2 : 4, startRatePerSecond: 1000 });
    const ratio = ours.ratePerSecond / autocannon.requestsPerSecond;
    print(`bare Node server: autocannon ${fmt(autocannon.requestsPerSecond)} req/s (closed loop, 32 connections); archlab's generator sustains ${fmt(ours.ratePerSecond)} req/s open-model   ratio ${fmt(ratio, 2)}   target ≥ 0.70: ${verdict(ratio >= 0.7)}`);
  } finally {
    await server.stop();
  }
}

async function achievedVersusOffered(print: (line: string) => void, quick: boolean): Promise<void> {
  const runDir = mkdtempSync(join(tmpdir(), 'archlab-bench-rate-'));
  const running = await startVariant(monolithTopology, { runDir });
  try {
    const seconds = quick ? 8 : 20;
    const load = await startLoad({ edgeUrl: running.edgeUrl, stages: [{ ratePerSecond: 200, durationMs: seconds * 1000 }] });
    const summary = await load.done();
    await load.stop();
    const achieved = summary.total.ok + summary.total.degraded;
    const ratio = achieved / summary.total.offered;
    print(`monolith at 200/s for ${seconds} s: offered ${summary.total.offered}, answered ok ${achieved}, late ${summary.total.late}, dropped ${summary.total.dropped}   achieved ÷ offered ${fmt(ratio, 3)}   target ≥ 0.99: ${verdict(ratio >= 0.99)}`);
  } finally {
    await running.stop();
    rmSync(runDir, { recursive: true, force: true });
  }
}
