/**
 * broker-outage: SIGKILL the broker now, as a crash would, and start it again (same port, same data)
 * when healed. Nothing restarts a broker in between: the apps live without it for the duration.
 */
import { predictBlastRadius } from '../../topology/predict.js';
import { UnknownFaultTargetError } from '../errors.js';
import { injected } from '../injected-fault.js';
import type { FaultKind } from '../kind.js';
import { noParams } from '../params.js';
import { checkTarget } from '../targets.js';

export const brokerOutage: FaultKind<'broker-outage', 'broker', typeof noParams> = {
  name: 'broker-outage',
  target: 'broker',
  params: noParams,
  check: (step, topology) => checkTarget('broker', step, topology),
  predict: (step, topology) => predictBlastRadius(topology, [step.target]),

  async inject(spec, context) {
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
  },
};
