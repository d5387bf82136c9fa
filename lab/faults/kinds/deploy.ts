/**
 * deploy: a new build of one app component replaces every replica, one at a time, while the run goes on
 * (a change to a module deploys its host: `host:payment` is the shop, payment-service or payment). See
 * rollout.ts for the two strategies.
 *
 * Draining: behind the edge's HAProxy, no new requests and those in flight answered (up to
 * `drainTimeoutMs`); a micro service deregisters itself on SIGTERM; a soa service stops consuming.
 * `graceMs` is SIGTERM to SIGKILL: 0 gives the process no time to deregister or finish anything, which
 * with `drain: false` is the "readiness probes only" rung of the rolling-deploy ladder.
 * The window is the deploy's budget: healing waits for the deploy to finish and undoes nothing.
 */
import { z } from 'zod';
import type { FaultKind } from '../kind.js';
import { predictRollout, rolloutParams, startRollout } from '../rollout.js';
import { checkTarget } from '../targets.js';

const params = z.strictObject(rolloutParams).default({ strategy: 'start-first', version: 'v2', drain: true, drainTimeoutMs: 10_000, graceMs: 3_000 });

export const deploy: FaultKind<'deploy', 'app', typeof params> = {
  name: 'deploy',
  target: 'app',
  params,
  check: (step, topology) => checkTarget('app', step, topology),
  predict: predictRollout,
  inject: async (spec, context) => startRollout(spec, context, { ARCHLAB_VERSION: spec.params.version }, spec.params.version),
};
