/**
 * partition: one edge stops carrying anything. Open connections are reset; new ones are accepted and
 * never answered, as a real partition hangs (see tcp-proxy.ts). Healing forwards again, the held
 * connections with the bytes they sent meanwhile: like TCP retransmitting once the network is back.
 */
import { injected } from './injected-fault.js';
import type { FaultContext, FaultSpecOf, InjectedFault } from './types.js';

export async function inject(spec: FaultSpecOf<'partition'>, context: FaultContext): Promise<InjectedFault> {
  const proxy = context.proxies.proxy(spec.target);
  proxy.partition();
  return injected(spec, context, async () => {
    proxy.restore();
    return 'forwarding again, held connections included';
  }, 'open connections reset; new ones held unanswered');
}
