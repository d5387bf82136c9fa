/**
 * Which component waits for which. Checked before anything starts, so a bad topology costs no process.
 */
import type { AppComponent, BrokerComponent, Component, Topology } from '../../boundary/topology.js';
import { TopologyError } from './errors.js';

export interface StartPlan {
  readonly brokers: readonly BrokerComponent[];
  readonly apps: readonly AppComponent[];
  /** Depth in the dependency graph: 0 for a component that needs nothing. */
  readonly depth: ReadonlyMap<string, number>;
  readonly edge: AppComponent;
  /**
   * Component → what must be ready before it starts: its `startAfter` (default: all of `dependsOn`), plus
   * every broker it depends on, whose URL goes into its environment. The rest starts at once, brokers too.
   */
  readonly startAfter: ReadonlyMap<string, readonly string[]>;
}

export function planStart(topology: Topology): StartPlan {
  const byName = new Map<string, Component>();
  for (const component of topology.components) {
    if (byName.has(component.name)) throw new TopologyError(`${topology.variant}: two components are named ${component.name}`);
    byName.set(component.name, component);
  }
  for (const component of topology.components) {
    for (const dependency of component.dependsOn) {
      if (!byName.has(dependency)) throw new TopologyError(`${topology.variant}: ${component.name} depends on unknown ${dependency}`);
    }
    for (const dependency of component.startAfter ?? []) {
      if (!component.dependsOn.includes(dependency)) {
        throw new TopologyError(`${topology.variant}: ${component.name} starts after ${dependency}, which is not in its dependsOn`);
      }
    }
    if (component.kind === 'app' && (!Number.isInteger(component.replicas) || component.replicas < 1)) {
      throw new TopologyError(`${topology.variant}: ${component.name} needs at least one replica, has ${component.replicas}`);
    }
  }
  const edge = byName.get(topology.edge);
  if (edge?.kind !== 'app') throw new TopologyError(`${topology.variant}: the edge ${topology.edge} is not an app component`);

  return {
    brokers: topology.components.filter((c): c is BrokerComponent => c.kind === 'broker'),
    apps: topology.components.filter((c): c is AppComponent => c.kind === 'app'),
    depth: depths(topology.variant, byName),
    edge,
    startAfter: new Map(topology.components.map((c) => [c.name, startDependencies(c, byName)])),
  };
}

function startDependencies(component: Component, byName: ReadonlyMap<string, Component>): readonly string[] {
  const brokers = component.dependsOn.filter((name) => byName.get(name)?.kind === 'broker');
  return [...new Set([...brokers, ...(component.startAfter ?? component.dependsOn)])];
}

function depths(variant: string, byName: ReadonlyMap<string, Component>): Map<string, number> {
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (name: string, path: readonly string[]): number => {
    const known = depth.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) throw new TopologyError(`${variant}: dependency cycle ${[...path, name].join(' → ')}`);
    visiting.add(name);
    const dependencies = byName.get(name)?.dependsOn ?? [];
    const own = Math.max(-1, ...dependencies.map((d) => visit(d, [...path, name]))) + 1;
    visiting.delete(name);
    depth.set(name, own);
    return own;
  };
  for (const name of byName.keys()) visit(name, []);
  return depth;
}

/** Components grouped by depth, deepest first: the order to stop them in. */
export function stopWaves<T extends { readonly name: string }>(items: readonly T[], depth: ReadonlyMap<string, number>): T[][] {
  const waves = new Map<number, T[]>();
  for (const item of items) {
    const d = depth.get(item.name) ?? 0;
    waves.set(d, [...(waves.get(d) ?? []), item]);
  }
  return [...waves.entries()].sort(([a], [b]) => b - a).map(([, wave]) => wave);
}
