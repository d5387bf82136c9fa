/**
 * The faults' public surface. A fault is data (`FaultSpec`); `injectFault` puts it in effect against a
 * running variant and hands back what heals it.
 *
 *   const proxies = await EdgeProxies.start(scenario.faults);            // before the variant starts
 *   const running = await startVariant(topology, { runDir, rewriteUrl: (f, t, u) => proxies.rewriteUrl(f, t, u) });
 *   const fault = await injectFault(spec, { running, topology, proxies, log });
 *   await fault.heal();                                                  // safe twice
 */
import { inject as injectBrokerOutage } from './broker-outage.js';
import { UnknownFaultTargetError } from './errors.js';
import { inject as injectKill } from './kill.js';
import { inject as injectLatency } from './latency.js';
import { inject as injectModuleFault } from './module-fault.js';
import { inject as injectPartition } from './partition.js';
import { inject as injectPause } from './pause.js';
import type { FaultContext, FaultKind, FaultSpec, FaultSpecOf, InjectedFault } from './types.js';
import { validateFaultAgainstTopology } from './validate.js';

export { EdgeProxies } from './edge-proxies.js';
export { parseEdge, topologyEdges, type Edge } from './edges.js';
export { FaultError, InvalidFaultSpecError, NoEdgeProxyError, UnknownFaultTargetError } from './errors.js';
export { healAll } from './injected-fault.js';
export { TcpProxy, type Latency, type UpstreamAddress } from './tcp-proxy.js';
export {
  FAULT_KINDS, faultSpecSchema,
  type FaultContext, type FaultEvent, type FaultKind, type FaultSpec, type FaultSpecInput, type FaultSpecOf, type InjectedFault,
} from './types.js';
export { parseFaultSpec, validateFaultAgainstTopology } from './validate.js';

type Injectors = { readonly [K in FaultKind]: (spec: FaultSpecOf<K>, context: FaultContext) => Promise<InjectedFault> };

const INJECTORS: Injectors = {
  'kill': injectKill,
  'pause': injectPause,
  'module-crash': injectModuleFault,
  'module-error': injectModuleFault,
  'module-slow': injectModuleFault,
  'module-hog': injectModuleFault,
  'latency': injectLatency,
  'partition': injectPartition,
  'broker-outage': injectBrokerOutage,
};

/** Checks the spec against the topology, then puts it in effect. */
export function injectFault(spec: FaultSpec, context: FaultContext): Promise<InjectedFault> {
  const invalid = validateFaultAgainstTopology(spec, context.topology);
  if (invalid !== undefined) return Promise.reject(new UnknownFaultTargetError(spec.kind, spec.target, invalid));
  const inject = INJECTORS[spec.kind] as (spec: FaultSpec, context: FaultContext) => Promise<InjectedFault>;
  return inject(spec, context);
}
