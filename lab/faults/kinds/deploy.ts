/**
 * deploy: a new build of one app component replaces every replica, one at a time, while the run goes on
 * (a change to a module deploys its host: `host:payment` is the shop, payment-service or payment).
 *
 *   start-first:  new replica (new port, `version`) ready ─ old one drained ─ stopped
 *   stop-first:   old one drained ─ stopped ─ new process on its index and port ready
 *
 * Draining: behind the edge's HAProxy, no new requests and those in flight answered (up to
 * `drainTimeoutMs`); a micro service deregisters itself on SIGTERM; a soa service stops consuming.
 * `graceMs` is SIGTERM to SIGKILL: 0 gives the process no time to deregister or finish anything, which
 * with `drain: false` is the "readiness probes only" rung of the rolling-deploy ladder.
 * The window is the deploy's budget: healing waits for the deploy to finish and undoes nothing.
 */
import { z } from 'zod';
import { JOURNEY_NAMES } from '../../journeys/types.js';
import { predictBlastRadius } from '../../topology/predict.js';
import { injected, logFault } from '../injected-fault.js';
import type { FaultKind, Prediction } from '../kind.js';
import { ms } from '../params.js';
import { checkTarget } from '../targets.js';

const params = z.strictObject({
  strategy: z.enum(['start-first', 'stop-first']).default('start-first'),
  /** What the new build calls itself (ARCHLAB_VERSION): registered with it in micro, logged everywhere. */
  version: z.string().regex(/^[A-Za-z0-9._-]{1,32}$/).default('v2'),
  drain: z.boolean().default(true),
  drainTimeoutMs: ms.max(60_000).default(10_000),
  graceMs: ms.max(30_000).default(3_000),
}).default({ strategy: 'start-first', version: 'v2', drain: true, drainTimeoutMs: 10_000, graceMs: 3_000 });

export const deploy: FaultKind<'deploy', 'app', typeof params> = {
  name: 'deploy',
  target: 'app',
  params,
  check: (step, topology) => checkTarget('app', step, topology),
  /** One replica restarted stop-first leaves nothing to serve meanwhile; otherwise another replica always serves. */
  predict: (step, topology): Prediction => {
    const component = topology.components.find((c) => c.name === step.target);
    const alone = component?.kind === 'app' && component.replicas === 1;
    if (alone && step.params.strategy === 'stop-first') return predictBlastRadius(topology, [step.target]);
    return Object.fromEntries(JOURNEY_NAMES.map((j) => [j, 'unaffected'])) as Prediction;
  },

  async inject(spec, context) {
    const { running } = context;
    const { strategy, version, drain, drainTimeoutMs, graceMs } = spec.params;
    const env = { ARCHLAB_VERSION: version };
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
      `${version} to ${old.length} replica(s) of ${spec.target}, ${strategy}, ${drain ? `drain up to ${drainTimeoutMs} ms` : 'no drain'}, grace ${graceMs} ms`);
  },
};
