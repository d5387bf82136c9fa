import { describe, expect, it } from 'vitest';
import { availabilityByJourney, faultWindowAvailability } from './availability.js';
import { blastRadius } from './blast-radius.js';
import { faultMatrix } from './matrix.js';
import { failingBetween, probes, run, window } from './run-fixtures.js';

describe('availability', () => {
  const runs = [
    ...probes('browse', 0, 4000, failingBetween(1000, 1500)),
    ...probes('product', 0, 4000, (t) => (t >= 1000 && t < 2000 ? 'degraded' : 'ok')),
    run('browse', 1200, 'ok', { source: 'load' }),
    run('browse', 3000, 'failed', { source: 'load', cause: 'timeout' }),
  ];
  const byJourney = Object.fromEntries(availabilityByJourney(runs, { fault: window(1000, 2000) }).map((a) => [a.journey, a]));

  it('is the share of ok and degraded runs in the fault window and overall, all runs and probes alone', () => {
    expect(byJourney.browse?.faultWindow?.probe).toMatchObject({ runs: 40, ok: 20, failed: 20, availability: 0.5 });
    expect(byJourney.browse?.faultWindow?.all).toMatchObject({ runs: 41, availability: 21 / 41 });
    expect(byJourney.browse?.overall.all).toMatchObject({ runs: 162, failed: 21 });
    expect(byJourney.browse?.overall.probe.availability).toBe(140 / 160);
  });

  it('counts degraded as available and reports its share', () => {
    expect(byJourney.product?.faultWindow?.all).toMatchObject({ availability: 1, degradedShare: 1 });
    expect(byJourney.product?.overall.all.degradedShare).toBe(40 / 160);
  });

  it('has nothing to say where nothing ran, and no fault window for a baseline', () => {
    expect(byJourney.cart?.faultWindow?.all).toMatchObject({ runs: 0, availability: null });
    expect(availabilityByJourney(runs)[0]?.faultWindow).toBeNull();
  });

  it('feeds the blast radius: journeys below 99%, plain and traffic-weighted', () => {
    const radius = blastRadius(faultWindowAvailability(availabilityByJourney(runs, { fault: window(1000, 2000) })));
    expect(radius.hit).toEqual(['browse']);
    expect(radius.unmeasured).toEqual(['cart', 'checkout']);
    expect(radius.share).toBe(0.5);
    expect(radius.weightedShare).toBeCloseTo(0.4 / 0.75);
  });
});

describe('blast radius', () => {
  it('weights the hit journeys by the mix', () => {
    const radius = blastRadius({ browse: 1, product: 0.985, cart: 0.999, checkout: 0 }, { mix: { browse: 4, product: 3, cart: 2, checkout: 1 } });
    expect(radius.hit).toEqual(['product', 'checkout']);
    expect(radius.share).toBe(0.5);
    expect(radius.weightedShare).toBeCloseTo(0.4);
  });

  it('is empty when every journey stayed at or above 99%', () => {
    expect(blastRadius({ browse: 1, product: 0.99, cart: 1, checkout: 1 })).toMatchObject({ hit: [], share: 0, weightedShare: 0 });
  });
});

describe('fault matrix', () => {
  const matrix = faultMatrix([
    { component: 'shop', availability: { browse: 0.1, product: 0.05, cart: 0.2, checkout: 0 } },
    { component: 'recommendation', availability: { browse: 1, product: 1, cart: 1, checkout: 1 } },
    { component: 'gateway', availability: { browse: 0.3, product: 0.3, cart: 0.3, checkout: 0.49 } },
    { component: 'order', availability: { browse: 1, product: 1, cart: 1, checkout: 0 } },
    { component: 'nats', availability: { browse: 0, product: 0, cart: 0, checkout: null } },
  ]);

  it('lays out component × journey availability and the journeys each failure took down', () => {
    expect(matrix.rows.gateway).toEqual({ browse: 0.3, product: 0.3, cart: 0.3, checkout: 0.49 });
    expect(matrix.down.order).toEqual(['checkout']);
    expect(matrix.down.recommendation).toEqual([]);
  });

  it('names the components whose failure alone takes every (measured) journey down', () => {
    expect(matrix.singlePointsOfFailure).toEqual(['shop', 'gateway']);
    expect(faultMatrix([{ component: 'gateway', availability: { browse: 0.3, product: 0.3, cart: 0.3, checkout: 0.49 } }], 0.4).singlePointsOfFailure).toEqual([]);
  });
});
