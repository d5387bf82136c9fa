/**
 * The spread of one figure over repeated runs:
 *
 *   median   the middle value (mean of the two middle ones for an even count)
 *   ci95     95% bootstrap confidence interval of the median: resample the values with replacement
 *            BOOTSTRAP_RESAMPLES times (seeded, so the same values give the same interval), take each
 *            resample's median, and read the 2.5th and 97.5th percentiles of those medians
 *   cv       coefficient of variation: sample standard deviation ÷ mean (null when the mean is 0)
 *
 * With three repeats the interval is wide by nature: it says how little three runs pin a figure down.
 */
import { mulberry32 } from '../../shared-domain/index.js';

export const BOOTSTRAP_RESAMPLES = 2_000;

export interface Spread {
  readonly values: readonly number[];
  readonly median: number;
  readonly ci95: readonly [number, number];
  readonly cv: number | null;
}

export function spreadOf(values: readonly number[], seed = 1): Spread | null {
  if (values.length === 0) return null;
  const median = medianOf(values);
  const random = mulberry32(seed);
  const medians: number[] = [];
  for (let i = 0; i < BOOTSTRAP_RESAMPLES; i += 1) {
    medians.push(medianOf(values.map(() => values[Math.floor(random() * values.length)] as number)));
  }
  medians.sort((a, b) => a - b);
  const at = (p: number) => medians[Math.min(medians.length - 1, Math.max(0, Math.floor(p * medians.length)))] as number;
  return { values: [...values], median, ci95: [at(0.025), at(0.975)], cv: coefficientOfVariation(values) };
}

export function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function coefficientOfVariation(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (mean === 0) return null;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1);
  return Math.sqrt(variance) / Math.abs(mean);
}
