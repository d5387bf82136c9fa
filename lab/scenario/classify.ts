/** A journey's measured effect under a fault, in the words the hypotheses use. */
import type { AvailabilityShare, Percentiles } from '../metrics/index.js';
import { BLAST_RADIUS_AVAILABILITY_THRESHOLD } from '../metrics/index.js';
import type { Effect } from './schema.js';

/** A journey answering more than this share degraded in the fault window counts as degraded. */
export const DEGRADED_SHARE_THRESHOLD = 0.05;
/** Slow: fault-window p99 at least this many times the steady p99, and at least SLOW_MIN_EXTRA_MS more. */
export const SLOW_FACTOR = 2;
export const SLOW_MIN_EXTRA_MS = 100;

export function classifyEffect(window: AvailabilityShare | undefined, steady: Percentiles | null, faultWindow: Percentiles | null): Effect {
  if (!window || window.availability === null) return 'unaffected';
  if (window.availability < BLAST_RADIUS_AVAILABILITY_THRESHOLD) return 'failing';
  if ((window.degradedShare ?? 0) >= DEGRADED_SHARE_THRESHOLD) return 'degraded';
  if (steady && faultWindow && faultWindow.p99Ms >= Math.max(steady.p99Ms * SLOW_FACTOR, steady.p99Ms + SLOW_MIN_EXTRA_MS)) return 'slow';
  return 'unaffected';
}

/** Whether a measured effect bears out a predicted one: only availability is predicted, not speed. */
export function matchesPrediction(predicted: Effect, measured: Effect): boolean {
  if (predicted === 'failing' || predicted === 'degraded') return measured === predicted;
  return measured === 'unaffected' || measured === 'slow';
}
