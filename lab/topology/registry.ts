/** Every variant's topology, by name: the one place the lab learns which variants exist. */
import { microTopology } from '../../variants/micro/topology.js';
import { monolithTopology } from '../../variants/monolith/topology.js';
import { soaTopology } from '../../variants/soa/topology.js';
import type { BrokerKind, Topology, VariantName } from '../../boundary/topology.js';

export const TOPOLOGIES: Readonly<Partial<Record<VariantName, Topology>>> = {
  monolith: monolithTopology,
  soa: soaTopology,
  micro: microTopology,
};

export function variantNames(): VariantName[] {
  return Object.keys(TOPOLOGIES) as VariantName[];
}

export function findTopology(name: string): Topology | undefined {
  return (TOPOLOGIES as Record<string, Topology | undefined>)[name];
}

/** The brokers a variant runs (RabbitMQ, NATS), from its topology. */
export function brokerKindsOf(variant: VariantName): BrokerKind[] {
  return (findTopology(variant)?.components ?? []).flatMap((c) => (c.kind === 'broker' ? [c.broker] : []));
}
