/**
 * From what one variant's run recorded to the figures and verdicts that go into run.json:
 * per journey downtime, availability, latency and effect; blast radius against the prediction;
 * the sweep's matrix and single points of failure; throughput, capacity and integrity.
 */
import { contractReads, contractSkew, type ContractSkew } from './contract-skew.js';
import { JOURNEY_NAMES, DEFAULT_MIX, type JourneyName } from '../journeys/types.js';
import {
  availabilityByJourney, blastRadius, downtimeByJourney, faultMatrix, faultWindowAvailability, latencySummary,
  rampCapacity, rampStageResult, scalingFigures, throughput, type BlastRadius, type ScalingFigures, type Capacity, type FaultMatrix, type JourneyAvailability, type JourneyDowntime,
  type LatencyGroup, type Throughput, type TimeWindow,
} from '../metrics/index.js';
import { predictFault } from '../faults/index.js';
import type { NoiseReport } from '../noise/index.js';
import { predictBlastRadius } from '../topology/predict.js';
import { classifyEffect, matchesPrediction } from './classify.js';
import { deployRecords, type DeployRecord } from './deploys.js';
import type { ScaleOutRecord } from '../scale-out/index.js';
import type { FaultWindow, VariantRunRecord } from './run-variant.js';
import type { Effect, Scenario } from './schema.js';
import { afterWindow, checkSteadyState, type SteadyStateCheck, type SteadyStateRecord } from './steady-state.js';

export interface JourneySummary {
  readonly journey: JourneyName;
  readonly effect: Effect;
  readonly predicted: Effect | null;
  readonly downtime: JourneyDowntime | null;
  readonly availability: JourneyAvailability | null;
  readonly latency: LatencyGroup;
}

export interface VariantSummary {
  readonly variant: VariantRunRecord['variant'];
  readonly incomplete: boolean;
  readonly error?: string;
  readonly readyAfterMs?: number;
  readonly faultWindow: TimeWindow | null;
  readonly faults: ReadonlyArray<FaultWindow & { readonly predicted: Record<JourneyName, Effect> }>;
  readonly skippedFaults: readonly string[];
  readonly journeys: readonly JourneySummary[];
  readonly blastRadius: BlastRadius | null;
  readonly prediction: { readonly matches: boolean; readonly mismatches: readonly string[] };
  readonly matrix: (FaultMatrix & { readonly predictedSpofs: readonly string[] }) | null;
  readonly throughput: Throughput | null;
  readonly capacity: Capacity | null;
  /** A scale-out: capacity and memory per replica count, each scale command, and the figures derived from them. */
  readonly scaling?: ScaleOutRecord & { readonly figures: ScalingFigures };
  readonly integrity: VariantRunRecord['integrity'] | null;
  readonly restarts: number;
  /** Checked before the first fault and after the last heal; null without faults. */
  readonly steadyState: SteadyStateRecord | null;
  /** The machine's quiet while this variant was measured (the noise guard); null when not sampled. */
  readonly noise: NoiseReport | null;
  /** What the traffic worker sent: load and probe runs started per second, and its own event-loop delay. */
  /** The release cost of each deploy (see deploys.ts); empty without one. */
  readonly deploys: readonly DeployRecord[];
  /** With `version` steps: the version-skew quadrants and what stayed parked (contract-skew.ts); null otherwise. */
  readonly contracts?: ContractSkew | null;
  readonly traffic: { readonly loadRunsPerSecond: number; readonly probeRunsPerSecond: number; readonly eventLoopDelayMs: { readonly p99: number; readonly max: number } } | null;
}

