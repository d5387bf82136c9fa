/**
 * scale: an app component's replica count changes to `params.replicas` while the run goes on. Scaling
 * out starts each new replica and waits until it is ready (then the edge's HAProxy, the registry or the
 * queue gives it work); scaling in removes the newest replicas, drained first. The window is the scale's
 * budget: healing waits for it to finish and keeps the new count.
 */
import { z } from 'zod';
import { JOURNEY_NAMES } from '../../journeys/types.js';
import { MAX_REPLICAS } from '../../topology/replicas.js';
import { injected, logFault } from '../injected-fault.js';
import type { FaultKind, Prediction } from '../kind.js';
import { checkTarget } from '../targets.js';

const params = z.strictObject({ replicas: z.number().int().min(1).max(MAX_REPLICAS) });

export const scale: FaultKind<'scale', 'app', typeof params> = {
  name: 'scale',
  target: 'app',
  params,
  check: (step, topology) => checkTarget('app', step, topology),
  /** Replicas are added ready and removed drained: nobody should notice. */
  predict: () => Object.fromEntries(JOURNEY_NAMES.map((j) => [j, 'unaffected'])) as Prediction,

  async inject(spec, context) {
    const { running } = context;
    const from = running.replicaIndexes(spec.target).length;
    const to = spec.params.replicas;
    const startedAt = Date.now();
    const change = (async () => {
      while (!running.stopped && running.replicaIndexes(spec.target).length < to) {
        const index = await running.addInstance(spec.target);
        logFault(context, spec, 'repeated', `${spec.target}[${index}] ready (${Date.now() - startedAt} ms after the scale command)`);
      }
      while (!running.stopped && running.replicaIndexes(spec.target).length > to) {
        const index = Math.max(...running.replicaIndexes(spec.target));
        await running.removeInstance(spec.target, index);
        logFault(context, spec, 'repeated', `${spec.target}[${index}] drained and stopped`);
      }
      return `${spec.target} at ${running.replicaIndexes(spec.target).length} replica(s) after ${Date.now() - startedAt} ms`;
    })();
    change.catch(() => undefined); // reported when healed
    return injected(spec, context, () => change, `${spec.target}: ${from} → ${to} replica(s)`);
  },
};
