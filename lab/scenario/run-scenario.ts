/**
 * Runs a scenario on each chosen variant, one after another (never at the same time: they would share
 * the two cores), summarizes each, holds the hypotheses against the figures, and writes the results.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { repositoryRoot, type BrokerPool } from '../runner/index.js';
import { runEnvironment } from '../results/environment.js';
import { resultsRoot, runDirName, RESULTS_SCHEMA_VERSION } from '../results/paths.js';
import { writeRun, type RunFile } from '../results/write-run.js';
import { findTopology } from '../topology/registry.js';
import type { Topology, VariantName } from '../../boundary/topology.js';
import { withReplicas } from '../topology/replicas.js';
import { RunAbortedError } from './abortable.js';
import { runVariant, type VariantRunRecord } from './run-variant.js';
import type { Scenario } from './schema.js';
import { summarizeVariant, type VariantSummary } from './summarize.js';
import { combineVerdicts, repeatSpreads } from './repeats.js';
import { evaluateHypotheses } from './verdicts.js';

export interface RunScenarioOptions {
  readonly scenario: Scenario;
  readonly variants: readonly VariantName[];
  readonly timeScale: number;
  readonly suite?: string;
  /** Run every variant this many times, interleaved (monolith, soa, micro, monolith, …). Default 1. */
  readonly repeat?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (label: string, fraction: number) => void;
  /** Brokers shared across scenarios (see lab/runner/broker-pool.ts). */
  readonly brokerPool?: BrokerPool;
  /** Replica counts by component name (`--replicas`); each variant takes those of the components it has. */
  readonly replicas?: Readonly<Record<string, number>>;
}

export interface ScenarioResult {
  readonly dir: string;
  readonly run: RunFile;
}

export async function runScenario(options: RunScenarioOptions): Promise<ScenarioResult> {
  const { scenario, variants, signal } = options;
  const startedAt = new Date();
  const dir = join(resultsRoot(), 'runs', runDirName(startedAt, scenario.name));
  // The variants' databases and raw logs: kept out of results/, removed once the run is written.
  const workDir = join(repositoryRoot(), '.archlab', 'work', basename(dir));
  mkdirSync(workDir, { recursive: true });
  const environment = runEnvironment();
  const repeat = options.repeat ?? 1;
  /** The scenario's replica counts, with the command line's on top. */
  const replicas = { ...scenario.replicas, ...options.replicas };
  const records: VariantRunRecord[] = [];
  /** byRepeat[k]: repeat k's summaries, in variant order. */
  const byRepeat: VariantSummary[][] = [];
  const save = (complete: boolean): RunFile => {
    const summaries = byRepeat[0] ?? [];
    const run: RunFile = {
      schemaVersion: RESULTS_SCHEMA_VERSION,
      scenario,
      parameters: { variants, ratePerSecond: scenario.load.ratePerSecond, seed: scenario.seed, timeScale: options.timeScale, suite: options.suite, repeat, ...(Object.keys(replicas).length > 0 ? { replicas } : {}) },
      environment,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      wallMs: Date.now() - startedAt.getTime(),
      measuredMs: records.reduce((sum, r) => sum + (r.window ? r.window.endMs - r.window.startMs : 0), 0),
      complete,
      variants: summaries,
      verdicts: combineVerdicts(byRepeat.map((list) => evaluateHypotheses(scenario, list))),
      ...(repeat > 1 ? { repeats: byRepeat.slice(1), spread: repeatSpreads(byRepeat) } : {}),
    };
    // The timeline and the logs are those of the first repeat.
    writeRun(dir, run, records.slice(0, variants.length));
    return run;
  };
  const steps = Array.from({ length: repeat }, (_, r) => variants.map((variant) => ({ r, variant }))).flat();
  for (const [index, { r, variant }] of steps.entries()) {
    if (signal?.aborted) break;
    const topology = topologyOf(variant, replicas);
    const label = repeat > 1 ? `${variant} (repeat ${r + 1}/${repeat})` : variant;
    const record = await runVariant({
      scenario, topology, runDir: join(workDir, `r${r + 1}`), signal, brokerPool: options.brokerPool,
      onProgress: (phase, fraction) => options.onProgress?.(`${scenario.name} · ${label} · ${phase}`, (index + Math.min(1, fraction)) / steps.length),
    });
    records.push(record);
    (byRepeat[r] ??= []).push(summarizeVariant(record, scenario));
    save(false);
  }
  const complete = !signal?.aborted && records.length === steps.length && records.every((r) => !r.incomplete);
  const run = save(complete);
  if (!process.env.ARCHLAB_KEEP_WORK) rmSync(workDir, { recursive: true, force: true });
  if (signal?.aborted) throw Object.assign(new RunAbortedError(), { result: { dir, run } });
  return { dir, run };
}

/** The variant's topology with the replica counts of the components it has (names it lacks are for other variants). */
export function topologyOf(variant: VariantName, replicas: Readonly<Record<string, number>>): Topology {
  const topology = findTopology(variant);
  if (!topology) throw new Error(`no topology for ${variant}`);
  return withReplicas(topology, Object.fromEntries(Object.entries(replicas).filter(([name]) => topology.components.some((c) => c.name === name))));
}
