/**
 * latency: every chunk on one edge, either way, waits half of `latencyMs` (± half of `jitterMs`) in
 * the edge's proxy, so a request/response round trip takes `latencyMs` longer. Bytes keep their order;
 * healing lets what is queued go out first, then forwards without delay.
 */
import { z } from 'zod';
import { parseEdge } from '../edges.js';
import { injected } from '../injected-fault.js';
import type { FaultKind } from '../kind.js';
import { ms, positiveMs } from '../params.js';
import { slowedBy } from '../predict-slow.js';
import { checkTarget } from '../targets.js';

/** `latencyMs` is added to every round trip: half of it to each chunk going either way (± jitterMs/2). */
const params = z.strictObject({ latencyMs: positiveMs, jitterMs: ms.default(0) });

export const latency: FaultKind<'latency', 'edge', typeof params> = {
  name: 'latency',
  target: 'edge',
  params,
  check: (step, topology) => checkTarget('edge', step, topology),
  /** Whatever needs the component at the edge's far end gets slower. */
  predict: (step, topology) => slowedBy(topology, [parseEdge(step.target)!.to]),

  async inject(spec, context) {
    const proxy = context.proxies.proxy(spec.target);
    const { latencyMs, jitterMs } = spec.params;
    proxy.setLatency({ latencyMs, jitterMs });
    return injected(spec, context, async () => {
      proxy.setLatency(undefined);
      return 'no added delay; chunks already queued still delivered, in order';
    }, `+${latencyMs} ms per round trip${jitterMs > 0 ? ` ± ${jitterMs} ms` : ''}`);
  },
};
