/**
 * kill: SIGKILL one replica (every replica without `params.instance`); the supervisor restarts it, as
 * Docker's `restart: always` would. With `params.everyMs`, the kill repeats at that interval until the
 * fault is healed or its duration is over. Healing undoes nothing: the supervisor already did.
 */
import { z } from 'zod';
import { predictBlastRadius } from '../../topology/predict.js';
import { injected, logFault } from '../injected-fault.js';
import type { FaultKind } from '../kind.js';
import { instance, positiveMs } from '../params.js';
import { checkInstance, checkTarget, predictReplicaLoss } from '../targets.js';

const params = z.strictObject({ instance, everyMs: positiveMs.optional() }).optional();

export const kill: FaultKind<'kill', 'app', typeof params> = {
  name: 'kill',
  target: 'app',
  params,
  check(step, topology) {
    const broker = topology.components.some((c) => c.kind === 'broker' && c.name === step.target);
    if (broker) return `kill ${step.target}: ${step.target} is a broker, which nothing restarts; use broker-outage`;
    return checkTarget('app', step, topology) ?? checkInstance(step, topology);
  },
  predict: (step, topology) => predictReplicaLoss(step, topology, (failed) => predictBlastRadius(topology, failed)),

  async inject(spec, context) {
    const { running } = context;
    const { instance, everyMs } = spec.params ?? {};
    const who = instance === undefined ? `every replica of ${spec.target}` : `${spec.target}[${instance}]`;
    running.kill(spec.target, instance);
    let kills = 1;
    let repeating: NodeJS.Timeout | undefined;
    if (everyMs !== undefined) {
      // Counted, not clocked: kills at 0, everyMs, 2·everyMs… strictly inside the duration.
      repeating = setInterval(() => {
        if (running.stopped || kills * everyMs >= spec.durationMs) return clearInterval(repeating);
        running.kill(spec.target, instance);
        kills += 1;
        logFault(context, spec, 'repeated', `kill #${kills} of ${who}`);
      }, everyMs);
    }
    return injected(spec, context, async () => {
      clearInterval(repeating);
      return everyMs === undefined ? 'nothing to undo: the supervisor restarts what was killed' : `stopped repeating after ${kills} kills`;
    }, `SIGKILL ${who}${everyMs === undefined ? '' : `, again every ${everyMs} ms`}`);
  },
};
