/**
 * Blast radius of one fault: the journeys whose fault-window availability fell below 99%, as a plain
 * share of the journeys and weighted by the traffic mix (a hit on `browse` matters more than on
 * `checkout` when browse carries four times the traffic).
 */
import { DEFAULT_MIX, JOURNEY_NAMES, type JourneyMix, type JourneyName } from '../journeys/types.js';

/** A journey is hit when its fault-window availability is below this. */
export const BLAST_RADIUS_AVAILABILITY_THRESHOLD = 0.99;

export interface BlastRadius {
  readonly threshold: number;
  readonly hit: readonly JourneyName[];
  /** Journeys with no run in the fault window: counted as not hit, listed so nobody mistakes it. */
  readonly unmeasured: readonly JourneyName[];
  /** hit / journeys measured, in [0, 1]. */
  readonly share: number;
  /** Σ weight(hit) / Σ weight(measured), in [0, 1]. */
  readonly weightedShare: number;
  readonly availability: Readonly<Partial<Record<JourneyName, number | null>>>;
}

export function blastRadius(
  availability: Readonly<Partial<Record<JourneyName, number | null>>>,
  options: { mix?: JourneyMix; threshold?: number } = {},
): BlastRadius {
  const mix = options.mix ?? DEFAULT_MIX;
  const threshold = options.threshold ?? BLAST_RADIUS_AVAILABILITY_THRESHOLD;
  const measured = JOURNEY_NAMES.filter((j) => typeof availability[j] === 'number');
  const hit = measured.filter((j) => (availability[j] as number) < threshold);
  const weight = (journeys: readonly JourneyName[]): number => journeys.reduce((sum, j) => sum + mix[j], 0);
  return {
    threshold,
    hit,
    unmeasured: JOURNEY_NAMES.filter((j) => !measured.includes(j)),
    share: measured.length === 0 ? 0 : hit.length / measured.length,
    weightedShare: weight(measured) === 0 ? 0 : weight(hit) / weight(measured),
    availability,
  };
}
