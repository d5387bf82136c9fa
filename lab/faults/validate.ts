/**
 * Checks made when a scenario is loaded, before anything runs: is it a fault spec at all, and does
 * this variant have what it names? Messages list what would have been valid.
 */
import type { Topology } from '../../boundary/topology.js';
import { InvalidFaultSpecError } from './errors.js';
import { topologyEdges } from './edges.js';
import { faultSpecSchema, type FaultSpec } from './types.js';

export function parseFaultSpec(value: unknown): FaultSpec {
  const parsed = faultSpecSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new InvalidFaultSpecError(parsed.error.issues.map((i) => `${i.path.join('.') || '(spec)'}: ${i.message}`), { cause: parsed.error });
}

/** Undefined when `spec` can be injected into `topology`; otherwise why not. */
export function validateFaultAgainstTopology(spec: FaultSpec, topology: Topology): string | undefined {
  const { variant, components } = topology;
  const apps = components.filter((c) => c.kind === 'app');
  const brokers = components.filter((c) => c.kind === 'broker');
  const list = (names: readonly string[]) => names.join(', ') || 'none';
  const where = `${spec.kind} ${spec.target}`;
  switch (spec.kind) {
    case 'kill':
    case 'pause': {
      const target = components.find((c) => c.name === spec.target);
      if (target?.kind === 'broker' && spec.kind === 'kill') return `${where}: ${spec.target} is a broker, which nothing restarts; use broker-outage`;
      if (!target) {
        const valid = spec.kind === 'kill' ? apps : components;
        return `${where}: ${variant} has no component ${spec.target} (${spec.kind} can target: ${list(valid.map((c) => c.name))})`;
      }
      const replicas = target.kind === 'app' ? target.replicas : 1;
      const instance = spec.params?.instance;
      if (instance !== undefined && instance >= replicas) return `${where}: instance ${instance}, but ${spec.target} has ${replicas} replica(s), from 0`;
      return undefined;
    }
    case 'module-crash':
    case 'module-error':
    case 'module-slow':
    case 'module-hog': {
      if (apps.some((c) => c.modules.includes(spec.target))) return undefined;
      return `${where}: no component of ${variant} hosts module ${spec.target} (hosted: ${list([...new Set(apps.flatMap((c) => c.modules))])})`;
    }
    case 'latency':
    case 'partition': {
      const edges = topologyEdges(topology);
      return edges.includes(spec.target) ? undefined
        : `${where}: ${variant} has no edge ${spec.target} (edges, from each app to what it depends on: ${list(edges)})`;
    }
    case 'broker-outage':
      return brokers.some((c) => c.name === spec.target) ? undefined
        : `${where}: ${variant} has no broker ${spec.target} (brokers: ${list(brokers.map((c) => c.name))})`;
  }
}
