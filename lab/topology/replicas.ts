/**
 * Replica counts chosen at run time (`--replicas name=N,…` on `up` and `run`, a scenario's `replicas`):
 * the topology with those counts, or an error naming what is valid.
 */
import type { Topology } from '../../boundary/topology.js';

export const MAX_REPLICAS = 8;

export class ReplicasError extends Error {
  override readonly name = 'ReplicasError';
}

/** `shop=2,catalog=3` → `{ shop: 2, catalog: 3 }`; the format only, not the names. */
export function parseReplicas(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const part of text.split(',')) {
    const match = /^([a-z0-9][a-z0-9-]*)=(\d{1,3})$/.exec(part.trim());
    if (!match) throw new ReplicasError(`--replicas takes name=N[,name=N], got "${part}"`);
    const [, name, count] = match as unknown as [string, string, string];
    if (name in counts) throw new ReplicasError(`--replicas names ${name} twice`);
    counts[name] = Number(count);
  }
  return counts;
}

/** The topology with the given replica counts; each must name an app component and lie in 1…MAX_REPLICAS. */
export function withReplicas(topology: Topology, counts: Readonly<Record<string, number>>): Topology {
  const apps = topology.components.filter((c) => c.kind === 'app').map((c) => c.name);
  for (const [name, count] of Object.entries(counts)) {
    const component = topology.components.find((c) => c.name === name);
    if (!component) throw new ReplicasError(`${topology.variant} has no component ${name} (components that can be replicated: ${apps.join(', ')})`);
    if (component.kind === 'broker') throw new ReplicasError(`${name} is a broker of ${topology.variant}: the lab runs one broker; components that can be replicated: ${apps.join(', ')}`);
    if (!Number.isInteger(count) || count < 1 || count > MAX_REPLICAS) throw new ReplicasError(`${name}=${count}: a replica count is from 1 to ${MAX_REPLICAS}`);
  }
  if (Object.keys(counts).length === 0) return topology;
  return {
    ...topology,
    components: topology.components.map((c) => (c.kind === 'app' && counts[c.name] !== undefined ? { ...c, replicas: counts[c.name]! } : c)),
  };
}

/**
 * Counts for several variants at once (`run --variants monolith,micro --replicas shop=2`): each name must
 * exist in at least one of them; a variant takes the counts of the components it has.
 */
export function replicasPerVariant(topologies: readonly Topology[], counts: Readonly<Record<string, number>>): Map<Topology, Topology> {
  for (const name of Object.keys(counts)) {
    if (!topologies.some((t) => t.components.some((c) => c.name === name))) {
      const apps = [...new Set(topologies.flatMap((t) => t.components.filter((c) => c.kind === 'app').map((c) => c.name)))];
      throw new ReplicasError(`no component ${name} in ${topologies.map((t) => t.variant).join(', ')} (components that can be replicated: ${apps.join(', ')})`);
    }
  }
  return new Map(topologies.map((t) => [t, withReplicas(t, Object.fromEntries(Object.entries(counts).filter(([name]) => t.components.some((c) => c.name === name))))]));
}

/** How many replicas serve the public edge (more than one: behind a load balancer). */
export function edgeReplicas(topology: Topology): number {
  const edge = topology.components.find((c) => c.name === topology.edge);
  return edge?.kind === 'app' ? edge.replicas : 1;
}
