/**
 * The measurement of a fault scenario on a started variant:
 *
 *   warm-up ─▶ load + probes (one worker) ─▶ settle ─▶ window opens, noise guard on
 *     ─▶ steady-state gate at the first fault (not met: nothing injected, the window closes)
 *     ─▶ faults on schedule, or the sweep ─▶ window closes ─▶ guard off, traffic stopped
 *
 * The caller heals what is left in `injected`, whatever ends this.
 */
import { injectFault, type FaultContext, type FaultSpec, type InjectedFault } from '../faults/index.js';
import { DEFAULT_MIX, type JourneyRun } from '../journeys/types.js';
import { startLoad, type LoadSummary, type RunningLoad } from '../load/index.js';
import { startNoiseGuard, type NoiseGuardOptions, type NoiseSample, type RunningNoiseGuard } from '../noise/index.js';
import type { TimeWindow } from '../metrics/index.js';
import { sleepUntil } from './abortable.js';
import type { FaultWindow } from './run-variant.js';
import type { Scenario } from './schema.js';
import { checkSteadyState, type SteadyStateCheck } from './steady-state.js';
import { sweep } from './sweep.js';
import { warmUp } from './warm-up.js';

/** The load runs a little past the measurement window, so a late worker start cannot end it early. */
const LOAD_SLACK_MS = 1_000;
const SWEEP_SLACK_MS = 120_000;
/** Probes and load run this long before the measurement window opens. */
export const SETTLE_MS = 500;

export interface MeasureOptions {
  readonly scenario: Scenario;
  readonly measureMs: number;
  readonly specs: readonly FaultSpec[];
  readonly edgeUrl: string;
  readonly context: FaultContext;
  readonly guardOptions: NoiseGuardOptions;
  readonly runs: JourneyRun[];
  readonly injected: InjectedFault[];
  readonly windows: FaultWindow[];
  readonly signal?: AbortSignal;
  readonly onProgress?: (phase: string, fraction: number) => void;
}

export type Writable<T> = { -readonly [K in keyof T]: T[K] };

export interface Measurement {
  readonly window?: TimeWindow;
  readonly loadStartedAtMs?: number;
  readonly load?: LoadSummary;
  readonly noiseSamples?: NoiseSample[];
  readonly steadyBefore?: SteadyStateCheck;
}

/** Fills `result` as it goes, so a run cut short (an error, Ctrl-C) still has its window and what was measured. */
export async function measureWithFaults(options: MeasureOptions, result: Writable<Measurement> = {}): Promise<Measurement> {
  const { scenario, specs, edgeUrl, runs, signal, onProgress } = options;
  const mix = { ...DEFAULT_MIX, ...scenario.load.mix };
  let load: RunningLoad | undefined;
  let guard: RunningNoiseGuard | undefined;
  try {
    onProgress?.('warm-up', 0);
    await warmUp(edgeUrl, { ratePerSecond: scenario.load.stages?.[0]?.ratePerSecond ?? scenario.load.ratePerSecond, durationMs: scenario.timing.warmupMs, mix, seed: scenario.seed });
    // A sweep waits for each component to come back, so it runs as long as that takes: the load is
    // given ample time and stopped when the sweep ends.
    const loadMs = SETTLE_MS + (scenario.sweep ? options.measureMs * 4 + SWEEP_SLACK_MS : options.measureMs) + LOAD_SLACK_MS;
    const stages = scenario.load.stages ?? [{ ratePerSecond: scenario.load.ratePerSecond, durationMs: loadMs }];
    // One worker for load and probes: it probes a journey only where the load left it quiet for the interval.
    const probes = { intervalMs: scenario.probes.intervalMs, requestTimeoutMs: scenario.probes.timeoutMs, seed: scenario.seed };
    load = await startLoad({ edgeUrl, stages, mix, seed: scenario.seed, requestTimeoutMs: scenario.load.requestTimeoutMs, probes });
    load.onRuns((batch) => runs.push(...batch));
    result.loadStartedAtMs = load.startedAtMs;
    // The clock starts once the traffic runs: a slow worker start must not eat into it.
    const measureStart = load.startedAtMs + SETTLE_MS;
    const measureEnd = measureStart + options.measureMs;
    result.window = { startMs: measureStart, endMs: measureEnd };
    await sleepUntil(measureStart, signal);
    guard = await startNoiseGuard(options.guardOptions);
    // The steady-state gate: no fault goes in unless the variant was seen working normally first.
    if (specs.length > 0) {
      const firstFaultAt = measureStart + (scenario.sweep ? scenario.sweep.gapMs : Math.min(...specs.map((s) => s.atMs)));
      await sleepUntil(firstFaultAt, signal);
      result.steadyBefore = checkSteadyState(runs, { startMs: measureStart - SETTLE_MS, endMs: firstFaultAt }, scenario.slo);
    }
    const run = { context: options.context, injected: options.injected, windows: options.windows, signal };
    if (result.steadyBefore && !result.steadyBefore.met) {
      onProgress?.('not steady: no fault injected', 1);
      result.window = { startMs: measureStart, endMs: Date.now() };
    } else if (scenario.sweep) {
      await sweep(specs, scenario.sweep.gapMs, { ...run, edgeUrl, onProgress, firstGapMs: 0 });
      result.window = { startMs: measureStart, endMs: Date.now() };
    } else {
      await faultsOnSchedule(specs, measureStart, { ...run, onProgress: (elapsedMs) => onProgress?.('measuring', elapsedMs / options.measureMs) });
      await sleepUntil(measureEnd, signal);
    }
    onProgress?.('quiescing', 1);
    result.noiseSamples = await guard.stop();
    result.load = await load.stop();
    return result;
  } finally {
    await guard?.stop().catch(() => undefined);
    await load?.stop().catch(() => undefined);
  }
}

/**
 * Injects and heals each fault at its planned time from the start of the measurement. A fault's window
 * is recorded when it is injected, so a run cut short still knows which faults were in effect.
 */
async function faultsOnSchedule(
  specs: readonly FaultSpec[],
  measureStartMs: number,
  run: { context: FaultContext; injected: InjectedFault[]; windows: FaultWindow[]; signal?: AbortSignal; onProgress?: (elapsedMs: number) => void },
): Promise<void> {
  const steps = specs.flatMap((spec) => [
    { at: measureStartMs + spec.atMs, act: async () => {
      run.injected.push(await injectFault(spec, run.context));
      run.windows.push({ spec, startMs: measureStartMs + spec.atMs, endMs: measureStartMs + spec.atMs + spec.durationMs });
    } },
    { at: measureStartMs + spec.atMs + spec.durationMs, act: async () => { await run.injected.find((f) => f.spec === spec)?.heal(); } },
  ]).sort((a, b) => a.at - b.at);
  for (const step of steps) {
    await sleepUntil(step.at, run.signal);
    run.onProgress?.(Date.now() - measureStartMs);
    await step.act();
  }
}
