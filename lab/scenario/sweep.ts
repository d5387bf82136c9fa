/**
 * The sweep breaks one component at a time, on the clock of what actually happens: a gap, the fault
 * for its duration, the heal (a broker's restart can take seconds), then a wait until the shop answers
 * again, so no window starts while the previous component is still coming back.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { injectFault, type FaultContext, type FaultSpec, type InjectedFault } from '../faults/index.js';
import { sleepUnlessAborted } from './abortable.js';
import type { FaultWindow } from './run-variant.js';

/** How long to wait for the shop to answer again after a component was healed. */
export const SWEEP_RECOVERY_TIMEOUT_MS = 60_000;

export interface SweepContext {
  readonly context: FaultContext;
  readonly edgeUrl: string;
  readonly injected: InjectedFault[];
  readonly windows: FaultWindow[];
  readonly signal?: AbortSignal;
  readonly onProgress?: (phase: string, fraction: number) => void;
  /** The gap before the first component; `gapMs` unless told (the caller may have waited already). */
  readonly firstGapMs?: number;
}

export async function sweep(specs: readonly FaultSpec[], gapMs: number, run: SweepContext): Promise<void> {
  for (const [index, spec] of specs.entries()) {
    await sleepUnlessAborted(index === 0 ? (run.firstGapMs ?? gapMs) : gapMs, run.signal);
    run.onProgress?.(`breaking ${spec.target}`, index / specs.length);
    const startMs = Date.now();
    const fault = await injectFault(spec, run.context);
    run.injected.push(fault);
    await sleepUnlessAborted(spec.durationMs, run.signal);
    await fault.heal();
    run.windows.push({ spec, startMs, endMs: startMs + spec.durationMs });
    await untilAnswering(run.edgeUrl, run.signal);
  }
  await sleepUnlessAborted(gapMs, run.signal);
}

async function untilAnswering(edgeUrl: string, signal: AbortSignal | undefined): Promise<void> {
  const deadline = Date.now() + SWEEP_RECOVERY_TIMEOUT_MS;
  while (Date.now() < deadline && !signal?.aborted) {
    const answered = await fetch(`${edgeUrl}/api/products?q=oak&pageSize=1`, { signal: AbortSignal.timeout(1_000) }).then((r) => r.ok, () => false);
    if (answered) return;
    await sleep(100);
  }
}
