/** Hand-built journey runs for the measurement tests. */
import type { FailureCause, JourneyName, JourneyRun, Outcome } from '../journeys/types.js';

export const T0 = 1_700_000_000_000;

export function run(journey: JourneyName, atMs: number, outcome: Outcome, extra: Partial<JourneyRun> = {}): JourneyRun {
  const cause: FailureCause | undefined = outcome === 'failed' ? 'refused' : undefined;
  return { source: 'probe', journey, scheduledMs: T0 + atMs, latencyMs: 5, outcome, ...(cause ? { cause } : {}), ...extra };
}

/** Probes of one journey every `intervalMs` over [fromMs, toMs) (relative to T0), outcome chosen by time. */
export function probes(journey: JourneyName, fromMs: number, toMs: number, outcomeAt: (tMs: number) => Outcome, intervalMs = 25): JourneyRun[] {
  const out: JourneyRun[] = [];
  for (let t = fromMs; t < toMs; t += intervalMs) out.push(run(journey, t, outcomeAt(t)));
  return out;
}

/** Failed in [fromMs, toMs), ok elsewhere. */
export const failingBetween = (fromMs: number, toMs: number) => (t: number): Outcome => (t >= fromMs && t < toMs ? 'failed' : 'ok');

export const window = (startMs: number, endMs: number) => ({ startMs: T0 + startMs, endMs: T0 + endMs });
