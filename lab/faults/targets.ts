/**
 * What a kind can name in a variant (see `TargetKind`): the schema a spec's `target` must match, and
 * the check that a variant has it. Messages say what was named and list what would have been valid.
 */
import { z } from 'zod';
import type { Topology } from '../../boundary/topology.js';
import { MODULE_NAMES } from '../../shared-domain/modules.js';
import { EDGE_PATTERN, topologyEdges } from './edges.js';
import { JOURNEY_NAMES } from '../journeys/types.js';
import type { Prediction, TargetKind } from './kind.js';

/** A component's name, as a pattern to build on. */
export const COMPONENT_NAME = '[a-z0-9][a-z0-9-]*';
const COMPONENT_PATTERN = new RegExp(`^${COMPONENT_NAME}$`);

const componentName = z.string().regex(COMPONENT_PATTERN, 'a component name');

export const TARGET_SCHEMAS: Readonly<Record<TargetKind, z.ZodType<string>>> = {
  component: componentName,
  app: componentName,
  broker: componentName,
  module: z.enum(MODULE_NAMES),
  edge: z.string().regex(EDGE_PATTERN, 'an edge, "from->to"'),
};

interface Named { readonly kind: string; readonly target: string }

/** Undefined when `topology` has a part of this kind named `step.target`. */
export function checkTarget(targetKind: TargetKind, step: Named, topology: Topology): string | undefined {
  const { variant, components } = topology;
  const where = `${step.kind} ${step.target}`;
  const apps = components.filter((c) => c.kind === 'app');
  const brokers = components.filter((c) => c.kind === 'broker');
  const named = components.find((c) => c.name === step.target);
  switch (targetKind) {
    case 'component':
      return named ? undefined : `${where}: ${variant} has no component ${step.target} (${step.kind} can target: ${list(components.map((c) => c.name))})`;
    case 'app':
      if (named?.kind === 'app') return undefined;
      return `${where}: ${variant} has no ${named ? 'app component' : 'component'} ${step.target} (${step.kind} can target: ${list(apps.map((c) => c.name))})`;
    case 'broker':
      return named?.kind === 'broker' ? undefined : `${where}: ${variant} has no broker ${step.target} (brokers: ${list(brokers.map((c) => c.name))})`;
    case 'module':
      return apps.some((c) => (c.modules as readonly string[]).includes(step.target)) ? undefined
        : `${where}: no component of ${variant} hosts module ${step.target} (hosted: ${list([...new Set(apps.flatMap((c) => c.modules))])})`;
    case 'edge': {
      const edges = topologyEdges(topology);
      return edges.includes(step.target) ? undefined
        : `${where}: ${variant} has no edge ${step.target} (edges, from each app to what it depends on: ${list(edges)})`;
    }
  }
}

/** `params.instance`, where given, is one of the target's replicas (a broker has one). */
export function checkInstance(step: Named & { readonly params?: { readonly instance?: number } }, topology: Topology): string | undefined {
  const target = topology.components.find((c) => c.name === step.target);
  const replicas = target?.kind === 'app' ? target.replicas : 1;
  const instance = step.params?.instance;
  if (instance === undefined || instance < replicas) return undefined;
  return `${step.kind} ${step.target}: instance ${instance}, but ${step.target} has ${replicas} replica(s), from 0`;
}

function list(names: readonly string[]): string {
  return names.join(', ') || 'none';
}

/**
 * The blast radius of taking down `params.instance` of the target, or all of it: one replica among
 * several leaves the others serving (behind HAProxy, on the queue, in the registry), so nothing is
 * predicted to fail; the whole component, or its only replica, is `predictBlastRadius`'s question.
 */
export function predictReplicaLoss(step: Named & { readonly params?: { readonly instance?: number } }, topology: Topology, whole: (failed: readonly string[]) => Prediction): Prediction {
  const target = topology.components.find((c) => c.name === step.target);
  const replicas = target?.kind === 'app' ? target.replicas : 1;
  if (step.params?.instance !== undefined && replicas > 1) return Object.fromEntries(JOURNEY_NAMES.map((j) => [j, 'unaffected'])) as Prediction;
  return whole([step.target]);
}
