/**
 * latency: every chunk on one edge, either way, waits half of `latencyMs` (± half of `jitterMs`) in
 * the edge's proxy, so a request/response round trip takes `latencyMs` longer. Bytes keep their order;
 * healing lets what is queued go out first, then forwards without delay.
 */
import { injected } from './injected-fault.js';
import type { FaultContext, FaultSpecOf, InjectedFault } from './types.js';

export async function inject(spec: FaultSpecOf<'latency'>, context: FaultContext): Promise<InjectedFault> {
  const proxy = context.proxies.proxy(spec.target);
  const { latencyMs, jitterMs } = spec.params;
  proxy.setLatency({ latencyMs, jitterMs });
  return injected(spec, context, async () => {
    proxy.setLatency(undefined);
    return 'no added delay; chunks already queued still delivered, in order';
  }, `+${latencyMs} ms per round trip${jitterMs > 0 ? ` ± ${jitterMs} ms` : ''}`);
}
