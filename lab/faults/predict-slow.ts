/** Predictions for faults that slow things down rather than break them (latency, module-slow, module-hog). */
import type { Topology } from '../../boundary/topology.js';
import type { ModuleName } from '../../shared-domain/modules.js';
import { JOURNEY_NAMES, type JourneyName } from '../journeys/types.js';
import { journeyPath, predictModuleError } from '../topology/predict.js';
import type { Prediction } from './kind.js';

/** A slow module slows the journeys that call it; a CPU hog also slows everything its host serves. */
export function slowed(topology: Topology, hogged: readonly string[], module: ModuleName): Prediction {
  const byModule = predictModuleError(module);
  const byHost = slowedBy(topology, hogged);
  return perJourney((j) => (byModule[j] === 'unaffected' ? byHost[j] : 'slow'));
}

/** Journeys whose requests pass through any of these components (required or optional) are slow. */
export function slowedBy(topology: Topology, components: readonly string[]): Prediction {
  return perJourney((j) => {
    const path = new Set([...journeyPath(topology, j, 'required'), ...journeyPath(topology, j, 'optional')]);
    return components.some((c) => path.has(c)) ? 'slow' : 'unaffected';
  });
}

function perJourney(effect: (journey: JourneyName) => Prediction[JourneyName]): Prediction {
  return Object.fromEntries(JOURNEY_NAMES.map((j) => [j, effect(j)])) as Prediction;
}
