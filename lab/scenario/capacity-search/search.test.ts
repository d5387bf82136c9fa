/** The search against fake variants with a known knee: no process, no clock. */
import { describe, expect, it } from 'vitest';
import { searchCapacity, type SearchStep } from './search.js';

/** A variant that holds its SLO up to `kneePerSecond`; a generator that falls behind above `generatorPerSecond`. */
function fakeVariant(kneePerSecond: number, generatorPerSecond = Infinity) {
  const rates: number[] = [];
  const measure = async (ratePerSecond: number): Promise<SearchStep> => {
    rates.push(ratePerSecond);
    const generatorLimited = ratePerSecond > generatorPerSecond;
    return { ratePerSecond, withinSlo: ratePerSecond <= kneePerSecond && !generatorLimited, generatorLimited };
  };
  return { measure, rates };
}

describe('searchCapacity', () => {
  it.each([37, 100, 333, 1_000, 2_999, 3_500, 12_345])('finds a knee at %i/s to within 10%%, from below, not censored', async (knee) => {
    const { measure, rates } = fakeVariant(knee);
    const found = await searchCapacity(measure, { startRatePerSecond: 25, precision: 0.1 });
    expect(found.censored).toBe(false);
    expect(found.limit).toBe('slo');
    expect(found.converged).toBe(true);
    expect(found.capacityPerSecond).toBeLessThanOrEqual(knee);
    expect(found.capacityPerSecond).toBeGreaterThanOrEqual(knee / 1.1);
    expect(found.failedAtPerSecond).toBeGreaterThan(knee);
    expect((found.failedAtPerSecond as number) - (found.capacityPerSecond as number)).toBeLessThanOrEqual(0.1 * (found.capacityPerSecond as number));
    expect(found.steps.map((s) => s.ratePerSecond)).toEqual(rates);
    // doubling, then bisecting: a few steps per decade, not a scan
    expect(rates.length).toBeLessThanOrEqual(Math.ceil(Math.log2(knee / 25)) + 6);
  });

  it('a first step that already fails: halves until one passes, then bisects', async () => {
    const { measure, rates } = fakeVariant(30);
    const found = await searchCapacity(measure, { startRatePerSecond: 200, precision: 0.1 });
    expect(rates.slice(0, 4)).toEqual([200, 100, 50, 25]);
    expect(found).toMatchObject({ censored: false, limit: 'slo', converged: true });
    expect(found.capacityPerSecond).toBeGreaterThanOrEqual(30 / 1.1);
    expect(found.capacityPerSecond).toBeLessThanOrEqual(30);
  });

  it('nothing holds even at the floor: no capacity, not censored', async () => {
    const { measure, rates } = fakeVariant(0);
    const found = await searchCapacity(measure, { startRatePerSecond: 40, precision: 0.1, minRatePerSecond: 5 });
    expect(found).toMatchObject({ capacityPerSecond: null, censored: false, failedAtPerSecond: 5, converged: true });
    expect(rates).toEqual([40, 20, 10, 5]);
  });

  it('a generator that falls behind before the variant breaks: censored at the generator, never a fake number', async () => {
    const { measure } = fakeVariant(10_000, 1_500);
    const found = await searchCapacity(measure, { startRatePerSecond: 100, precision: 0.1 });
    expect(found).toMatchObject({ censored: true, limit: 'generator' });
    expect(found.capacityPerSecond).toBeLessThanOrEqual(1_500);
    expect(found.capacityPerSecond).toBeGreaterThanOrEqual(1_500 / 1.1);
  });

  it('the generator gave out once, but the variant broke below that: a real capacity', async () => {
    const { measure } = fakeVariant(1_300, 1_500);
    const found = await searchCapacity(measure, { startRatePerSecond: 100, precision: 0.1 });
    expect(found.steps.some((s) => s.generatorLimited)).toBe(true);
    expect(found).toMatchObject({ censored: false, limit: 'slo' });
    expect(found.capacityPerSecond).toBeGreaterThanOrEqual(1_300 / 1.1);
  });

  it('a variant that outlasts the measured ceiling: censored at the ceiling, which is measured once and only when needed', async () => {
    let asked = 0;
    const generatorCeiling = async () => { asked += 1; return 2_400; };
    const slow = await searchCapacity(fakeVariant(300).measure, { startRatePerSecond: 50, precision: 0.1, generatorCeiling, freeRatePerSecond: 500 });
    expect(asked).toBe(0);
    expect(slow.generatorCeilingPerSecond).toBeNull();
    const { measure, rates } = fakeVariant(50_000);
    const fast = await searchCapacity(measure, { startRatePerSecond: 50, precision: 0.1, generatorCeiling, freeRatePerSecond: 500 });
    expect(asked).toBe(1);
    expect(fast).toMatchObject({ capacityPerSecond: 2_400, censored: true, limit: 'generator', generatorCeilingPerSecond: 2_400, failedAtPerSecond: null });
    expect(Math.max(...rates)).toBe(2_400);
  });

  it("a variant that holds at the scenario's maximum rate: censored at that rate", async () => {
    const { measure, rates } = fakeVariant(5_000);
    const found = await searchCapacity(measure, { startRatePerSecond: 25, precision: 0.1, maxRatePerSecond: 150 });
    expect(rates).toEqual([25, 50, 100, 150]);
    expect(found).toMatchObject({ capacityPerSecond: 150, censored: true, limit: 'max-rate', converged: true });
  });

  it('runs out of steps: says so instead of claiming precision', async () => {
    const { measure, rates } = fakeVariant(1_000);
    const found = await searchCapacity(measure, { startRatePerSecond: 100, precision: 0.01, maxSteps: 6 });
    expect(rates).toHaveLength(6);
    expect(found.converged).toBe(false);
    expect(found.censored).toBe(false);
    const climbing = await searchCapacity(fakeVariant(1e9).measure, { startRatePerSecond: 100, precision: 0.1, maxSteps: 3 });
    expect(climbing).toMatchObject({ capacityPerSecond: 400, censored: true, converged: false });
  });
});
