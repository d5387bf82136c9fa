import type { JourneyRun } from '../journeys/index.js';
import { GeneratorProcess } from '../load/generator-process.js';
import { parseGeneratorOptions } from '../load/parse-options.js';
import type { LoadSummary } from '../load/tally.js';
import { PROBE_STOP_GRACE_MS, probeConfigSchema, type ProbeOptions } from './config.js';

/** Probes running in their own process until stopped. */
export interface RunningProbes {
  /** Epoch ms of the first tick. */
  readonly startedAtMs: number;
  readonly pid: number | undefined;
  /** Batches of finished probe runs (`source: 'probe'`), about every 100 ms; earlier batches are replayed to a late callback. */
  onRuns(callback: (runs: readonly JourneyRun[]) => void): void;
  /**
   * Resolves once the worker flushed its last batch and exited (in-flight runs get 1 s, then are cut
   * off), with counts per journey (offered, completed, dropped…). Idempotent.
   */
  stop(): Promise<LoadSummary | undefined>;
}

/**
 * Runs every journey on a fixed interval, independent of the load, so downtime is resolved to the
 * interval whatever the load rate. Each tick starts a run even if the previous one is still going.
 */
export async function startProbes(options: ProbeOptions): Promise<RunningProbes> {
  const config = parseGeneratorOptions('probes', probeConfigSchema, { ...options, journeys: options.journeys && [...options.journeys] });
  const generator = await GeneratorProcess.start<JourneyRun>({ name: 'probes', entry: 'lab/probes/worker.ts', config, stopGraceMs: PROBE_STOP_GRACE_MS });
  return {
    startedAtMs: generator.startedAtMs,
    pid: generator.pid,
    onRuns: (callback) => generator.onRuns(callback),
    stop: () => generator.stop(),
  };
}
