/**
 * Samples the machine's CPU and the lab's processes about once a second, so a run can tell whether
 * something outside the lab competed for the CPU while it measured.
 *
 *   start ─ baseline snapshot ─▶ every intervalMs: snapshot, sample(previous, this) ─▶ stop: last sample
 *
 * The lab is `rootPid` (this process unless told) with every descendant — app supervisors, load and
 * probe workers, broker guards and the brokers below them — plus `extraPids()` and processes carrying an
 * environment marker (epmd leaves the tree), with their descendants. Linux only: elsewhere the guard
 * starts, records nothing and says why in `unavailable`.
 */
import { join } from 'node:path';
import { labProcessKeys } from './lab-processes.js';
import { noiseSample, type NoiseSample } from './noise-sample.js';
import { clockTicksPerSecond, EnvironMarks, readCpuSnapshot } from './read-proc.js';
import type { CpuSnapshot } from './snapshot.js';

export const DEFAULT_NOISE_INTERVAL_MS = 1000;

export interface NoiseGuardOptions {
  /** The lab process; it and every descendant count as the lab's. `process.pid` unless told. */
  readonly rootPid?: number;
  /** More of the lab's processes outside that tree (descendants included), asked at every sample. */
  readonly extraPids?: () => readonly (number | undefined)[];
  /**
   * A process whose environment holds a variable starting with one of these (`ARCHLAB_INSTANCE_DIR=/abs/run/`)
   * is the lab's wherever it sits. Name this run's folder, so another lab on the machine stays foreign.
   */
  readonly environMarkers?: readonly string[];
  /** 1000 unless told; the report's "worst second" is the worst interval. */
  readonly intervalMs?: number;
  /** `/proc` unless told. */
  readonly procDir?: string;
  readonly onSample?: (sample: NoiseSample) => void;
}

export interface RunningNoiseGuard {
  /** Epoch ms of the baseline snapshot: the first sample starts there. */
  readonly startedAtMs: number;
  /** Why nothing is sampled (no readable /proc), or undefined. */
  readonly unavailable: string | undefined;
  /** The samples so far, oldest first (a copy). */
  samples(): NoiseSample[];
  /** Takes a last sample when at least half an interval passed since the previous one, then stops. Idempotent. */
  stop(): Promise<NoiseSample[]>;
}

export async function startNoiseGuard(options: NoiseGuardOptions = {}): Promise<RunningNoiseGuard> {
  const procDir = options.procDir ?? '/proc';
  const intervalMs = options.intervalMs ?? DEFAULT_NOISE_INTERVAL_MS;
  const rootPid = options.rootPid ?? process.pid;
  const marks = new EnvironMarks(procDir, options.environMarkers ?? []);
  const ticksPerSecond = await clockTicksPerSecond();
  const samples: NoiseSample[] = [];
  let labKeys = new Set<string>();

  const snapshot = async (): Promise<CpuSnapshot> => {
    const next = await readCpuSnapshot(procDir);
    await marks.refresh(next.processes);
    const extra = (options.extraPids?.() ?? []).filter((pid): pid is number => pid !== undefined);
    labKeys = labProcessKeys(next.processes, { rootPids: [rootPid, ...extra], knownKeys: labKeys, isMarked: (p) => marks.has(p) });
    return next;
  };

  let previous: CpuSnapshot;
  try {
    previous = await snapshot();
  } catch (error) {
    const reason = `cannot read ${join(procDir, 'stat')}: ${error instanceof Error ? error.message : String(error)}`;
    return { startedAtMs: Date.now(), unavailable: reason, samples: () => [], stop: () => Promise.resolve([]) };
  }
  const startedAtMs = previous.epochMs;
  const sampleNow = async () => {
    try {
      const next = await snapshot();
      const sample = noiseSample(previous, next, labKeys, ticksPerSecond);
      previous = next;
      samples.push(sample);
      options.onSample?.(sample);
    } catch {
      // A failed read (a full file table, say) leaves `previous` as it was: the next sample spans the gap.
    }
  };

  let ticking: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped: Promise<NoiseSample[]> | undefined;
  const schedule = (dueMonotonicMs: number) => {
    timer = setTimeout(() => {
      ticking = sampleNow();
      void ticking.then(() => stopped === undefined && schedule(nextDue(dueMonotonicMs, intervalMs, performance.now())));
    }, Math.max(0, dueMonotonicMs - performance.now()));
    timer.unref();
  };
  schedule(previous.monotonicMs + intervalMs);

  return {
    startedAtMs,
    unavailable: undefined,
    samples: () => [...samples],
    stop: () => (stopped ??= (async () => {
      clearTimeout(timer);
      await ticking;
      if (performance.now() - previous.monotonicMs >= intervalMs / 2) await sampleNow();
      return [...samples];
    })()),
  };
}

/** Keeps samples on a fixed grid from the start; a tick that ran late skips the slots it missed. */
export function nextDue(lastDueMs: number, intervalMs: number, nowMs: number): number {
  const missed = Math.max(0, Math.floor((nowMs - lastDueMs) / intervalMs));
  return lastDueMs + (missed + 1) * intervalMs;
}
