import { describe, expect, it } from 'vitest';
import { medianOf, spreadOf } from './spread.js';

describe('spread over repeats', () => {
  it('gives the median, an interval that holds it, and the coefficient of variation', () => {
    const s = spreadOf([5_700, 5_800, 6_100])!;
    expect(s.median).toBe(5_800);
    expect(s.ci95[0]).toBeGreaterThanOrEqual(5_700);
    expect(s.ci95[1]).toBeLessThanOrEqual(6_100);
    expect(s.ci95[0]).toBeLessThanOrEqual(s.median);
    expect(s.ci95[1]).toBeGreaterThanOrEqual(s.median);
    expect(s.cv).toBeCloseTo(208.17 / 5_866.67, 3);
  });

  it('is the same for the same values (seeded) and narrow when the values agree', () => {
    expect(spreadOf([1, 9, 4, 7])).toEqual(spreadOf([1, 9, 4, 7]));
    expect(spreadOf([3, 3, 3])).toEqual({ values: [3, 3, 3], median: 3, ci95: [3, 3], cv: 0 });
  });

  it('handles one value and none', () => {
    expect(spreadOf([])).toBeNull();
    expect(spreadOf([42])).toEqual({ values: [42], median: 42, ci95: [42, 42], cv: null });
    expect(medianOf([4, 1, 3, 2])).toBe(2.5);
  });
});
