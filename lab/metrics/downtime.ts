/**
 * Downtime and time to recover per journey, from every run of the journey: the load's runs and the
 * probes. The generator probes a journey only once no run of it (load or probe) has started for the
 * probe interval, so consecutive samples are never further apart than that interval whatever the load.
 *
 * The samples, sorted by scheduled time, each stand for their slot: from their scheduled time to the
 * next sample's (the last one: one probe interval). A sample is down when it failed, or when it took
 * longer than the probe timeout from its scheduled start: a load run has a longer request timeout than
 * a probe, and a probe that slow would have timed out. Otherwise it is up (ok or degraded).
 *   recovery   = the first moment R such that the journey is up during all of [R, R + 1 s) and never
 *                fails again while the fault lasts: R ≥ fault start, and R ≥ the end of the last down
 *                slot that began before the fault ended (a crash loop with a quiet second inside is not
 *                recovered). R = fault start when nothing was down.
 *   downtime   = the down time between fault start and R (flapping before R counts; failures after R do
 *                not, they are in `failedMs`). Not recovered: down time until the last sample's slot ends.
 *   time to recover = R − fault start.
 * Without a fault (a baseline), downtime is every down slot of the run and no recovery is computed.
 */
import { JOURNEY_NAMES, type JourneyName, type JourneyRun } from '../journeys/types.js';
import { isSuccess, runsOf } from './runs.js';
import type { TimeWindow } from './types.js';

export const DEFAULT_PROBE_INTERVAL_MS = 25;
/** How long probes must keep succeeding for a recovery to count as sustained. */
export const SUSTAINED_RECOVERY_MS = 1000;

export interface DowntimeOptions {
  readonly fault?: TimeWindow;
  /** The length of the last sample's slot; 25 ms unless told. */
  readonly probeIntervalMs?: number;
  /** A sample that took longer than this from its scheduled start is down, answered or not. No limit unless told. */
  readonly probeTimeoutMs?: number;
  readonly sustainMs?: number;
}

export interface JourneyDowntime {
  readonly journey: JourneyName;
  /** Runs the downtime was read from: load and probe runs. */
  readonly samples: number;
  /** How many of them were probes. */
  readonly probes: number;
  readonly downtimeMs: number;
  /** Fault start to sustained recovery; null without a fault or when it never recovered. */
  readonly timeToRecoverMs: number | null;
  readonly recoveredAtMs: number | null;
  /** False when the journey was never up for `sustainMs` after the fault started (or there were no samples). */
  readonly recovered: boolean;
  /** Every down slot from fault start (run start without a fault) to the end, recovery or not. */
  readonly failedMs: number;
  /** Time answered degraded (within the probe timeout), from fault start (run start without a fault) to the end. */
  readonly degradedMs: number;
}

type SlotState = 'up' | 'degraded' | 'down';
interface Slot { readonly startMs: number; readonly endMs: number; readonly state: SlotState }

export function downtimeByJourney(runs: readonly JourneyRun[], options: DowntimeOptions = {}): JourneyDowntime[] {
  return JOURNEY_NAMES.map((journey) => journeyDowntime(journey, runsOf(runs, journey), options));
}

/** `samples`: the journey's runs, load and probes, in any order. */
export function journeyDowntime(journey: JourneyName, samples: readonly JourneyRun[], options: DowntimeOptions = {}): JourneyDowntime {
  const slots = slotsOf(samples, options.probeIntervalMs ?? DEFAULT_PROBE_INTERVAL_MS, options.probeTimeoutMs ?? Infinity);
  const fromMs = options.fault?.startMs ?? slots[0]?.startMs ?? 0;
  const failedMs = timeIn(slots, 'down', fromMs, Infinity);
  const degradedMs = timeIn(slots, 'degraded', fromMs, Infinity);
  const base = { journey, samples: samples.length, probes: samples.filter((r) => r.source === 'probe').length, failedMs, degradedMs };
  if (!options.fault) return { ...base, downtimeMs: failedMs, timeToRecoverMs: null, recoveredAtMs: null, recovered: true };
  const lastFailureEndMs = slots
    .filter((slot) => slot.state === 'down' && slot.endMs > fromMs && slot.startMs < (options.fault?.endMs ?? fromMs))
    .reduce((latest, slot) => Math.max(latest, slot.endMs), fromMs);
  const recoveredAtMs = recoveryMoment(slots, fromMs, lastFailureEndMs, options.sustainMs ?? SUSTAINED_RECOVERY_MS);
  return {
    ...base,
    downtimeMs: timeIn(slots, 'down', fromMs, recoveredAtMs ?? Infinity),
    timeToRecoverMs: recoveredAtMs === undefined ? null : recoveredAtMs - fromMs,
    recoveredAtMs: recoveredAtMs ?? null,
    recovered: recoveredAtMs !== undefined,
  };
}

function slotsOf(samples: readonly JourneyRun[], intervalMs: number, timeoutMs: number): Slot[] {
  const sorted = [...samples].sort((a, b) => a.scheduledMs - b.scheduledMs);
  return sorted.map((r, i) => ({
    startMs: r.scheduledMs,
    endMs: sorted[i + 1]?.scheduledMs ?? r.scheduledMs + intervalMs,
    state: stateOf(r, timeoutMs),
  }));
}

function stateOf(sample: JourneyRun, timeoutMs: number): SlotState {
  if (!isSuccess(sample) || sample.latencyMs > timeoutMs) return 'down';
  return sample.outcome === 'degraded' ? 'degraded' : 'up';
}

function recoveryMoment(slots: readonly Slot[], fromMs: number, notBeforeMs: number, sustainMs: number): number | undefined {
  let streakStartMs: number | undefined;
  let failedBefore = false;
  for (const slot of slots) {
    if (slot.endMs <= fromMs) continue;
    if (slot.state === 'down') {
      streakStartMs = undefined;
      failedBefore = true;
      continue;
    }
    if (slot.endMs <= notBeforeMs) continue;
    streakStartMs ??= Math.max(slot.startMs, fromMs, notBeforeMs);
    if (slot.endMs - streakStartMs >= sustainMs) return failedBefore ? streakStartMs : fromMs;
  }
  return undefined;
}

function timeIn(slots: readonly Slot[], state: SlotState, fromMs: number, toMs: number): number {
  let total = 0;
  for (const slot of slots) {
    if (slot.state === state) total += Math.max(0, Math.min(slot.endMs, toMs) - Math.max(slot.startMs, fromMs));
  }
  return total;
}
