/** The figures derived from a scale-out, on synthetic levels. */
import { describe, expect, it } from 'vitest';
import type { Capacity } from './capacity.js';
import { scalingFigures, type ScalingLevel } from './scaling.js';

const capacity = (perSecond: number | null, censored = false): Capacity => ({
  method: 'search', sloP99Ms: 500, maxErrorRate: 0.01, capacityPerSecond: perSecond, censored, limit: censored ? 'generator' : 'slo',
  failedAtPerSecond: null, generatorCeilingPerSecond: null, steps: [],
});
const level = (replicas: number, perSecond: number | null, totalMb: number, censored = false): ScalingLevel => ({
  replicas, capacity: capacity(perSecond, censored),
  memory: {
    atMs: 0, totalMb,
    processes: [
      ...Array.from({ length: replicas }, (_, i) => ({ name: `catalog[${i}]`, kind: 'app' as const, pid: 10 + i, rssMb: 100 + 10 * i })),
      { name: 'gateway[0]', kind: 'app' as const, pid: 9, rssMb: 500 },
    ],
  },
});

describe('scalingFigures', () => {
  it('gain and memory per added replica, from the fewest to the most replicas, whatever order the levels come in', () => {
    const figures = scalingFigures([level(3, 180, 400), level(1, 100, 300), level(2, 160, 350)], 'catalog');
    expect(figures.speedup).toBeCloseTo(1.8);
    expect(figures.capacityPerAddedReplica).toBeCloseTo(40);
    expect(figures.mbPerAddedReplica).toBeCloseTo(50);
    expect(figures.capacityPerAddedMb).toBeCloseTo(0.8);
    expect(figures.lowerBound).toBe(false);
    // The three catalogs' own VmRSS at the top level (100, 110, 120), not the gateway's.
    expect(figures.mbPerReplica).toBeCloseTo(110);
    expect(figures.steps).toEqual([
      { fromReplicas: 1, toReplicas: 2, addedPerSecond: 60, addedMb: 50 },
      { fromReplicas: 2, toReplicas: 3, addedPerSecond: 20, addedMb: 50 },
    ]);
  });

  it('a capacity that fell: a negative gain, never hidden', () => {
    const figures = scalingFigures([level(1, 100, 300), level(2, 90, 360)], 'catalog');
    expect(figures.speedup).toBeCloseTo(0.9);
    expect(figures.capacityPerAddedReplica).toBeCloseTo(-10);
    expect(figures.capacityPerAddedMb).toBeCloseTo(-10 / 60);
  });

  it('a level without a capacity leaves the figures that need it null; a censored one makes them lower bounds', () => {
    const missing = scalingFigures([level(1, null, 300), level(2, 90, 360)], 'catalog');
    expect(missing).toMatchObject({ speedup: null, capacityPerAddedReplica: null, capacityPerAddedMb: null, mbPerAddedReplica: 60 });
    expect(scalingFigures([level(1, 100, 300), level(2, 200, 360, true)], 'catalog').lowerBound).toBe(true);
  });

  it('one level: nothing to derive', () => {
    expect(scalingFigures([level(1, 100, 300)], 'catalog')).toMatchObject({ speedup: null, capacityPerAddedReplica: null, steps: [] });
  });
});
