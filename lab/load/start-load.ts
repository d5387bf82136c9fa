import type { JourneyRun } from '../journeys/index.js';
import { generatorConfigSchema, STOP_GRACE_MS, type GeneratorOptions, type LoadOptions } from './config.js';
import { GeneratorProcess } from './generator-process.js';
import type { GeneratedRun } from './open-model.js';
import { parseGeneratorOptions } from './parse-options.js';
import type { LoadSummary } from './tally.js';

/** A load generator (and, when asked, its probe lanes) running in its own process. */
export interface RunningLoad<Run = JourneyRun> {
  /** Epoch ms of the schedule's time zero: the first run was due then. */
  readonly startedAtMs: number;
  readonly pid: number | undefined;
  /** Batches of finished runs (load and probe runs, told apart by `source`), about every 100 ms; batches sent before the first callback are replayed to it. */
  onRuns(callback: (runs: readonly Run[]) => void): void;
  /** Offered, started, completed, late, dropped per journey and stage, once every stage ran (or `stop()`). */
  done(): Promise<LoadSummary>;
  /**
   * Starts nothing more, lets in-flight runs finish (1 s at most), flushes, exits; kills the worker if
   * needed. Resolves with the summary (undefined only if the worker died without one). Idempotent.
   */
  stop(): Promise<LoadSummary | undefined>;
}

/**
 * Starts an open-model load (k6 constant-arrival-rate, in stages) against the public API:
 *
 *   const load = await startLoad({ edgeUrl, stages: [{ ratePerSecond: 100, durationMs: 60_000 }], seed: 7 });
 *   load.onRuns((runs) => timeline.add(runs));
 *   const summary = await load.done();
 */
export function startLoad(options: LoadOptions): Promise<RunningLoad> {
  const probes = options.probes && { ...options.probes, journeys: options.probes.journeys && [...options.probes.journeys] };
  return launch<JourneyRun>({ ...options, stages: [...options.stages], probes });
}

/** `startLoad` with the internal settings too: `raw-get` in the mix, `rawPath`, `reportRuns`. */
export function startGenerator(options: GeneratorOptions): Promise<RunningLoad<GeneratedRun>> {
  return launch<GeneratedRun>(options);
}

async function launch<Run extends GeneratedRun>(options: GeneratorOptions): Promise<GeneratorProcess<Run>> {
  const config = parseGeneratorOptions('load', generatorConfigSchema, options);
  return GeneratorProcess.start<Run>({ name: 'load', entry: 'lab/load/worker.ts', config, stopGraceMs: STOP_GRACE_MS });
}
