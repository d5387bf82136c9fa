/**
 * partition: one edge stops carrying anything. Open connections are reset; new ones are accepted and
 * never answered, as a real partition hangs (see tcp-proxy.ts). Healing forwards again, the held
 * connections with the bytes they sent meanwhile: like TCP retransmitting once the network is back.
 */
import { predictBlastRadius } from '../../topology/predict.js';
import { parseEdge } from '../edges.js';
import { injected } from '../injected-fault.js';
import type { FaultKind } from '../kind.js';
import { noParams } from '../params.js';
import { checkTarget } from '../targets.js';

export const partition: FaultKind<'partition', 'edge', typeof noParams> = {
  name: 'partition',
  target: 'edge',
  params: noParams,
  check: (step, topology) => checkTarget('edge', step, topology),
  /** For the edge's caller, the far end is gone. */
  predict: (step, topology) => predictBlastRadius(topology, [parseEdge(step.target)!.to]),

  async inject(spec, context) {
    const proxy = context.proxies.proxy(spec.target);
    proxy.partition();
    return injected(spec, context, async () => {
      proxy.restore();
      return 'forwarding again, held connections included';
    }, 'open connections reset; new ones held unanswered');
  },
};
