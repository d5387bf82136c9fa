/**
 * pause: SIGSTOP one replica (every replica without `params.instance`), or a broker, until healed;
 * then SIGCONT. A hang, not a crash: the process keeps its sockets and the supervisor sees nothing,
 * so callers meet their own timeouts.
 */
import { injected } from './injected-fault.js';
import type { FaultContext, FaultSpecOf, InjectedFault } from './types.js';

export async function inject(spec: FaultSpecOf<'pause'>, context: FaultContext): Promise<InjectedFault> {
  const { running } = context;
  const instance = spec.params?.instance;
  const who = instance === undefined ? spec.target : `${spec.target}[${instance}]`;
  running.pause(spec.target, instance);
  return injected(spec, context, async () => {
    if (running.stopped) return 'variant already stopped (stopping sends SIGCONT)';
    running.resume(spec.target, instance);
    return `SIGCONT ${who}`;
  }, `SIGSTOP ${who}`);
}
