/**
 * A fault is data (`FaultSpec`, derived from the kinds in registry.ts and re-exported here): the struct
 * a scenario plans, the one results copy, and what `injectFault` takes. `atMs` counts from the start of
 * the run's fault phase; whoever schedules faults heals each one `durationMs` after it was injected.
 * Below: what a fault in effect looks like, and what it may use and log.
 */
import type { RunningVariant } from '../runner/index.js';
import type { Topology } from '../../boundary/topology.js';
import type { EdgeProxies } from './edge-proxies.js';
import type { FaultKindName, FaultSpec } from './registry.js';

export { faultSpecSchema, type FaultSpec, type FaultSpecInput, type FaultSpecOf } from './registry.js';

/** A fault in effect. `heal()` undoes it; calling it again returns the same promise. */
export interface InjectedFault {
  /** The very object given to `injectFault` (callers may match on identity). */
  readonly spec: FaultSpec;
  /** Epoch milliseconds. */
  readonly injectedAtMs: number;
  heal(): Promise<void>;
}

/** What the faults did, for the timeline: one line per action, stamped when it happened. */
export interface FaultEvent {
  readonly tMs: number;
  readonly kind: FaultKindName;
  readonly target: string;
  /** `repeated`: a kill with `everyMs`; `reinjected`: a module fault sent again to a restarted process. */
  readonly action: 'injected' | 'repeated' | 'reinjected' | 'healed';
  readonly detail?: string;
}

export interface FaultContext {
  readonly running: RunningVariant;
  readonly topology: Topology;
  readonly proxies: EdgeProxies;
  log(event: FaultEvent): void;
}
