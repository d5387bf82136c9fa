/**
 * Finds a scenario by name among the built-ins, or reads a user's JSON file, and validates it: its
 * shape (each fault's params by its kind), then every fault against the topology of every variant the
 * scenario names, so a mistyped target stops the command before anything starts, not when it is due.
 */
import { existsSync, readFileSync } from 'node:fs';
import { BUILT_IN_SCENARIOS } from '../../scenarios/index.js';
import { ReplicasError, replicasPerVariant } from '../topology/replicas.js';
import { hostsOf } from '../topology/predict.js';
import { findTopology } from '../topology/registry.js';
import type { Topology } from '../../boundary/topology.js';
import { checkFaults } from './resolve-faults.js';
import { parseScenario, ScenarioError, type Scenario } from './schema.js';

export function scenarioNames(): string[] {
  return BUILT_IN_SCENARIOS.map((s) => s.name);
}

export function loadScenario(nameOrPath: string): Scenario {
  const builtIn = BUILT_IN_SCENARIOS.find((s) => s.name === nameOrPath);
  if (builtIn) return checkedScenario(builtIn, `scenarios/${nameOrPath}.ts`);
  if (nameOrPath.endsWith('.json') || nameOrPath.includes('/')) {
    if (!existsSync(nameOrPath)) throw new ScenarioError(`no scenario file ${nameOrPath}`);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(nameOrPath, 'utf8'));
    } catch (error) {
      throw new ScenarioError(`invalid scenario ${nameOrPath}: not valid JSON (${(error as Error).message})`);
    }
    return checkedScenario(data, nameOrPath);
  }
  throw new ScenarioError(`unknown scenario "${nameOrPath}"; valid scenarios: ${scenarioNames().join(', ')} (or a path to a .json scenario file)`);
}

function checkedScenario(input: unknown, source: string): Scenario {
  const scenario = parseScenario(input, source);
  const topologies = scenario.variants.flatMap((variant) => findTopology(variant) ?? []);
  const problems: string[] = [];
  // The faults are checked against each variant as it will run: with the scenario's replica counts.
  let asRun = topologies;
  try {
    const counted = replicasPerVariant(topologies, scenario.replicas ?? {});
    asRun = topologies.map((t) => counted.get(t) ?? t);
  } catch (error) {
    if (!(error instanceof ReplicasError)) throw error;
    problems.push(`replicas: ${error.message}`);
  }
  problems.unshift(...asRun.flatMap((topology) => checkFaults(scenario, topology)));
  problems.push(...checkScaling(scenario, topologies));
  if (problems.length > 0) throw new ScenarioError(`scenario ${scenario.name} (${source}) does not fit its variants:\n  ${problems.join('\n  ')}`);
  return scenario;
}

/** A scale-out needs a capacity block, and exactly one app hosting its module in every variant. */
function checkScaling(scenario: Scenario, topologies: readonly Topology[]): string[] {
  const { scaling } = scenario;
  if (!scaling) return [];
  const problems = scenario.capacity ? [] : ['scaling: needs a capacity block (it measures capacity at each replica count)'];
  for (const topology of topologies) {
    const hosts = hostsOf(topology, scaling.module);
    if (hosts.length !== 1) problems.push(`scaling: ${topology.variant} has ${hosts.length} components hosting ${scaling.module} (${hosts.join(', ') || 'none'}); a scale-out needs one`);
  }
  return problems;
}

/** The same scenario with every duration scaled (the quick suite), never below what a measurement needs. */
export function scaleScenario(scenario: Scenario, factor: number): Scenario {
  if (factor === 1) return scenario;
  const scale = (ms: number, min: number) => Math.max(min, Math.round(ms * factor));
  return {
    ...scenario,
    timing: { ...scenario.timing, warmupMs: scale(scenario.timing.warmupMs, Math.min(1_000, scenario.timing.warmupMs)), measureMs: scale(scenario.timing.measureMs, 5_000) },
    load: { ...scenario.load, stages: scenario.load.stages?.map((s) => ({ ...s, durationMs: scale(s.durationMs, 2_000) })) },
    capacity: scenario.capacity && { ...scenario.capacity, stepDurationMs: scale(scenario.capacity.stepDurationMs, 1_500), settleMs: scale(scenario.capacity.settleMs, 0) },
    faults: scenario.faults.map((f) => ({ ...f, atMs: scale(f.atMs, 2_000), durationMs: scale(f.durationMs, 3_000) })),
    sweep: scenario.sweep && { ...scenario.sweep, durationMs: scale(scenario.sweep.durationMs, 3_000), gapMs: scale(scenario.sweep.gapMs, 2_500) },
  };
}
