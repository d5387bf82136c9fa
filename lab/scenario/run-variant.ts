/**
 * One scenario on one variant, start to finish:
 *
 *   start variant ─▶ measure (measure-with-faults.ts, or the capacity search) ─▶ heal ─▶ quiesce
 *     ─▶ integrity ─▶ stop
 *
 * Whatever ends it (the end, an error, Ctrl-C), every fault is healed, the traffic workers and every
 * process of the variant are stopped, and what was recorded so far is returned (marked incomplete).
 */
import { join } from 'node:path';
import { EdgeProxies, type FaultEvent, type FaultSpec, type InjectedFault } from '../faults/index.js';
import { checkIntegrity, waitForQuiescence, type IntegrityReport } from '../integrity/index.js';
import type { JourneyRun } from '../journeys/types.js';
import type { LoadSummary } from '../load/index.js';
import type { Capacity } from '../metrics/index.js';
import { brokerDirMarker, generatorFigures, judgeNoise, startNoiseGuard, type NoiseReport } from '../noise/index.js';
import { startVariant, type BrokerPool, type LifecycleEvent, type RunningVariant } from '../runner/index.js';
import type { Topology } from '../../boundary/topology.js';
import { runCapacitySearch } from './capacity-search/index.js';
import { FirstCalls, runScaleOut, type ScaleOutRecord } from '../scale-out/index.js';
import { hostsOf } from '../topology/predict.js';
import { withReplicas } from '../topology/replicas.js';
import { shopSettingsVariables } from '../../boundary/app-env.js';
import { measureWithFaults, type Measurement, type Writable } from './measure-with-faults.js';
import { planFaults } from './resolve-faults.js';
import type { Scenario } from './schema.js';
import type { SteadyStateCheck } from './steady-state.js';

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
  /** The traffic worker's summary: load and probe counts, rates, lateness, event-loop delay. */
  readonly load?: LoadSummary;
  /** Epoch ms at which the load's first stage began. */
  readonly loadStartedAtMs?: number;
  /** The capacity search's result (scenarios with a `capacity` block), judged step by step as it ran. */
  readonly capacity?: Capacity;
  /** A scale-out (scenarios with `scaling`): a capacity and a memory reading per replica count, and each scale command. */
  readonly scaling?: ScaleOutRecord;
  readonly integrity?: IntegrityReport & { readonly quiesced: boolean; readonly quiesceWaitedMs: number };
  /** The machine's quiet during the measurement window (the noise guard), with the generator's own figures. */
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
  /** Brokers shared across the command's runs; without one, the variant starts its own. */
  readonly brokerPool?: BrokerPool;
}

export async function runVariant({ scenario, topology: given, runDir, signal, onProgress, brokerPool }: RunVariantOptions): Promise<VariantRunRecord> {
  // A scale-out starts its module's host at the first of its replica counts.
  const scaledComponent = scenario.scaling && hostsOf(given, scenario.scaling.module)[0];
  const topology = scaledComponent ? withReplicas(given, { [scaledComponent]: scenario.scaling!.replicas[0]! }) : given;
  const firstCalls = new FirstCalls();
  const shopSettings = shopSettingsVariables(scenario.app ?? {});
  const plan = planFaults(scenario, topology);
  const specs = plan.faults;
  const runs: JourneyRun[] = [];
  const faultEvents: FaultEvent[] = [];
  const windows: FaultWindow[] = [];
  const injected: InjectedFault[] = [];
  const startedAtMs = Date.now();
  let proxies: EdgeProxies | undefined;
  let running: RunningVariant | undefined;
  const measured: Writable<Measurement & { capacity?: Capacity; scaling?: ScaleOutRecord }> = {};
  let integrity: VariantRunRecord['integrity'];
  let readyAfterMs: number | undefined;
  let error: string | undefined;
  try {
    onProgress?.('starting', 0);
    proxies = await EdgeProxies.start(specs);
    running = await startVariant(topology, {
      runDir: join(runDir, topology.variant), seed: scenario.seed, rewriteUrl: proxies.rewriteUrl, brokerPool,
      envFor: () => shopSettings, onLog: firstCalls.onLog, balanceEdge: scaledComponent === topology.edge,
    });
    readyAfterMs = Date.now() - startedAtMs;
    // Everything this process started (apps, broker guards and brokers, the traffic workers) is the lab's;
    // the broker's epmd leaves the tree, and is known by the broker folder in its environment.
    const brokerDirs = [join(runDir, topology.variant), ...(brokerPool ? [brokerPool.dir] : [])];
    const guardOptions = { environMarkers: brokerDirs.map(brokerDirMarker) };
    const edgeUrl = running.edgeUrl;
    if (scaledComponent) {
      // Scale-out: one capacity search per replica count (lab/scale-out/), no probes, as below.
      const guard = await startNoiseGuard(guardOptions);
      try {
        Object.assign(measured, await runScaleOut({ running, component: scaledComponent, scenario, firstCalls, signal, onRuns: (batch) => runs.push(...batch), onProgress }));
      } finally {
        measured.noiseSamples = await guard.stop();
      }
    } else if (scenario.capacity) {
      // Capacity: a search of short constant-rate steps replaces the warm-up, probes and fixed stages.
      const guard = await startNoiseGuard(guardOptions);
      try {
        Object.assign(measured, await runCapacitySearch({ edgeUrl, scenario, signal, onRuns: (batch) => runs.push(...batch), onProgress }));
      } finally {
        measured.noiseSamples = await guard.stop();
      }
    } else {
      const context = { running, topology, proxies, log: (e: FaultEvent) => faultEvents.push(e) };
      await measureWithFaults({ scenario, measureMs: plan.measureMs, specs, edgeUrl, context, guardOptions, runs, injected, windows, signal, onProgress }, measured);
    }
    onProgress?.('quiescing', 1);
    await Promise.all(injected.map((f) => f.heal()));
    const dataDir = running.dataDir;
    const quiescence = await waitForQuiescence(() => checkIntegrity({ topology, dataDir, runs }), { timeoutMs: scenario.timing.quiesceTimeoutMs });
    integrity = { ...quiescence.last, quiesced: quiescence.quiesced, quiesceWaitedMs: quiescence.waitedMs };
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  } finally {
    await Promise.allSettled(injected.map((f) => f.heal()));
    await running?.stop().catch(() => undefined);
    await proxies?.stop().catch(() => undefined);
  }
  const { load, noiseSamples } = measured;
  return {
    variant: topology.variant, topology, startedAtMs, readyAfterMs, window: measured.window, faults: windows, skippedFaults: plan.skipped,
    runs, events: running?.events() ?? [], faultEvents, load, loadStartedAtMs: measured.loadStartedAtMs, capacity: measured.capacity, scaling: measured.scaling, integrity,
    steadyBefore: measured.steadyBefore, centralLogPath: running?.centralLogPath,
    // The capacity search meets late and dropped runs on purpose: only the CPU is judged there.
    noise: noiseSamples && judgeNoise(noiseSamples, measured.capacity || measured.scaling ? undefined : generatorFigures([load], load?.eventLoopDelayMs.p99)),
    incomplete: error !== undefined, error,
  };
}
