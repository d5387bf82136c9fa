/**
 * Turns a scenario's faults (and its sweep) into concrete faults for one variant: every target named
 * as it exists in that variant's topology, every window placed on the measurement's clock. The same
 * resolution checks a scenario against a topology when it is loaded, before anything starts.
 *
 * A scenario's target may be, besides what its kind takes (a component, a module, an edge `from->to`):
 * - `host:<module>`, for kinds that target components: every component hosting that module;
 * - `broker`, for the same kinds: the variant's broker(s) — none (monolith) skips the fault;
 * - a map from variant to one of these, `null` where the fault does not apply (it then runs unfaulted).
 */
import { z } from 'zod';
import { MODULE_NAMES, type ModuleName } from '../../shared-domain/modules.js';
import { COMPONENT_NAME, findFaultKind, parseFaultSpec, TARGET_SCHEMAS, validateFaultAgainstTopology, type FaultSpec, type TargetKind } from '../faults/index.js';
import { hostsOf } from '../topology/predict.js';
import type { Topology } from '../../boundary/topology.js';
import type { Scenario, ScenarioFault } from './schema.js';

const HOST_PREFIX = 'host:';
const BROKER = 'broker';
/** A component's name, or a shorthand: `broker` is one already. */
const componentTarget = z.string().regex(new RegExp(`^(?:${COMPONENT_NAME}|${HOST_PREFIX}(?:${MODULE_NAMES.join('|')}))$`),
  `a component name, "${BROKER}", or "${HOST_PREFIX}<module>" (modules: ${MODULE_NAMES.join(', ')})`);

/** What a scenario may write as one target of a kind that targets `kind`. */
export function scenarioTargetSchema(kind: TargetKind): z.ZodType<string> {
  return kind === 'module' || kind === 'edge' ? TARGET_SCHEMAS[kind] : componentTarget;
}

export interface FaultPlan {
  readonly faults: readonly FaultSpec[];
  /** Faults of the scenario that do not apply to this variant, and why. */
  readonly skipped: readonly string[];
  /** The measurement window, long enough for every fault and its recovery. */
  readonly measureMs: number;
}

export function planFaults(scenario: Scenario, topology: Topology): FaultPlan {
  if (scenario.sweep) return planSweep(scenario, topology);
  const resolved = scenario.faults.map((fault) => resolveFault(fault, topology));
  return {
    faults: resolved.flatMap((r) => ('faults' in r ? r.faults : [])),
    skipped: resolved.flatMap((r) => ('skipped' in r ? [r.skipped] : [])),
    measureMs: scenario.timing.measureMs,
  };
}

/** What is wrong with the scenario's faults on this variant: one line per fault, naming it; none when all fit. */
export function checkFaults(scenario: Scenario, topology: Topology): string[] {
  return scenario.faults.flatMap((fault, index) => {
    const resolved = resolveFault(fault, topology);
    if (!('faults' in resolved)) return [];
    return resolved.faults.flatMap((spec) => {
      const problem = validateFaultAgainstTopology(spec, topology);
      return problem === undefined ? [] : [`fault ${index} on ${topology.variant}: ${problem}`];
    });
  });
}

function resolveFault(fault: ScenarioFault, topology: Topology): { faults: FaultSpec[] } | { skipped: string } {
  const raw = typeof fault.target === 'string' ? fault.target : fault.target[topology.variant];
  if (raw === null || raw === undefined) return { skipped: `${fault.kind}: not applicable to ${topology.variant}` };
  const targets = resolveTarget(findFaultKind(fault.kind)?.target, raw, topology);
  if (targets.length === 0) return { skipped: `${fault.kind} ${raw}: ${topology.variant} has no such part` };
  return { faults: targets.map((target) => parseFaultSpec({ ...fault, target })) };
}

function resolveTarget(kind: TargetKind | undefined, raw: string, topology: Topology): string[] {
  if (kind === 'module' || kind === 'edge') return [raw];
  if (raw === BROKER) return topology.components.filter((c) => c.kind === 'broker').map((c) => c.name);
  if (raw.startsWith(HOST_PREFIX)) return hostsOf(topology, raw.slice(HOST_PREFIX.length) as ModuleName);
  return [raw];
}

/** One window per component: apps frozen or killed, brokers taken down, each followed by a gap to recover. */
function planSweep(scenario: Scenario, topology: Topology): FaultPlan {
  const sweep = scenario.sweep as NonNullable<Scenario['sweep']>;
  const faults = topology.components.map((component, i): FaultSpec => {
    const timing = { target: component.name, atMs: sweep.gapMs + i * (sweep.durationMs + sweep.gapMs), durationMs: sweep.durationMs };
    if (component.kind === 'broker') return { kind: 'broker-outage', ...timing };
    return sweep.appKind === 'kill' ? { kind: 'kill', ...timing, params: { everyMs: 300 } } : { kind: 'pause', ...timing };
  });
  const end = sweep.gapMs + faults.length * (sweep.durationMs + sweep.gapMs);
  return { faults, skipped: [], measureMs: Math.max(scenario.timing.measureMs, end) };
}
