/**
 * The scale-out scenario on a running variant, in place of one capacity search:
 *
 *   search at N₁ replicas ─▶ read memory ─▶ scale to N₂ under light traffic ─▶ wait for its first call
 *     ─▶ search at N₂ (starting from N₁'s capacity) ─▶ read memory ─▶ … N_last
 *
 * The scale command adds one replica at a time (`addInstance`: started, ready, then given to HAProxy
 * when it is the edge; the queue and the registry find it themselves). Light traffic (half the last
 * capacity) runs from the command on, so "time to traffic" is the time until a user's request would
 * reach the new replica: start-up, readiness, discovery and the first call it answered.
 */
import type { JourneyRun } from '../journeys/types.js';
import { startLoad } from '../load/index.js';
import type { ScaleCommand, ScalingLevel, TimeWindow } from '../metrics/index.js';
import type { RunningVariant } from '../runner/index.js';
import { capacityMix, runCapacitySearch } from '../scenario/capacity-search/index.js';
import type { Scenario } from '../scenario/schema.js';
import type { FirstCalls } from './first-calls.js';
import { readResidentMemory, type NamedProcess } from './resident-memory.js';

export interface ScaleOutOptions {
  readonly running: RunningVariant;
  /** The app that hosts the scenario's module in this variant. */
  readonly component: string;
  readonly scenario: Scenario;
  readonly firstCalls: FirstCalls;
  readonly signal?: AbortSignal;
  readonly onRuns?: (runs: readonly JourneyRun[]) => void;
  readonly onProgress?: (phase: string, fraction: number) => void;
}

export interface ScaleOutRecord {
  readonly component: string;
  readonly module: string;
  readonly levels: readonly ScalingLevel[];
  readonly commands: readonly ScaleCommand[];
}

export async function runScaleOut(options: ScaleOutOptions): Promise<{ scaling: ScaleOutRecord; window: TimeWindow | undefined }> {
  const { running, component, scenario } = options;
  const spec = scenario.scaling!;
  const levels: ScalingLevel[] = [];
  const commands: ScaleCommand[] = [];
  let startRatePerSecond = scenario.capacity!.startRatePerSecond;
  let window: TimeWindow | undefined;
  for (const [i, replicas] of spec.replicas.entries()) {
    const progress = (phase: string, fraction: number) => options.onProgress?.(`${replicas} × ${component}: ${phase}`, (i + Math.min(1, fraction)) / spec.replicas.length);
    if (i > 0) commands.push(...await scaleOutUnderTraffic(options, replicas, startRatePerSecond / 2));
    const search = await runCapacitySearch({
      edgeUrl: running.edgeUrl, scenario: { ...scenario, capacity: { ...scenario.capacity!, startRatePerSecond } },
      signal: options.signal, onRuns: options.onRuns, onProgress: progress,
    });
    const memory = await readResidentMemory(variantProcesses(running));
    levels.push({ replicas, capacity: search.capacity, memory });
    if (search.window) window = { startMs: window?.startMs ?? search.window.startMs, endMs: search.window.endMs };
    // The next count starts where this one held: fewer steps to find a knee that can only be higher.
    if (search.capacity.capacityPerSecond !== null && !search.capacity.censored) startRatePerSecond = search.capacity.capacityPerSecond;
  }
  return { scaling: { component, module: spec.module, levels, commands }, window };
}

async function scaleOutUnderTraffic(options: ScaleOutOptions, to: number, ratePerSecond: number): Promise<ScaleCommand[]> {
  const { running, component, scenario, firstCalls } = options;
  const spec = scenario.scaling!;
  const traffic = await startLoad({
    edgeUrl: running.edgeUrl, mix: capacityMix(scenario), seed: scenario.seed + to, requestTimeoutMs: scenario.load.requestTimeoutMs,
    stages: [{ ratePerSecond: Math.max(1, Math.round(ratePerSecond)), durationMs: 10 * spec.trafficWaitMs }],
  });
  traffic.onRuns((runs) => options.onRuns?.(runs));
  try {
    const started: Array<{ from: number; instance: number; commandAtMs: number; readyAfterMs: number }> = [];
    const commandAtMs = Date.now();
    for (let from = running.replicaIndexes(component).length; from < to; from++) {
      options.onProgress?.(`scaling ${component} to ${from + 1}`, 0);
      const instance = await running.addInstance(component, { signal: options.signal });
      started.push({ from, instance, commandAtMs, readyAfterMs: Date.now() - commandAtMs });
    }
    await firstCalls.waitFor(component, started.map((s) => s.instance), spec.module, spec.trafficWaitMs);
    return started.map(({ from, instance, readyAfterMs }) => {
      const firstCallAt = firstCalls.at(component, instance, spec.module);
      return { fromReplicas: from, toReplicas: from + 1, instance, commandAtMs, readyAfterMs, firstCallAfterMs: firstCallAt === undefined ? null : firstCallAt - commandAtMs };
    });
  } finally {
    await traffic.stop();
  }
}

/** Every process of the variant now: each app replica, each broker, HAProxy when there is one. */
export function variantProcesses(running: RunningVariant): NamedProcess[] {
  const named: NamedProcess[] = [];
  for (const component of running.components) {
    if (component.kind === 'broker') {
      const { pid } = running.instance(component.name);
      if (pid !== undefined) named.push({ name: component.name, kind: 'broker', pid });
      continue;
    }
    for (const index of running.replicaIndexes(component.name)) {
      const { pid } = running.instance(component.name, index);
      if (pid !== undefined) named.push({ name: `${component.name}[${index}]`, kind: 'app', pid });
    }
  }
  const balancer = running.loadBalancer;
  const pid = balancer?.pid();
  if (balancer && pid !== undefined) named.push({ name: balancer.name, kind: 'load-balancer', pid });
  return named;
}


