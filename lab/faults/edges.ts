/** Network edges of a topology: `from->to` for every component an app depends on (the ones it calls). */
import type { Topology } from '../../boundary/topology.js';

/** Between two components: `gateway->catalog`, `order->nats`. */
export const EDGE_PATTERN = /^([a-z0-9][a-z0-9-]*)->([a-z0-9][a-z0-9-]*)$/;

export interface Edge { readonly from: string; readonly to: string }

export function parseEdge(target: string): Edge | undefined {
  const match = EDGE_PATTERN.exec(target);
  return match ? { from: match[1]!, to: match[2]! } : undefined;
}

export function edgeName({ from, to }: Edge): string {
  return `${from}->${to}`;
}

/** `dependsOn` is what an app calls (services, and the broker it publishes to or consumes from). */
export function topologyEdges(topology: Topology): string[] {
  return topology.components.flatMap((c) => (c.kind === 'app' ? c.dependsOn.map((to) => edgeName({ from: c.name, to })) : []));
}
