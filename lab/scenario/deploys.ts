/**
 * The release cost of each deploy in a run (the seed's "faster release", "easy deployment"): what was
 * redeployed, how big the rebuilt unit is, how long the rollout took, and what users saw meanwhile.
 *
 *   deploy window (from the fault events: started ─ rollout finished)
 *     runs scheduled inside it: failed ─ slowed (answered, but slower than the SLO's p99) ─ journeys touched
 *     what each replica went through inside it (deploy-steps.ts): starting, ready, draining, stopped
 */
import type { ContractRevision } from '../../boundary/contracts.js';
import { contractRevisionOf } from '../faults/kinds/version.js';
import { statSync } from 'node:fs';
import type { Topology } from '../../boundary/topology.js';
import type { FaultEvent } from '../faults/index.js';
import type { JourneyName, JourneyRun } from '../journeys/types.js';
import { resolveEntry } from '../runner/resolve-entry.js';
import type { LifecycleEvent } from '../runner/types.js';
import { deploySteps, failedRunsByTime, type DeployStep, type FailedRunsBucket } from './deploy-steps.js';
import type { FaultWindow } from './run-variant.js';

export interface DeployRecord {
  readonly component: string;
  readonly version: string;
  readonly strategy: 'start-first' | 'stop-first';
  readonly drain: boolean;
  readonly graceMs: number;
  /** Deployable units this deploy replaced: one component (a module hosted twice is two deploys). */
  readonly unitsRedeployed: number;
  /** Replicas replaced by a new process. */
  readonly processesRestarted: number;
  /** The compiled unit that was rebuilt (the component's bundle), in bytes; null when not built. */
  readonly unitBytes: number | null;
  /** From the deploy command until every replica serves the new build. */
  readonly durationMs: number | null;
  readonly failedRuns: number;
  /** Answered, but slower than the SLO's p99. */
  readonly slowedRuns: number;
  readonly journeysAffected: readonly JourneyName[];
  /** A `version` step: the contract revision the new build writes and reads (boundary/contracts.ts). */
  readonly contract?: ContractRevision;
  /** Each replica's starts, readiness, draining and stops during the rollout, in time order (absent in older run.json files). */
  readonly steps?: readonly DeployStep[];
  /** The failed runs counted in `failedRuns`, per 100 ms (absent in older run.json files). */
  readonly failedRunsByTime?: readonly FailedRunsBucket[];
}

export interface DeployInputs {
  readonly faults: readonly FaultWindow[];
  readonly faultEvents: readonly FaultEvent[];
  /** The variant's lifecycle events, for what happened to each replica. */
  readonly lifecycleEvents: readonly LifecycleEvent[];
  /** Load runs only. */
  readonly runs: readonly JourneyRun[];
  readonly topology: Topology;
  readonly sloP99Ms: number;
}

export function deployRecords({ faults, faultEvents, lifecycleEvents, runs, topology, sloP99Ms }: DeployInputs): DeployRecord[] {
  return faults.flatMap(({ spec, startMs }): DeployRecord[] => {
    if (spec.kind !== 'deploy' && spec.kind !== 'version') return [];
    const mine = faultEvents.filter((e) => e.kind === spec.kind && e.target === spec.target && e.tMs >= startMs - 1_000);
    const started = mine.find((e) => e.action === 'injected')?.tMs ?? startMs;
    // Each replica replaced is logged as it happens; the last one is when the rollout was done. (The heal
    // comes at the end of the window, whenever the rollout finished.)
    const replaced = mine.filter((e) => e.action === 'repeated' && e.tMs >= started && e.tMs <= endOf(mine, started));
    const finished = replaced.at(-1)?.tMs;
    // Without a replica replaced, the window runs to the heal: when the deploy gave up.
    const window = { startMs: started, endMs: finished ?? endOf(mine, started) };
    const during = runs.filter((r) => r.scheduledMs >= window.startMs && r.scheduledMs <= window.endMs);
    const failed = during.filter((r) => r.outcome === 'failed');
    const steps = deploySteps(lifecycleEvents, spec.target, window);
    // A round of a rollout may replace several replicas (maxSurge, maxUnavailable): count the new processes.
    const fresh = steps.filter((s) => s.action === 'ready' && s.version === spec.params.version).length;
    const slowed = during.filter((r) => r.outcome !== 'failed' && r.latencyMs > sloP99Ms);
    return [{
      component: spec.target,
      version: spec.params.version,
      strategy: spec.params.strategy,
      drain: spec.params.drain,
      graceMs: spec.params.graceMs,
      unitsRedeployed: 1,
      processesRestarted: steps.length > 0 ? fresh : replaced.length,
      unitBytes: unitBytes(topology, spec.target),
      durationMs: finished === undefined ? null : finished - started,
      failedRuns: failed.length,
      slowedRuns: slowed.length,
      journeysAffected: [...new Set([...failed, ...slowed].map((r) => r.journey))],
      steps,
      ...(spec.kind === 'version' ? { contract: contractRevisionOf(spec.params) } : {}),
      failedRunsByTime: failedRunsByTime(failed, window),
    }];
  });
}

/** When this deploy's window was healed (its rollout over at the latest). */
function endOf(events: readonly FaultEvent[], started: number): number {
  return events.find((e) => e.action === 'healed' && e.tMs >= started)?.tMs ?? Infinity;
}

function unitBytes(topology: Topology, component: string): number | null {
  const app = topology.components.find((c) => c.name === component);
  if (app?.kind !== 'app') return null;
  try {
    return statSync(resolveEntry(app.entry)).size;
  } catch {
    return null;
  }
}
