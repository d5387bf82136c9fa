/**
 * One scenario on one variant, start to finish:
 *
 *   start variant ─▶ warm-up (load + probes) ─▶ measurement window ─▶ quiesce ─▶ integrity ─▶ stop
 *                                                 │ faults injected at atMs, healed after durationMs
 *
 * Whatever ends it (the end, an error, Ctrl-C), every fault is healed, the traffic workers and every
 * process of the variant are stopped, and what was recorded so far is returned (marked incomplete).
 */
import { join } from 'node:path';
import { EdgeProxies, faultSpecSchema, injectFault, type FaultContext, type FaultEvent, type FaultSpec, type InjectedFault } from '../faults/index.js';
import { checkIntegrity, waitForQuiescence, type IntegrityReport } from '../integrity/index.js';
import { DEFAULT_MIX, type JourneyMix, type JourneyRun } from '../journeys/types.js';
import { startLoad, type LoadSummary, type RunningLoad } from '../load/index.js';
import { brokerDirMarker, generatorFigures, judgeNoise, startNoiseGuard, type NoiseReport, type NoiseSample, type RunningNoiseGuard } from '../noise/index.js';
import { startProbes, type RunningProbes } from '../probes/index.js';
import type { Capacity } from '../metrics/index.js';
import { startVariant, type LifecycleEvent, type RunningVariant } from '../runner/index.js';
import type { Topology } from '../topology/types.js';
import { sleepUntil } from './abortable.js';
import { runCapacitySearch } from './capacity-search/index.js';
import { sweep } from './sweep.js';
import { planFaults } from './resolve-faults.js';
import { warmUp } from './warm-up.js';
import type { Scenario } from './schema.js';
import { checkSteadyState, type SteadyStateCheck } from './steady-state.js';

/** The load runs a little past the measurement window, so a late worker start cannot end it early. */
const LOAD_SLACK_MS = 1_000;
const SWEEP_SLACK_MS = 120_000;
/** Probes and load run this long before the measurement window opens. */
const SETTLE_MS = 500;

export interface FaultWindow { readonly spec: FaultSpec; readonly startMs: number; readonly endMs: number }

export interface VariantRunRecord {
  readonly variant: Topology['variant'];
  readonly topology: Topology;
  readonly startedAtMs: number;
  readonly readyAfterMs?: number;
  readonly window?: { readonly startMs: number; readonly endMs: number };
  readonly faults: readonly FaultWindow[];
  readonly skippedFaults: readonly string[];
  readonly runs: readonly JourneyRun[];
  readonly events: readonly LifecycleEvent[];
  readonly faultEvents: readonly FaultEvent[];
  readonly load?: LoadSummary;
  /** Epoch ms at which the load's first stage began. */
  readonly loadStartedAtMs?: number;
  /** The capacity search's result (scenarios with a `capacity` block), judged step by step as it ran. */
  readonly capacity?: Capacity;
  readonly integrity?: IntegrityReport & { readonly quiesced: boolean; readonly quiesceWaitedMs: number };
  /** The machine's quiet during the measurement window (the noise guard), with the generators' own figures. */
  readonly noise?: NoiseReport;
  /** Steady state as checked just before the first fault, from the runs finished by then; absent without faults. */
  readonly steadyBefore?: SteadyStateCheck;
  readonly centralLogPath?: string;
  readonly incomplete: boolean;
  readonly error?: string;
}

export interface RunVariantOptions {
  readonly scenario: Scenario;
  readonly topology: Topology;
  readonly runDir: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (phase: string, fraction: number) => void;
}

