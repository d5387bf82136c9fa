/**
 * A rolling replacement of every replica of an app component, shared by the `deploy` and `version`
 * kinds: one replica at a time, in the order they run, each with the new build's environment.
 *
 *   start-first:  new replica (new port, new build) ready ─ old one drained ─ stopped
 *   stop-first:   old one drained ─ stopped ─ new process on its index and port ready
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
};

export type RolloutParams = z.output<z.ZodObject<typeof rolloutParams>>;

/** One replica restarted stop-first leaves nothing to serve meanwhile; otherwise another replica always serves. */
export function predictRollout(step: { target: string; params: RolloutParams }, topology: Topology): Prediction {
  const component = topology.components.find((c) => c.name === step.target);
  const alone = component?.kind === 'app' && component.replicas === 1;
  if (alone && step.params.strategy === 'stop-first') return predictBlastRadius(topology, [step.target]);
  return Object.fromEntries(JOURNEY_NAMES.map((j) => [j, 'unaffected'])) as Prediction;
}

/** Starts the rollout of `spec` with `env` for every new process; the fault it returns heals when it is done. */
export function startRollout(
  spec: FaultSpec & { params: RolloutParams }, context: FaultContext, env: Readonly<Record<string, string>>, what: string,
): InjectedFault {
  const { running } = context;
  const { strategy, version, drain, drainTimeoutMs, graceMs } = spec.params;
  const old = running.replicaIndexes(spec.target);
  const startedAt = Date.now();
  const rollout = (async () => {
    for (const index of old) {
      if (running.stopped) return `variant stopped after ${old.indexOf(index)} of ${old.length} replicas`;
      const removal = { drain, drainTimeoutMs, graceMs };
      if (strategy === 'start-first') {
        const added = await running.addInstance(spec.target, { env });
        await running.removeInstance(spec.target, index, removal);
        logFault(context, spec, 'repeated', `${spec.target}[${added}] on ${version} ready, ${spec.target}[${index}] ${drain ? 'drained and ' : ''}stopped`);
      } else {
        await running.replaceInstance(spec.target, index, { ...removal, env });
        logFault(context, spec, 'repeated', `${spec.target}[${index}] ${drain ? 'drained, ' : ''}stopped, back on ${version}`);
      }
    }
    return `${old.length} replica(s) of ${spec.target} on ${version} in ${Date.now() - startedAt} ms`;
  })();
  rollout.catch(() => undefined); // reported when healed
  return injected(spec, context, () => rollout,
    `${what} to ${old.length} replica(s) of ${spec.target}, ${strategy}, ${drain ? `drain up to ${drainTimeoutMs} ms` : 'no drain'}, grace ${graceMs} ms`);
}
