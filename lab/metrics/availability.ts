/**
 * Availability per journey: the share of runs that answered (ok or degraded), in the fault window and
 * over the whole run, from every run (load and probes) and from the probes alone.
 */
import { JOURNEY_NAMES, type JourneyName, type JourneyRun } from '../journeys/types.js';
import { inWindow, share } from './runs.js';
import type { TimeWindow } from './types.js';

export interface AvailabilityShare {
  readonly runs: number;
  readonly ok: number;
  readonly degraded: number;
  readonly failed: number;
  /** (ok + degraded) / runs; null when there were no runs. */
  readonly availability: number | null;
  /** degraded / runs: the part of the availability that came without all its content. */
  readonly degradedShare: number | null;
}

export interface AvailabilityBySource {
  /** Load and probe runs together. */
  readonly all: AvailabilityShare;
  readonly probe: AvailabilityShare;
}

export interface JourneyAvailability {
  readonly journey: JourneyName;
  /** Runs scheduled in [fault.startMs, fault.endMs); null for a baseline. */
  readonly faultWindow: AvailabilityBySource | null;
  /** Every run, or those scheduled within the bounds when given. */
  readonly overall: AvailabilityBySource;
}

export interface AvailabilityOptions {
  readonly fault?: TimeWindow;
  readonly bounds?: TimeWindow;
}

export function availabilityByJourney(runs: readonly JourneyRun[], options: AvailabilityOptions = {}): JourneyAvailability[] {
  const { fault, bounds } = options;
  return JOURNEY_NAMES.map((journey) => {
    const mine = runs.filter((r) => r.journey === journey && (!bounds || inWindow(r, bounds)));
    return {
      journey,
      faultWindow: fault ? bySource(mine.filter((r) => inWindow(r, fault))) : null,
      overall: bySource(mine),
    };
  });
}

/** The fault-window availability (load + probes) of each journey: what blast radius and the matrix read. */
export function faultWindowAvailability(journeys: readonly JourneyAvailability[]): Partial<Record<JourneyName, number | null>> {
  return Object.fromEntries(journeys.map((j) => [j.journey, j.faultWindow?.all.availability ?? null]));
}

function bySource(runs: readonly JourneyRun[]): AvailabilityBySource {
  return { all: countShare(runs), probe: countShare(runs.filter((r) => r.source === 'probe')) };
}

export function countShare(runs: readonly JourneyRun[]): AvailabilityShare {
  let ok = 0;
  let degraded = 0;
  for (const r of runs) {
    if (r.outcome === 'ok') ok += 1;
    else if (r.outcome === 'degraded') degraded += 1;
  }
  return {
    runs: runs.length, ok, degraded, failed: runs.length - ok - degraded,
    availability: share(ok + degraded, runs.length), degradedShare: share(degraded, runs.length),
  };
}
