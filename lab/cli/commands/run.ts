/** `archlab run <scenario…>` and `archlab suite [quick|full]`: run scenarios, print summaries and paths. */
import { join } from 'node:path';
import { SUITES, type SuiteName } from '../../../scenarios/index.js';
import { publishRun } from '../../report/index.js';
import { resultsRoot } from '../../results/paths.js';
import { createBrokerPool, installCleanup, repositoryRoot } from '../../runner/index.js';
import { loadScenario, scaleScenario } from '../../scenario/load-scenario.js';
import { runScenario, topologyOf, type ScenarioResult } from '../../scenario/run-scenario.js';
import type { Scenario } from '../../scenario/schema.js';
import { brokerKindsOf, findTopology, variantNames } from '../../topology/registry.js';
import { edgeReplicas, parseReplicas, replicasPerVariant } from '../../topology/replicas.js';
import type { VariantName } from '../../../boundary/topology.js';
import { checkRequirements } from '../preflight.js';
import { createProgress } from '../progress.js';
import { summaryTable } from '../summary-table.js';
import { oneOf, UsageError } from '../usage-error.js';

export interface RunOptions {
  readonly scenarios: readonly string[];
  readonly variants?: string;
  readonly rate?: number;
  readonly seed?: number;
  readonly timeScale?: number;
  readonly suite?: string;
  /** Each variant this many times, interleaved. */
  readonly repeat?: number;
  /** `--replicas name=N,…` as given. */
  readonly replicas?: string;
  readonly print: (line: string) => void;
}

export function parseVariants(list: string | undefined): VariantName[] {
  if (list === undefined) return variantNames();
  const names = list.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError('--variants needs at least one variant');
  for (const name of names) if (!variantNames().includes(name as VariantName)) throw oneOf('variant', name, variantNames());
  return names as VariantName[];
}

export async function runCommand(options: RunOptions): Promise<ScenarioResult[]> {
  if (options.scenarios.length === 0) throw new UsageError('usage: archlab run <scenario…> [--variants a,b] [--rate N] [--seed N] [--repeat N] [--json]');
  const variants = parseVariants(options.variants);
  const scenarios = options.scenarios.map((name) => adjust(scaleScenario(loadScenario(name), options.timeScale ?? 1), options, variants));
  const replicas = replicasOf(options.replicas, scenarios);
  const variantsRun = [...new Set(scenarios.flatMap((s) => s.variants as VariantName[]))];
  const balanced = scenarios.flatMap((s) => (s.variants as VariantName[]).filter((v) => edgeReplicas(topologyOf(v, { ...s.replicas, ...replicas })) > 1));
  checkRequirements(variantsRun, [...new Set(balanced)]);
  const progress = createProgress();
  const controller = new AbortController();
  // RabbitMQ and NATS boot once for the whole command; each variant run gets a fresh vhost / JetStream.
  const brokerPool = createBrokerPool({ dir: join(repositoryRoot(), '.archlab', `brokers-${process.pid}`) });
  // They boot at the lowest priority beside the first variants, instead of making a later variant wait.
  brokerPool.prestart(scenarios.flatMap((s) => (s.variants as VariantName[]).flatMap((v) => brokerKindsOf(v))));
  // Ctrl-C: stop injecting, heal, stop every process, write what was measured (marked incomplete).
  const uninstall = installCleanup({ stop: async () => { controller.abort(); await finished.catch(() => undefined); await brokerPool.stop(); } }, { report: (m) => progress.log(m) });
  const results: ScenarioResult[] = [];
  const finished = (async () => {
    for (const [index, scenario] of scenarios.entries()) {
      if (controller.signal.aborted) break;
      const result = await runScenario({
        scenario, variants: scenario.variants as VariantName[], timeScale: options.timeScale ?? 1, suite: options.suite, repeat: options.repeat, replicas, signal: controller.signal, brokerPool,
        onProgress: (label, fraction) => progress.update(`[${index + 1}/${scenarios.length}] ${label}`, fraction),
      }).catch((error: unknown) => {
        const partial = (error as { result?: ScenarioResult }).result;
        if (partial) {
          progress.done();
          options.print(`interrupted: partial results (marked incomplete) in ${partial.dir}`);
          publishRun(partial.dir, resultsRoot(), options.print);
        }
        throw error;
      });
      progress.done();
      results.push(result);
      options.print(`\n== ${scenario.name}: ${scenario.title} ==\n${summaryTable(result.run)}\nresults: ${result.dir}`);
      publishRun(result.dir, resultsRoot(), options.print);
    }
  })();
  try {
    await finished;
  } finally {
    await brokerPool.stop();
    uninstall();
  }
  return results;
}

/** Checked against the variants that will run, before anything starts: a bad count is a usage error. */
function replicasOf(text: string | undefined, scenarios: readonly Scenario[]): Record<string, number> | undefined {
  if (text === undefined) return undefined;
  const counts = parseReplicas(text);
  const topologies = [...new Set(scenarios.flatMap((s) => s.variants))].map((v) => findTopology(v)!);
  replicasPerVariant(topologies, counts);
  return counts;
}

export function suiteScenarios(name: string): { scenarios: readonly string[]; timeScale: number } {
  const suite = (SUITES as Record<string, (typeof SUITES)[SuiteName] | undefined>)[name];
  if (!suite) throw oneOf('suite', name, Object.keys(SUITES));
  return suite;
}

function adjust(scenario: Scenario, options: RunOptions, variants: readonly VariantName[]): Scenario {
  const chosen = options.variants === undefined ? scenario.variants.filter((v) => variantNames().includes(v)) : variants;
  return {
    ...scenario,
    variants: [...chosen],
    seed: options.seed ?? scenario.seed,
    load: options.rate === undefined ? scenario.load : { ...scenario.load, ratePerSecond: options.rate },
  };
}
