/**
 * broker-outage: SIGKILL the broker now, as a crash would, and start it again (same port, same data)
 * when healed. Nothing restarts a broker in between: the apps live without it for the duration.
 */
import { UnknownFaultTargetError } from './errors.js';
import { injected } from './injected-fault.js';
import type { FaultContext, FaultSpecOf, InjectedFault } from './types.js';

export async function inject(spec: FaultSpecOf<'broker-outage'>, context: FaultContext): Promise<InjectedFault> {
  const { running, topology } = context;
  const component = topology.components.find((c) => c.name === spec.target);
  if (component?.kind !== 'broker') {
    throw new UnknownFaultTargetError(spec.kind, spec.target, `broker-outage: ${spec.target} is not a broker of ${topology.variant}`);
  }
  const broker = running.broker(component.broker);
  const pid = broker.pid();
  await broker.kill();
  return injected(spec, context, async () => {
    if (running.stopped) return 'variant already stopped: not restarted';
    await broker.restart();
    return `${component.broker} restarted, pid ${broker.pid() ?? '?'}`;
  }, `SIGKILL ${component.broker} pid ${pid ?? '?'}`);
}
