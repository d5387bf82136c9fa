/**
 * A deploy's steps (run.json) as lanes: one per replica, each a run of phases in the version that
 * process ran. A replica whose first step is draining or a stop was serving since before the deploy.
 *
 *   starting ──ready──► serving ──draining──► draining ──stopped──► (nothing)
 */
import type { DeployStep } from '../../scenario/deploy-steps.js';

export type LanePhase = 'starting' | 'serving' | 'draining';

export interface LaneSegment {
  readonly phase: LanePhase;
  readonly version: string;
  readonly fromMs: number;
  readonly toMs: number;
}

export interface Lane {
  readonly instance: number;
  readonly segments: readonly LaneSegment[];
  readonly steps: readonly DeployStep[];
}

export function deployLanes(steps: readonly DeployStep[], endMs: number): Lane[] {
  const instances = [...new Set(steps.map((s) => s.instance))].sort((a, b) => a - b);
  return instances.map((instance) => {
    const mine = steps.filter((s) => s.instance === instance).sort((a, b) => a.tMs - b.tMs);
    return { instance, steps: mine, segments: segmentsOf(mine, endMs) };
  });
}

function segmentsOf(steps: readonly DeployStep[], endMs: number): LaneSegment[] {
  const segments: LaneSegment[] = [];
  const first = steps[0];
  let open: { phase: LanePhase; version: string; fromMs: number } | undefined =
    first && (first.action === 'draining' || first.action === 'stopped' || first.action === 'exited') ? { phase: 'serving', version: first.version, fromMs: 0 } : undefined;
  const close = (atMs: number) => {
    if (open && atMs > open.fromMs) segments.push({ ...open, toMs: atMs });
    open = undefined;
  };
  for (const step of steps) {
    close(step.tMs);
    if (step.action === 'starting') open = { phase: 'starting', version: step.version, fromMs: step.tMs };
    else if (step.action === 'ready') open = { phase: 'serving', version: step.version, fromMs: step.tMs };
    else if (step.action === 'draining') open = { phase: 'draining', version: step.version, fromMs: step.tMs };
  }
  close(endMs);
  return segments;
}

/** The versions the lanes show: the old builds first (as they appear), the deploy's new one last. */
export function versionsOf(steps: readonly DeployStep[], newVersion: string): string[] {
  const seen = [...new Set([...steps].sort((a, b) => a.tMs - b.tMs).map((s) => s.version))];
  return [...seen.filter((v) => v !== newVersion), ...seen.filter((v) => v === newVersion)];
}
