/**
 * Downtime and time to recover per journey, from the probes alone (they run every journey at a fixed
 * interval, so the resolution is that interval whatever the load does).
 *
 * Each probe stands for its slot: from its scheduled time to the next probe's (the last one: one
 * interval). Over the slots the journey is up (ok or degraded) or down (failed).
 *   recovery   = the first moment R such that the journey is up during all of [R, R + 1 s) and never
 *                fails again while the fault lasts: R ≥ fault start, and R ≥ the end of the last failed
 *                slot that began before the fault ended (a crash loop with a quiet second inside is not
 *                recovered). R = fault start when nothing failed.
 *   downtime   = the down time between fault start and R (flapping before R counts; failures after R do
 *                not, they are in `failedMs`). Not recovered: down time until the last probe's slot ends.
 *   time to recover = R − fault start.
 * Without a fault (a baseline), downtime is every down slot of the run and no recovery is computed.
 */
import { JOURNEY_NAMES, type JourneyName, type JourneyRun } from '../journeys/types.js';
import { runsOf } from './runs.js';
import type { TimeWindow } from './types.js';

export const DEFAULT_PROBE_INTERVAL_MS = 25;
/** How long probes must keep succeeding for a recovery to count as sustained. */
export const SUSTAINED_RECOVERY_MS = 1000;

export interface DowntimeOptions {
  readonly fault?: TimeWindow;
  /** The length of the last probe's slot; 25 ms unless told. */
  readonly probeIntervalMs?: number;
  readonly sustainMs?: number;
}

export interface JourneyDowntime {
  readonly journey: JourneyName;
  readonly probes: number;
  readonly downtimeMs: number;
  /** Fault start to sustained recovery; null without a fault or when it never recovered. */
  readonly timeToRecoverMs: number | null;
  readonly recoveredAtMs: number | null;
  /** False when the probes never succeeded for `sustainMs` after the fault started (or there were none). */
  readonly recovered: boolean;
  /** Every down slot from fault start (run start without a fault) to the end, recovery or not. */
  readonly failedMs: number;
  /** Time answered degraded, from fault start (run start without a fault) to the end. */
  readonly degradedMs: number;
}

interface Slot { readonly startMs: number; readonly endMs: number; readonly outcome: JourneyRun['outcome'] }

export function downtimeByJourney(runs: readonly JourneyRun[], options: DowntimeOptions = {}): JourneyDowntime[] {
  return JOURNEY_NAMES.map((journey) => journeyDowntime(journey, runsOf(runs, journey, 'probe'), options));
}

export function journeyDowntime(journey: JourneyName, probes: readonly JourneyRun[], options: DowntimeOptions = {}): JourneyDowntime {
  const slots = slotsOf(probes, options.probeIntervalMs ?? DEFAULT_PROBE_INTERVAL_MS);
  const fromMs = options.fault?.startMs ?? slots[0]?.startMs ?? 0;
  const failedMs = timeIn(slots, 'failed', fromMs, Infinity);
  const degradedMs = timeIn(slots, 'degraded', fromMs, Infinity);
  const base = { journey, probes: probes.length, failedMs, degradedMs };
  if (!options.fault) return { ...base, downtimeMs: failedMs, timeToRecoverMs: null, recoveredAtMs: null, recovered: true };
  const lastFailureEndMs = slots
    .filter((slot) => slot.outcome === 'failed' && slot.endMs > fromMs && slot.startMs < (options.fault?.endMs ?? fromMs))
    .reduce((latest, slot) => Math.max(latest, slot.endMs), fromMs);
  const recoveredAtMs = recoveryMoment(slots, fromMs, lastFailureEndMs, options.sustainMs ?? SUSTAINED_RECOVERY_MS);
  return {
    ...base,
    downtimeMs: timeIn(slots, 'failed', fromMs, recoveredAtMs ?? Infinity),
    timeToRecoverMs: recoveredAtMs === undefined ? null : recoveredAtMs - fromMs,
    recoveredAtMs: recoveredAtMs ?? null,
    recovered: recoveredAtMs !== undefined,
  };
}

function slotsOf(probes: readonly JourneyRun[], intervalMs: number): Slot[] {
  const sorted = [...probes].sort((a, b) => a.scheduledMs - b.scheduledMs);
  return sorted.map((p, i) => ({
    startMs: p.scheduledMs,
    endMs: sorted[i + 1]?.scheduledMs ?? p.scheduledMs + intervalMs,
    outcome: p.outcome,
  }));
}

function recoveryMoment(slots: readonly Slot[], fromMs: number, notBeforeMs: number, sustainMs: number): number | undefined {
  let streakStartMs: number | undefined;
  let failedBefore = false;
  for (const slot of slots) {
    if (slot.endMs <= fromMs) continue;
    if (slot.outcome === 'failed') {
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

function timeIn(slots: readonly Slot[], outcome: JourneyRun['outcome'], fromMs: number, toMs: number): number {
  let total = 0;
  for (const slot of slots) {
    if (slot.outcome === outcome) total += Math.max(0, Math.min(slot.endMs, toMs) - Math.max(slot.startMs, fromMs));
  }
  return total;
}
