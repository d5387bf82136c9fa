import type { JourneyRun } from '../journeys/index.js';
import { generatorConfigSchema } from '../load/config.js';
import { GeneratorProcess } from '../load/generator-process.js';
import { parseGeneratorOptions } from '../load/parse-options.js';
import type { LoadSummary } from '../load/tally.js';
import { PROBE_STOP_GRACE_MS, type ProbeOptions } from './config.js';

/** Probes running in their own process until stopped. */
export interface RunningProbes {
  /** Epoch ms of the first tick. */
  readonly startedAtMs: number;
  readonly pid: number | undefined;
  /** Batches of finished probe runs (`source: 'probe'`), about every 100 ms; earlier batches are replayed to a late callback. */
  onRuns(callback: (runs: readonly JourneyRun[]) => void): void;
  /**
   * Resolves once the worker flushed its last batch and exited (in-flight runs get 1 s, then are cut
   * off), with the probes' counts in `probes` (offered, completed, dropped… per journey). Idempotent.
   */
  stop(): Promise<LoadSummary | undefined>;
}

/** Longer than any run: probes without load go on until `stop()`. */
const UNTIL_STOPPED_MS = 2 ** 31 - 1;

/**
 * Runs every journey on a fixed interval with no load beside it: the generator worker with an idle
 * load lane. With load, pass `probes` to `startLoad` instead, so the load's runs count as samples.
 */
export async function startProbes(options: ProbeOptions): Promise<RunningProbes> {
  const { edgeUrl, ...probes } = options;
  const config = parseGeneratorOptions('probes', generatorConfigSchema, {
    edgeUrl, stages: [{ ratePerSecond: 0, durationMs: UNTIL_STOPPED_MS }], probes: { ...probes, journeys: probes.journeys && [...probes.journeys] },
  });
  const generator = await GeneratorProcess.start<JourneyRun>({ name: 'probes', entry: 'lab/load/worker.ts', config, stopGraceMs: PROBE_STOP_GRACE_MS });
  return {
    startedAtMs: generator.startedAtMs,
    pid: generator.pid,
    onRuns: (callback) => generator.onRuns(callback),
    stop: () => generator.stop(),
  };
}
