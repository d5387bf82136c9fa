/**
 * The engine's figures: one full-length fault scenario across the three variants in wall seconds; the
 * quick suite's overhead (wall time ÷ measurement windows) and its probe traffic against its load; the
 * load generator's highest sustained rate against a bare Node server as a ratio to autocannon's;
 * achieved ÷ offered at 200/s on the monolith. Scenarios run as `archlab run` runs them: one broker pool
 * for the whole section, its brokers booted ahead at low priority.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUITES } from '../../scenarios/index.js';
import { highestSustainedRate, startLoad } from '../../lab/load/index.js';
import { createBrokerPool, startVariant, type BrokerPool } from '../../lab/runner/index.js';
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

/** A broker pool as `archlab run` makes one: RabbitMQ and NATS booted ahead at low priority. */
async function withPool<T>(work: (pool: BrokerPool) => Promise<T>): Promise<T> {
  const pool = createBrokerPool({ dir: mkdtempSync(join(tmpdir(), 'archlab-bench-brokers-')) });
  pool.prestart(['rabbitmq', 'nats']);
  try {
    return await work(pool);
  } finally {
    await pool.stop();
  }
}

async function faultScenarioWallTime(print: (line: string) => void): Promise<void> {
  const scenario = { ...loadScenario('crash-recommendations'), variants: variantNames() };
  const { run, wallSeconds } = await withPool(async (brokerPool) => {
    const started = performance.now();
    const result = await runScenario({ scenario, variants: scenario.variants, timeScale: 1, brokerPool });
    return { run: result.run, wallSeconds: (performance.now() - started) / 1000 };
  });
  const verdicts = run.verdicts.map((v) => `${v.variant} ${v.status}`).join(', ');
  print(`crash-recommendations (full length) on ${scenario.variants.join(', ')}: ${fmt(wallSeconds, 1)} s wall, ${fmt(run.measuredMs / 1000, 1)} s measured (${verdicts})   target ≤ 90 s: ${verdict(wallSeconds <= 90)}`);
}

async function suiteOverhead(print: (line: string) => void): Promise<void> {
  let wallMs = 0;
  let measuredMs = 0;
  let worstProbeShare = 0;
  await withPool(async (brokerPool) => {
    for (const name of SUITES.quick.scenarios) {
      const scenario = { ...scaleScenario(loadScenario(name), SUITES.quick.timeScale), variants: variantNames() };
      const started = performance.now();
      const { run } = await runScenario({ scenario, variants: scenario.variants, timeScale: SUITES.quick.timeScale, suite: 'quick', brokerPool });
      wallMs += performance.now() - started;
      measuredMs += run.measuredMs;
      for (const v of run.variants) {
        if (v.traffic && v.traffic.loadRunsPerSecond > 0) worstProbeShare = Math.max(worstProbeShare, v.traffic.probeRunsPerSecond / v.traffic.loadRunsPerSecond);
      }
    }
  });
  const ratio = wallMs / measuredMs;
  print(`quick suite: ${fmt(wallMs / 1000)} s wall ÷ ${fmt(measuredMs / 1000)} s of measurement windows = ${fmt(ratio, 2)}   target ≤ 1.3: ${verdict(ratio <= 1.3)}`);
  print(`quick suite: probe runs ÷ load runs, worst variant × scenario = ${fmt(worstProbeShare, 2)}   target ≤ 1: ${verdict(worstProbeShare <= 1)}`);
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
