/**
 * The blast radius a topology predicts, read off which components host which modules and which
 * components each one needs. The lab holds it against what it measures.
 *
 *   journey ──needs──▶ modules ──hosted by──▶ components ──dependsOn*──▶ components
 *
 * A journey's path is the edge plus every component hosting a module it needs, closed over what
 * each request passes through (`via`, else `dependsOn`); a broker that only carries events
 * is left off request paths.
 */
import type { JourneyName } from '../journeys/types.js';
import type { ModuleName } from '../../shared-domain/modules.js';
import type { Component, Topology } from '../../boundary/topology.js';

export interface JourneyNeeds { readonly required: readonly ModuleName[]; readonly optional: readonly ModuleName[] }

export const JOURNEY_NEEDS: Readonly<Record<JourneyName, JourneyNeeds>> = {
  browse: { required: ['search'], optional: [] },
  product: { required: ['catalog'], optional: ['recommendations'] },
  cart: { required: ['cart'], optional: [] },
  checkout: { required: ['cart', 'inventory', 'payment', 'orders'], optional: [] },
};

/** What a fault is predicted to do to a journey. */
export type PredictedEffect = 'unaffected' | 'degraded' | 'failing';

export function hostsOf(topology: Topology, module: ModuleName): string[] {
  return topology.components.filter((c) => c.kind === 'app' && c.modules.includes(module)).map((c) => c.name);
}

/** The components a journey's requests need, for its required or its optional modules. */
export function journeyPath(topology: Topology, journey: JourneyName, which: keyof JourneyNeeds = 'required'): Set<string> {
  const start = which === 'required' ? [topology.edge] : [];
  for (const module of JOURNEY_NEEDS[journey][which]) start.push(...hostsOf(topology, module));
  return closure(topology, start);
}

/** The effect on each journey when these components stop answering. */
export function predictBlastRadius(topology: Topology, failed: readonly string[]): Record<JourneyName, PredictedEffect> {
  const result = {} as Record<JourneyName, PredictedEffect>;
  for (const journey of Object.keys(JOURNEY_NEEDS) as JourneyName[]) {
    const required = journeyPath(topology, journey, 'required');
    const optional = journeyPath(topology, journey, 'optional');
    result[journey] = failed.some((c) => required.has(c)) ? 'failing' : failed.some((c) => optional.has(c)) ? 'degraded' : 'unaffected';
  }
  return result;
}

/** A module failing its calls (module-error): journeys needing it fail, those using it optionally degrade. */
export function predictModuleError(module: ModuleName): Record<JourneyName, PredictedEffect> {
  const result = {} as Record<JourneyName, PredictedEffect>;
  for (const [journey, needs] of Object.entries(JOURNEY_NEEDS) as Array<[JourneyName, JourneyNeeds]>) {
    result[journey] = needs.required.includes(module) ? 'failing' : needs.optional.includes(module) ? 'degraded' : 'unaffected';
  }
  return result;
}

function closure(topology: Topology, start: readonly string[]): Set<string> {
  const byName = new Map<string, Component>(topology.components.map((c) => [c.name, c]));
  const seen = new Set<string>();
  const visit = (name: string) => {
    const component = byName.get(name);
    if (!component || seen.has(name)) return;
    if (component.kind === 'broker' && component.carries === 'events') return;
    seen.add(name);
    ((component.kind === 'app' ? component.via : undefined) ?? component.dependsOn).forEach(visit);
  };
  start.forEach(visit);
  return seen;
}
