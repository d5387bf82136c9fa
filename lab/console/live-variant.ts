/**
 * A variant started for live use (`up`, the studio): a TCP proxy on every edge between its processes, so
 * any edge can be slowed or cut, and a fault console over it. `stop()` heals what is in effect, then
 * stops the processes and the proxies; a failed start leaves nothing running.
 */
import type { Topology } from '../../boundary/topology.js';
import { EdgeProxies } from '../faults/edge-proxies.js';
import { topologyEdges } from '../faults/edges.js';
import { startVariant, type RunningVariant, type StartVariantOptions } from '../runner/index.js';
import { FaultConsole } from './fault-console.js';

export interface LiveVariant {
  readonly topology: Topology;
  readonly running: RunningVariant;
  readonly faults: FaultConsole;
  stop(): Promise<void>;
}

export async function startLiveVariant(topology: Topology, options: StartVariantOptions): Promise<LiveVariant> {
  const proxies = await EdgeProxies.forEdges(topologyEdges(topology));
  let running: RunningVariant;
  try {
    running = await startVariant(topology, { ...options, rewriteUrl: proxies.rewriteUrl });
  } catch (error) {
    await proxies.stop();
    throw error;
  }
  const faults = new FaultConsole(running, topology, proxies);
  let stopping: Promise<void> | undefined;
  return {
    topology,
    running,
    faults,
    stop: () => stopping ??= (async () => {
      await faults.healAll().catch(() => undefined);
      await running.stop();
      await proxies.stop();
    })(),
  };
}
