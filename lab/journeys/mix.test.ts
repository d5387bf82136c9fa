import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../shared-domain/index.js';
import { DEFAULT_MIX, weightedPicker } from './index.js';

describe('weightedPicker', () => {
  it('draws journeys in proportion to their weights', () => {
    const pick = weightedPicker(DEFAULT_MIX);
    const random = mulberry32(3);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 20_000; i++) {
      const kind = pick(random());
      counts[kind] = (counts[kind] ?? 0) + 1;
    }
    expect(counts.browse! / 20_000).toBeCloseTo(0.4, 1);
    expect(counts.product! / 20_000).toBeCloseTo(0.35, 1);
    expect(counts.cart! / 20_000).toBeCloseTo(0.15, 1);
    expect(counts.checkout! / 20_000).toBeCloseTo(0.1, 1);
  });

  it('never draws a zero weight, and refuses a mix without a positive one', () => {
    const pick = weightedPicker({ browse: 0, product: 2 });
    expect(new Set([0, 0.3, 0.99].map(pick))).toEqual(new Set(['product']));
    expect(() => weightedPicker({ browse: 0 })).toThrow(RangeError);
  });
});
