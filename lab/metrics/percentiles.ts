/** Latency percentiles through an HDR histogram: microsecond resolution, 3 significant digits. */
import { build } from 'hdr-histogram-js';
import type { Percentiles } from './types.js';

const MICROS_PER_MS = 1000;

export function percentilesOf(latenciesMs: readonly number[]): Percentiles | null {
  if (latenciesMs.length === 0) return null;
  const histogram = build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000 * MICROS_PER_MS, numberOfSignificantValueDigits: 3 });
  try {
    for (const ms of latenciesMs) histogram.recordValue(Math.max(1, Math.round(ms * MICROS_PER_MS)));
    const at = (percentile: number): number => histogram.getValueAtPercentile(percentile) / MICROS_PER_MS;
    return {
      count: latenciesMs.length,
      p50Ms: at(50),
      p95Ms: at(95),
      p99Ms: at(99),
      p999Ms: at(99.9),
      maxMs: histogram.maxValue / MICROS_PER_MS,
      meanMs: histogram.mean / MICROS_PER_MS,
    };
  } finally {
    histogram.destroy();
  }
}
