/** The blast radius the topology predicts for one planned fault, in the vocabulary of the verdicts. */
import { JOURNEY_NAMES, type JourneyName } from '../journeys/types.js';
import type { ModuleName } from '../../shared-domain/modules.js';
import { hostsOf, journeyPath, predictBlastRadius, predictModuleError } from '../topology/predict.js';
import type { Topology } from '../../boundary/topology.js';
import type { PlannedFault } from './resolve-faults.js';
import type { Effect } from './schema.js';

export function predictFault(topology: Topology, fault: PlannedFault): Record<JourneyName, Effect> {
  switch (fault.kind) {
    case 'kill':
    case 'pause':
    case 'broker-outage':
      return predictBlastRadius(topology, [fault.target]);
    case 'module-crash':
      return predictBlastRadius(topology, hostsOf(topology, fault.target as ModuleName));
    case 'partition':
      return predictBlastRadius(topology, [edgeEnds(fault.target).to]);
    case 'module-error':
      return predictModuleError(fault.target as ModuleName);
    case 'module-slow':
    case 'module-hog':
      return slowed(topology, fault.kind === 'module-hog' ? hostsOf(topology, fault.target as ModuleName) : [], fault.target as ModuleName);
    case 'latency':
      return slowedBy(topology, [edgeEnds(fault.target).to]);
  }
}

/** A slow module slows the journeys that call it; a CPU hog also slows everything its host serves. */
function slowed(topology: Topology, hogged: readonly string[], module: ModuleName): Record<JourneyName, Effect> {
  const byModule = predictModuleError(module);
  const byHost = slowedBy(topology, hogged);
  return Object.fromEntries(JOURNEY_NAMES.map((j) => [j, byModule[j] === 'unaffected' ? byHost[j] : 'slow'])) as Record<JourneyName, Effect>;
}

function slowedBy(topology: Topology, components: readonly string[]): Record<JourneyName, Effect> {
  return Object.fromEntries(JOURNEY_NAMES.map((j) => {
    const path = new Set([...journeyPath(topology, j, 'required'), ...journeyPath(topology, j, 'optional')]);
    return [j, components.some((c) => path.has(c)) ? 'slow' : 'unaffected'];
  })) as Record<JourneyName, Effect>;
}

export function edgeEnds(edge: string): { from: string; to: string } {
  const [from = '', to = ''] = edge.split('->');
  return { from, to };
}
