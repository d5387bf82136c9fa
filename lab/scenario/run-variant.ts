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
import { startProbes, type RunningProbes } from '../probes/index.js';
import { startVariant, type BrokerPool, type LifecycleEvent, type RunningVariant } from '../runner/index.js';
import type { Topology } from '../topology/types.js';
import { sleepUntil } from './abortable.js';
import { sweep } from './sweep.js';
import { planFaults } from './resolve-faults.js';
import { warmUp } from './warm-up.js';
import type { Scenario } from './schema.js';

/** The load runs a little past the measurement window, so a late worker start cannot end it early. */
const LOAD_SLACK_MS = 1_000;
const SWEEP_SLACK_MS = 120_000;
/** Probes and load run this long before the measurement window opens. */
const SETTLE_MS = 1_000;

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
  readonly integrity?: IntegrityReport & { readonly quiesced: boolean; readonly quiesceWaitedMs: number };
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
  /** Brokers shared across the runs of one command; private brokers per run without it. */
  readonly brokerPool?: BrokerPool;
}

export async function runVariant({ scenario, topology, runDir, signal, onProgress, brokerPool }: RunVariantOptions): Promise<VariantRunRecord> {
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
  let window: VariantRunRecord['window'];
  let readyAfterMs: number | undefined;
  let error: string | undefined;
  try {
    onProgress?.('starting', 0);
    proxies = await EdgeProxies.start(specs);
    running = await startVariant(topology, { runDir: join(runDir, topology.variant), seed: scenario.seed, rewriteUrl: proxies.rewriteUrl, brokerPool });
    readyAfterMs = Date.now() - startedAtMs;
    const edgeUrl = running.edgeUrl;
    const mix: JourneyMix = { ...DEFAULT_MIX, ...scenario.load.mix };
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
    const context = { running, topology, proxies, log: (e: FaultEvent) => faultEvents.push(e) };
    if (scenario.sweep) {
      await sweep(specs, scenario.sweep.gapMs, { context, edgeUrl, injected, windows, signal, onProgress });
      window = { startMs: measureStart, endMs: Date.now() };
    } else {
      await faultsOnSchedule(specs, measureStart, { context, injected, windows, signal, onProgress: (elapsedMs) => onProgress?.('measuring', elapsedMs / plan.measureMs) });
      await sleepUntil(measureEnd, signal);
    }
    onProgress?.('quiescing', 1);
    loadSummary = await load?.stop();
    await probes.stop();
    await Promise.all(injected.map((f) => f.heal()));
    const dataDir = running.dataDir;
    const quiescence = await waitForQuiescence(() => checkIntegrity({ topology, dataDir, runs }), { timeoutMs: scenario.timing.quiesceTimeoutMs });
    integrity = { ...quiescence.last, quiesced: quiescence.quiesced, quiesceWaitedMs: quiescence.waitedMs };
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  } finally {
    await Promise.allSettled(injected.map((f) => f.heal()));
    await Promise.allSettled([load?.stop(), probes?.stop()]);
    await running?.stop().catch(() => undefined);
    await proxies?.stop().catch(() => undefined);
  }
  return {
    variant: topology.variant, topology, startedAtMs, readyAfterMs, window, faults: windows, skippedFaults: plan.skipped,
    runs, events: running?.events() ?? [], faultEvents, load: loadSummary, loadStartedAtMs: load?.startedAtMs, integrity, centralLogPath: running?.centralLogPath,
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
