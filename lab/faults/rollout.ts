/**
 * A rolling replacement of every replica of an app component, shared by the `deploy` and `version`
 * kinds, in the order the replicas run, each new process with the new build's environment.
 *
 *   start-first:  new replica (new port, new build) ready ─ old one drained ─ stopped
 *   stop-first:   old one drained ─ stopped ─ new process on its index and port ready
 *
 * `maxSurge` / `maxUnavailable` count as in a Kubernetes Deployment: how many replicas above the count
 * may run, and how many below it may be unavailable, during the rollout. start-first is surge 1,
 * unavailable 0 (the default); stop-first is surge 0, unavailable 1. Each round starts up to `maxSurge`
 * new replicas (ready), then drains and stops as many old ones plus up to `maxUnavailable` more; with
 * no surge, it stops up to `maxUnavailable` old ones first and starts their replacements.
 *
 * The rollout runs on its own; the fault's heal waits for it (the window is the rollout's budget).
 */
import { z } from 'zod';
import { JOURNEY_NAMES } from '../journeys/types.js';
import { predictBlastRadius } from '../topology/predict.js';
import type { Topology } from '../../boundary/topology.js';
import { injected, logFault } from './injected-fault.js';
import type { Prediction } from './kind.js';
import { ms } from './params.js';
import type { FaultContext, InjectedFault } from './types.js';
import type { FaultSpec } from './registry.js';

/** The params every rolling replacement takes. */
export const rolloutParams = {
  strategy: z.enum(['start-first', 'stop-first']).default('start-first'),
  /** What the new build calls itself (ARCHLAB_VERSION): registered with it in micro, logged everywhere. */
  version: z.string().regex(/^[A-Za-z0-9._-]{1,32}$/).default('v2'),
  drain: z.boolean().default(true),
  drainTimeoutMs: ms.max(60_000).default(10_000),
  graceMs: ms.max(30_000).default(3_000),
  /** Kubernetes' counts; unset, the strategy's: start-first 1 / 0, stop-first 0 / 1. */
  maxSurge: z.number().int().min(0).max(8).optional(),
  maxUnavailable: z.number().int().min(0).max(8).optional(),
};

/** The surge and unavailability a rollout runs with (at least one of them is 1 or more). */
export function rolloutPace(params: RolloutParams): { surge: number; unavailable: number } {
  const surge = params.maxSurge ?? (params.strategy === 'start-first' ? 1 : 0);
  const unavailable = params.maxUnavailable ?? (params.strategy === 'start-first' ? 0 : 1);
  return surge + unavailable === 0 ? { surge: 1, unavailable: 0 } : { surge, unavailable };
}

export type RolloutParams = z.output<z.ZodObject<typeof rolloutParams>>;

/** Every replica down at once without a surge (one replica, stop-first) leaves nothing to serve; otherwise one always serves. */
export function predictRollout(step: { target: string; params: RolloutParams }, topology: Topology): Prediction {
  const component = topology.components.find((c) => c.name === step.target);
  const { surge, unavailable } = rolloutPace(step.params);
  // Nothing left serving: no surge, and every replica may be down at once.
  if (component?.kind === 'app' && surge === 0 && unavailable >= component.replicas) return predictBlastRadius(topology, [step.target]);
  return Object.fromEntries(JOURNEY_NAMES.map((j) => [j, 'unaffected'])) as Prediction;
}

/** Starts the rollout of `spec` with `env` for every new process; the fault it returns heals when it is done. */
export function startRollout(
  spec: FaultSpec & { params: RolloutParams }, context: FaultContext, env: Readonly<Record<string, string>>, what: string,
): InjectedFault {
  const { running } = context;
  const { version, drain, drainTimeoutMs, graceMs } = spec.params;
  const old = running.replicaIndexes(spec.target);
  const startedAt = Date.now();
  const { surge, unavailable } = rolloutPace(spec.params);
  const removal = { drain, drainTimeoutMs, graceMs };
  const rollout = (async () => {
    const left = [...old];
    while (left.length > 0) {
      if (running.stopped) return `variant stopped after ${old.length - left.length} of ${old.length} replicas`;
      if (surge > 0) {
        // New ones first, one after another (each gets its own index), then the old ones in parallel.
        const added: number[] = [];
        for (let i = 0; i < Math.min(surge, left.length); i += 1) added.push(await running.addInstance(spec.target, { env }));
        const going = left.splice(0, Math.min(added.length + unavailable, left.length));
        await Promise.all(going.map((index) => running.removeInstance(spec.target, index, removal)));
        logFault(context, spec, 'repeated', `${added.map((i) => `${spec.target}[${i}]`).join(', ')} on ${version} ready, ${going.map((i) => `${spec.target}[${i}]`).join(', ')} ${drain ? 'drained and ' : ''}stopped`);
      } else {
        const going = left.splice(0, Math.min(unavailable, left.length));
        await Promise.all(going.map((index) => running.replaceInstance(spec.target, index, { ...removal, env })));
        logFault(context, spec, 'repeated', `${going.map((i) => `${spec.target}[${i}]`).join(', ')} ${drain ? 'drained, ' : ''}stopped, back on ${version}`);
      }
    }
    return `${old.length} replica(s) of ${spec.target} on ${version} in ${Date.now() - startedAt} ms`;
  })();
  rollout.catch(() => undefined); // reported when healed
  return injected(spec, context, () => rollout,
    `${what} to ${old.length} replica(s) of ${spec.target}, ${spec.params.strategy} (surge ${surge}, unavailable ${unavailable}), ${drain ? `drain up to ${drainTimeoutMs} ms` : 'no drain'}, grace ${graceMs} ms`);
}