export async function runVariant({ scenario, topology, runDir, signal, onProgress }: RunVariantOptions): Promise<VariantRunRecord> {
  const plan = planFaults(scenario, topology);
  const specs = plan.faults.map((f) => faultSpecSchema.parse(f));
  const runs: JourneyRun[] = [];
  const faultEvents: FaultEvent[] = [];
  const windows: FaultWindow[] = [];
  const injected: InjectedFault[] = [];
  const startedAtMs = Date.now();
  let proxies: EdgeProxies | undefined;
  let running: RunningVariant | undefined;
  let load: RunningLoad | undefined;
  let probes: RunningProbes | undefined;
  let loadSummary: LoadSummary | undefined;
  let integrity: VariantRunRecord['integrity'];
  let capacity: Capacity | undefined;
  let window: VariantRunRecord['window'];
  let readyAfterMs: number | undefined;
  let steadyBefore: SteadyStateCheck | undefined;
  let guard: RunningNoiseGuard | undefined;
  let noiseSamples: NoiseSample[] | undefined;
  let probeSummary: LoadSummary | undefined;
  let error: string | undefined;
  try {
    onProgress?.('starting', 0);
    proxies = await EdgeProxies.start(specs);
    running = await startVariant(topology, { runDir: join(runDir, topology.variant), seed: scenario.seed, rewriteUrl: proxies.rewriteUrl });
    readyAfterMs = Date.now() - startedAtMs;
    const edgeUrl = running.edgeUrl;
    const mix: JourneyMix = { ...DEFAULT_MIX, ...scenario.load.mix };
    // Everything this process started (apps, broker guards and brokers, the traffic workers) is the lab's;
    // the broker's epmd leaves the tree, and is known by the broker folder in its environment.
    const guardOptions = { environMarkers: [brokerDirMarker(join(runDir, topology.variant))] };
    if (scenario.capacity) {
      // Capacity: a search of short constant-rate steps replaces the warm-up, probes and fixed stages.
      guard = await startNoiseGuard(guardOptions);
      ({ capacity, window } = await runCapacitySearch({ edgeUrl, scenario, signal, onRuns: (batch) => runs.push(...batch), onProgress }));
      noiseSamples = await guard.stop();
      onProgress?.('quiescing', 1);
    } else {
      onProgress?.('warm-up', 0);
      await warmUp(edgeUrl, { ratePerSecond: scenario.load.stages?.[0]?.ratePerSecond ?? scenario.load.ratePerSecond, durationMs: scenario.timing.warmupMs, mix, seed: scenario.seed });
      // A sweep waits for each component to come back, so it runs as long as that takes: the load is
      // given ample time and stopped when the sweep ends.
      const loadMs = SETTLE_MS + (scenario.sweep ? plan.measureMs * 4 + SWEEP_SLACK_MS : plan.measureMs) + LOAD_SLACK_MS;
      const stages = scenario.load.stages ?? [{ ratePerSecond: scenario.load.ratePerSecond, durationMs: loadMs }];
      probes = await startProbes({ edgeUrl, intervalMs: scenario.probes.intervalMs, requestTimeoutMs: scenario.probes.timeoutMs, seed: scenario.seed });
      probes.onRuns((batch) => runs.push(...batch));
      if (stages.some((s) => s.ratePerSecond > 0)) {
        load = await startLoad({ edgeUrl, stages, mix, seed: scenario.seed, requestTimeoutMs: scenario.load.requestTimeoutMs });
        load.onRuns((batch) => runs.push(...batch));
      }
      // The clock starts once the probes and the load run: a slow worker start must not eat into it.
      const measureStart = Math.max(probes.startedAtMs, load?.startedAtMs ?? 0) + SETTLE_MS;
      const measureEnd = measureStart + plan.measureMs;
      window = { startMs: measureStart, endMs: measureEnd };
      await sleepUntil(measureStart, signal);
      guard = await startNoiseGuard(guardOptions);
      const context = { running, topology, proxies, log: (e: FaultEvent) => faultEvents.push(e) };
      // The steady-state gate: no fault goes in unless the variant was seen working normally first.
      const firstFaultAt = scenario.sweep ? measureStart + scenario.sweep.gapMs : measureStart + Math.min(...specs.map((s) => s.atMs));
      if (specs.length > 0) {
        await sleepUntil(firstFaultAt, signal);
        steadyBefore = checkSteadyState(runs, { startMs: measureStart - SETTLE_MS, endMs: firstFaultAt }, scenario.slo);
      }
      if (steadyBefore && !steadyBefore.met) {
        onProgress?.('not steady: no fault injected', 1);
        window = { startMs: measureStart, endMs: Date.now() };
      } else if (scenario.sweep) {
        await sweep(specs, scenario.sweep.gapMs, { context, edgeUrl, injected, windows, signal, onProgress, firstGapMs: 0 });
        window = { startMs: measureStart, endMs: Date.now() };
      } else {
        await faultsOnSchedule(specs, measureStart, { context, injected, windows, signal, onProgress: (elapsedMs) => onProgress?.('measuring', elapsedMs / plan.measureMs) });
        await sleepUntil(measureEnd, signal);
      }
      onProgress?.('quiescing', 1);
      noiseSamples = await guard.stop();
      loadSummary = await load?.stop();
      probeSummary = await probes.stop();
      await Promise.all(injected.map((f) => f.heal()));
    }
    const dataDir = running.dataDir;
    const quiescence = await waitForQuiescence(() => checkIntegrity({ topology, dataDir, runs }), { timeoutMs: scenario.timing.quiesceTimeoutMs });
    integrity = { ...quiescence.last, quiesced: quiescence.quiesced, quiesceWaitedMs: quiescence.waitedMs };
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  } finally {
    await guard?.stop().catch(() => undefined);
    await Promise.allSettled(injected.map((f) => f.heal()));
    await Promise.allSettled([load?.stop(), probes?.stop()]);
    await running?.stop().catch(() => undefined);
    await proxies?.stop().catch(() => undefined);
  }
  return {
    variant: topology.variant, topology, startedAtMs, readyAfterMs, window, faults: windows, skippedFaults: plan.skipped,
    runs, events: running?.events() ?? [], faultEvents, load: loadSummary, loadStartedAtMs: load?.startedAtMs, capacity, integrity, steadyBefore, centralLogPath: running?.centralLogPath,
    // The capacity search meets late and dropped runs on purpose: only the CPU is judged there.
    noise: noiseSamples && judgeNoise(noiseSamples, capacity ? undefined : generatorFigures([loadSummary, probeSummary])),
    incomplete: error !== undefined, error,
  };
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
