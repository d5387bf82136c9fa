/**
 * The faults' public surface. A fault is data (`FaultSpec`); `injectFault` puts it in effect against a
 * running variant and hands back what heals it. Each kind is one module in kinds/, listed in registry.ts.
 *
 *   const proxies = await EdgeProxies.start(scenario.faults);            // before the variant starts
 *   const running = await startVariant(topology, { runDir, rewriteUrl: (f, t, u) => proxies.rewriteUrl(f, t, u) });
 *   const fault = await injectFault(spec, { running, topology, proxies, log });
 *   await fault.heal();                                                  // safe twice
 */
export { EdgeProxies } from './edge-proxies.js';
export { parseEdge, topologyEdges, type Edge } from './edges.js';
export { FaultError, InvalidFaultSpecError, NoEdgeProxyError, UnknownFaultTargetError } from './errors.js';
export { healAll } from './injected-fault.js';
export type { FaultKind, FaultTiming, KindDefinition, Prediction, TargetKind } from './kind.js';
export {
  FAULT_KINDS, faultParams, faultSchemaWith, faultSpecSchema, findFaultKind, injectFault, parseFaultSpec, predictFault, validateFaultAgainstTopology,
  type FaultEntry, type FaultKindName, type FaultSpec, type FaultSpecInput, type FaultSpecOf,
} from './registry.js';
export { COMPONENT_NAME, TARGET_SCHEMAS } from './targets.js';
export { TcpProxy, type Latency, type UpstreamAddress } from './tcp-proxy.js';
export type { FaultContext, FaultEvent, InjectedFault } from './types.js';
