/**
 * The studio's live figures: for each journey, availability (answered, degraded included, over all runs
 * of the second) and p99 latency per second over the last 60 s, from the runs the load generator
 * reports. Seconds with no run are null, so a chart shows a gap rather than a made-up 100%.
 */
import { JOURNEY_NAMES, type JourneyName, type JourneyRun } from '../journeys/types.js';

export const WINDOW_SECONDS = 60;

export interface JourneySeries {
  /** One value per second, oldest first: the share of runs answered (0..1), or null without runs. */
  readonly availability: ReadonlyArray<number | null>;
  readonly p99Ms: ReadonlyArray<number | null>;
  /** The same second's degraded share (answered, but without a part). */
  readonly degraded: ReadonlyArray<number | null>;
}

export interface LiveSnapshot {
  /** Epoch ms of the start of the first (oldest) second. */
  readonly fromMs: number;
  readonly journeys: Readonly<Record<JourneyName, JourneySeries>>;
}

interface Second { total: number; answered: number; degraded: number; latencies: number[] }

export class LiveWindow {
  readonly #seconds = new Map<number, Record<JourneyName, Second>>();

  add(runs: readonly JourneyRun[]): void {
    for (const run of runs) {
      const second = Math.floor(run.scheduledMs / 1000);
      let bucket = this.#seconds.get(second);
      if (!bucket) this.#seconds.set(second, bucket = Object.fromEntries(JOURNEY_NAMES.map((j) => [j, { total: 0, answered: 0, degraded: 0, latencies: [] as number[] }])) as unknown as Record<JourneyName, Second>);
      const cell = bucket[run.journey];
      cell.total += 1;
      if (run.outcome !== 'failed') cell.answered += 1;
      if (run.outcome === 'degraded') cell.degraded += 1;
      cell.latencies.push(run.latencyMs);
    }
  }

  /** The last 60 whole seconds before `nowMs`; older seconds are forgotten. */
  snapshot(nowMs = Date.now()): LiveSnapshot {
    const last = Math.floor(nowMs / 1000) - 1;
    const first = last - WINDOW_SECONDS + 1;
    for (const second of this.#seconds.keys()) if (second < first) this.#seconds.delete(second);
    const seconds = Array.from({ length: WINDOW_SECONDS }, (_, i) => this.#seconds.get(first + i));
    const journeys = Object.fromEntries(JOURNEY_NAMES.map((journey) => {
      const cells = seconds.map((s) => s?.[journey]);
      return [journey, {
        availability: cells.map((c) => (c && c.total > 0 ? c.answered / c.total : null)),
        degraded: cells.map((c) => (c && c.total > 0 ? c.degraded / c.total : null)),
        p99Ms: cells.map((c) => (c && c.latencies.length > 0 ? p99(c.latencies) : null)),
      }];
    })) as unknown as Record<JourneyName, JourneySeries>;
    return { fromMs: first * 1000, journeys };
  }
}

function p99(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)]!);
}
