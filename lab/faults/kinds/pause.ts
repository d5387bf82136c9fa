/**
 * pause: SIGSTOP one replica (every replica without `params.instance`), or a broker, until healed;
 * then SIGCONT. A hang, not a crash: the process keeps its sockets and the supervisor sees nothing,
 * so callers meet their own timeouts.
 */
import { z } from 'zod';
import { predictBlastRadius } from '../../topology/predict.js';
import { injected } from '../injected-fault.js';
import type { FaultKind } from '../kind.js';
import { instance } from '../params.js';
import { checkInstance, checkTarget, predictReplicaLoss } from '../targets.js';

const params = z.strictObject({ instance }).optional();

export const pause: FaultKind<'pause', 'component', typeof params> = {
  name: 'pause',
  target: 'component',
  params,
  check: (step, topology) => checkTarget('component', step, topology) ?? checkInstance(step, topology),
  predict: (step, topology) => predictReplicaLoss(step, topology, (failed) => predictBlastRadius(topology, failed)),

  async inject(spec, context) {
    const { running } = context;
    const instance = spec.params?.instance;
    const who = instance === undefined ? spec.target : `${spec.target}[${instance}]`;
    running.pause(spec.target, instance);
    return injected(spec, context, async () => {
      if (running.stopped) return 'variant already stopped (stopping sends SIGCONT)';
      running.resume(spec.target, instance);
      return `SIGCONT ${who}`;
    }, `SIGSTOP ${who}`);
  },
};
