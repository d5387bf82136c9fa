/**
 * Turns a scenario's faults (and its sweep) into concrete faults for one variant: every target named
 * as it exists in that variant's topology, every window placed on the measurement's clock.
 */
import { MODULE_NAMES, type ModuleName } from '../../shared-domain/modules.js';
import { hostsOf } from '../topology/predict.js';
import type { Topology } from '../../boundary/topology.js';
import { ScenarioError, type Scenario, type ScenarioFault } from './schema.js';

export interface PlannedFault {
  readonly kind: ScenarioFault['kind'];
  readonly target: string;
  /** From the start of the measurement window. */
  readonly atMs: number;
  readonly durationMs: number;
  readonly params?: Readonly<Record<string, number>>;
}

export interface FaultPlan {
  readonly faults: readonly PlannedFault[];
  /** Faults of the scenario that do not apply to this variant, and why. */
  readonly skipped: readonly string[];
  /** The measurement window, long enough for every fault and its recovery. */
  readonly measureMs: number;
}

export function planFaults(scenario: Scenario, topology: Topology): FaultPlan {
  if (scenario.sweep) return planSweep(scenario, topology);
  const faults: PlannedFault[] = [];
  const skipped: string[] = [];
  for (const fault of scenario.faults) {
    const raw = typeof fault.target === 'string' ? fault.target : fault.target[topology.variant];
    if (raw === null || raw === undefined) {
      skipped.push(`${fault.kind}: not applicable to ${topology.variant}`);
      continue;
    }
    const targets = resolveTarget(fault.kind, raw, topology);
    if (targets.length === 0) {
      skipped.push(`${fault.kind} ${raw}: ${topology.variant} has no such part`);
      continue;
    }
    for (const target of targets) faults.push({ kind: fault.kind, target, atMs: fault.atMs, durationMs: fault.durationMs, params: fault.params });
  }
  return { faults, skipped, measureMs: scenario.timing.measureMs };
}

/** One window per component: apps frozen or killed, brokers taken down, each followed by a gap to recover. */
function planSweep(scenario: Scenario, topology: Topology): FaultPlan {
  const sweep = scenario.sweep as NonNullable<Scenario['sweep']>;
  const faults = topology.components.map((component, i): PlannedFault => ({
    kind: component.kind === 'broker' ? 'broker-outage' : sweep.appKind,
    target: component.name,
    atMs: sweep.gapMs + i * (sweep.durationMs + sweep.gapMs),
    durationMs: sweep.durationMs,
    params: component.kind === 'app' && sweep.appKind === 'kill' ? { everyMs: 300 } : undefined,
  }));
  const end = sweep.gapMs + faults.length * (sweep.durationMs + sweep.gapMs);
  return { faults, skipped: [], measureMs: Math.max(scenario.timing.measureMs, end) };
}

function resolveTarget(kind: ScenarioFault['kind'], raw: string, topology: Topology): string[] {
  if (raw === 'broker') return topology.components.filter((c) => c.kind === 'broker').map((c) => c.name);
  if (raw.startsWith('host:')) {
    const module = raw.slice('host:'.length);
    if (!isModule(module)) throw new ScenarioError(`target ${raw}: no module "${module}" (modules: ${MODULE_NAMES.join(', ')})`);
    return hostsOf(topology, module);
  }
  if (kind.startsWith('module-')) {
    if (!isModule(raw)) throw new ScenarioError(`target of ${kind} must be a module (${MODULE_NAMES.join(', ')}), got "${raw}"`);
    return [raw];
  }
  return [raw];
}

function isModule(name: string): name is ModuleName {
  return (MODULE_NAMES as readonly string[]).includes(name);
}
