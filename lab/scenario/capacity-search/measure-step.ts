/**
 * One step of the capacity search on a running variant: a fresh load generator offers one constant
 * rate — `settleMs` not judged (connections open, the variant's queues reach their level), then
 * `stepDurationMs` judged — and waits for every run it started to finish or time out, so a step's
 * slow tail is counted in that step and does not leak into the next.
 */
import type { JourneyMix, JourneyRun } from '../../journeys/types.js';
import { startLoad, type LoadCounts } from '../../load/index.js';
import { judgeStep, type CapacityStep, type Slo } from '../../metrics/index.js';
import { RunAbortedError } from '../abortable.js';

export interface StepPlan {
  readonly edgeUrl: string;
  readonly mix: JourneyMix;
  readonly seed: number;
  readonly requestTimeoutMs: number;
  readonly settleMs: number;
  readonly stepDurationMs: number;
  readonly slo: Slo;
  readonly signal?: AbortSignal;
  /** Every finished run of the step, settle included, as it arrives (for the timeline). */
  readonly onRuns?: (runs: readonly JourneyRun[]) => void;
}

const NOTHING: LoadCounts = { offered: 0, started: 0, completed: 0, late: 0, dropped: 0, ok: 0, degraded: 0, failed: 0 };

export async function measureStep(plan: StepPlan, ratePerSecond: number): Promise<CapacityStep> {
  if (plan.signal?.aborted) throw new RunAbortedError();
  const stages = [
    ...(plan.settleMs > 0 ? [{ ratePerSecond, durationMs: plan.settleMs }] : []),
    { ratePerSecond, durationMs: plan.stepDurationMs },
  ];
  const load = await startLoad({ edgeUrl: plan.edgeUrl, stages, mix: plan.mix, seed: plan.seed, requestTimeoutMs: plan.requestTimeoutMs });
  const runs: JourneyRun[] = [];
  const abort = () => void load.stop();
  plan.signal?.addEventListener('abort', abort, { once: true });
  try {
    load.onRuns((batch) => {
      runs.push(...batch);
      plan.onRuns?.(batch);
    });
    const summary = await load.done();
    if (plan.signal?.aborted) throw new RunAbortedError();
    const startMs = summary.startedAtMs + plan.settleMs;
    return judgeStep(runs, {
      ratePerSecond,
      window: { startMs, endMs: startMs + plan.stepDurationMs },
      counts: summary.byStage.at(-1) ?? NOTHING,
      // From the schedule's start to the last run's end, the worker's start-up excluded.
      workerCpuShare: summary.durationMs > 0 ? summary.workerCpuMs / summary.durationMs : null,
    }, plan.slo);
  } finally {
    plan.signal?.removeEventListener('abort', abort);
    await load.stop();
  }
}