export function summarizeVariant(record: VariantRunRecord, scenario: Scenario): VariantSummary {
  const { runs, window, topology } = record;
  const faultWindow = scenario.sweep ? null : unionWindow(record.faults);
  const bounds = window ? { startMs: window.startMs, endMs: window.endMs } : undefined;
  const availability = availabilityByJourney(runs, { fault: faultWindow ?? undefined, bounds });
  const downtime = downtimeByJourney(runs, { fault: faultWindow ?? undefined, probeIntervalMs: scenario.probes.intervalMs, probeTimeoutMs: scenario.probes.timeoutMs });
  const latency = latencySummary(runs, { fault: faultWindow ?? undefined, bounds, warmupMs: 0 });
  const faults = record.faults.map((f) => ({ ...f, predicted: predictFault(f.spec, topology) }));
  const predicted = combinePredictions(faults.map((f) => f.predicted));
  const journeys = JOURNEY_NAMES.map((journey): JourneySummary => {
    const a = availability.find((x) => x.journey === journey) ?? null;
    const l = latency.byJourney[journey];
    return {
      journey,
      // Without a fault, the whole window is judged: a variant failing on its own is not "unaffected".
      effect: faultWindow ? classifyEffect(a?.faultWindow?.all, l.steady, l.faultWindow) : classifyEffect(a?.overall.all, null, null),
      predicted: predicted?.[journey] ?? null,
      downtime: downtime.find((d) => d.journey === journey) ?? null,
      availability: a,
      latency: l,
    };
  });
  const mismatches = journeys.filter((j) => j.predicted !== null && !matchesPrediction(j.predicted, j.effect))
    .map((j) => `${j.journey}: predicted ${j.predicted}, measured ${j.effect} (fault-window availability ${percent(j.availability?.faultWindow?.all.availability)})`);
  const mix = { ...DEFAULT_MIX, ...scenario.load.mix };
  return {
    variant: record.variant,
    incomplete: record.incomplete,
    error: record.error,
    readyAfterMs: record.readyAfterMs,
    faultWindow,
    faults,
    skippedFaults: record.skippedFaults,
    journeys,
    blastRadius: faultWindow ? blastRadius(faultWindowAvailability(availability), { mix }) : null,
    prediction: { matches: mismatches.length === 0, mismatches },
    matrix: scenario.sweep ? sweepMatrix(record) : null,
    throughput: bounds ? throughput(runs.filter((r) => r.source === 'load'), bounds) : null,
    capacity: record.capacity ?? (scenario.load.stages && window ? capacityOfRamp(record, scenario) : null),
    ...(record.scaling ? { scaling: { ...record.scaling, figures: scalingFigures(record.scaling.levels, record.scaling.component) } } : {}),
    integrity: record.integrity ?? null,
    restarts: record.events.filter((e) => e.type === 'restarting').length,
    steadyState: steadyStateOf(record, scenario),
    noise: record.noise ?? null,
    deploys: deployRecords({
      faults: record.faults, faultEvents: record.faultEvents, lifecycleEvents: record.events, runs: runs.filter((r) => r.source === 'load'), topology, sloP99Ms: scenario.slo.p99Ms,
    }),
    contracts: record.faults.some((f) => f.spec.kind === 'version') && record.centralLogPath
      ? contractSkew(contractReads(record.centralLogPath), record.faults, runs.filter((r) => r.source === 'load'))
      : null,
    traffic: record.load
      ? { loadRunsPerSecond: record.load.loadRunsPerSecond, probeRunsPerSecond: record.load.probeRunsPerSecond, eventLoopDelayMs: record.load.eventLoopDelayMs }
      : null,
  };
}

/**
 * Before: the check made live at the first fault, held again against every run of its window (runs that
 * were still in flight then are known now): met only if both say so. After: the last seconds of the
 * measurement window, once the last fault was healed.
 */
function steadyStateOf(record: VariantRunRecord, scenario: Scenario): SteadyStateRecord | null {
  const live = record.steadyBefore;
  if (!live) return null;
  const full = checkSteadyState(record.runs, live.window, scenario.slo);
  const before: SteadyStateCheck = { ...full, met: live.met && full.met, reasons: [...new Set([...live.reasons, ...full.reasons])] };
  // A sweep ends with a gap after the last component answered again: judge that gap, not the restart.
  const lastHealMs = scenario.sweep && record.window ? record.window.endMs - scenario.sweep.gapMs : Math.max(...record.faults.map((f) => f.endMs));
  const after = record.window && record.faults.length > 0 && !record.incomplete ? afterWindow(lastHealMs, record.window.endMs) : null;
  return { before, after: after ? checkSteadyState(record.runs, after, scenario.slo) : null };
}

function sweepMatrix(record: VariantRunRecord): VariantSummary['matrix'] {
  const sweep = record.faults.map((f) => ({
    component: f.spec.target,
    availability: faultWindowAvailability(availabilityByJourney(record.runs, { fault: { startMs: f.startMs, endMs: f.endMs } })),
  }));
  const matrix = faultMatrix(sweep);
  const predictedSpofs = record.faults.map((f) => f.spec.target)
    .filter((c) => Object.values(predictBlastRadius(record.topology, [c])).every((e) => e === 'failing'));
  return { ...matrix, predictedSpofs };
}

function capacityOfRamp(record: VariantRunRecord, scenario: Scenario): Capacity {
  const load = record.runs.filter((r) => r.source === 'load');
  let startMs = record.loadStartedAtMs ?? (record.window as TimeWindow).startMs;
  const stages = (scenario.load.stages ?? []).map((stage) => {
    const stageWindow = { startMs, endMs: startMs + stage.durationMs };
    startMs += stage.durationMs;
    return rampStageResult(load, stageWindow, stage.ratePerSecond);
  });
  return rampCapacity(stages, { sloP99Ms: scenario.slo.p99Ms, maxErrorRate: scenario.slo.maxErrorRate });
}

function unionWindow(faults: readonly FaultWindow[]): TimeWindow | null {
  if (faults.length === 0) return null;
  return { startMs: Math.min(...faults.map((f) => f.startMs)), endMs: Math.max(...faults.map((f) => f.endMs)) };
}

const SEVERITY: Record<Effect, number> = { unaffected: 0, slow: 1, degraded: 2, failing: 3 };

function combinePredictions(list: ReadonlyArray<Record<JourneyName, Effect>>): Record<JourneyName, Effect> | null {
  if (list.length === 0) return null;
  return Object.fromEntries(JOURNEY_NAMES.map((j) => [j, list.map((p) => p[j]).reduce((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a))])) as Record<JourneyName, Effect>;
}

export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? 'n/a' : `${(share * 100).toFixed(1)}%`;
}
