import { describe, expect, it } from 'vitest';
import { CATEGORY_NAMES, DEFAULT_PRODUCT_COUNT, DEFAULT_SEED, generateCatalog, mulberry32, productId } from './seed.js';

describe('generateCatalog', () => {
  const catalog = generateCatalog();

  it('makes 2,000 products by default from seed 42', () => {
    expect(DEFAULT_SEED).toBe(42);
    expect(DEFAULT_PRODUCT_COUNT).toBe(2000);
    expect(catalog).toHaveLength(2000);
  });

  it('gives byte-identical JSON for the same seed', () => {
    expect(JSON.stringify(generateCatalog(42))).toBe(JSON.stringify(catalog));
    expect(JSON.stringify(generateCatalog(7))).toBe(JSON.stringify(generateCatalog(7)));
  });

  it('gives a different catalog for a different seed, with the same ids', () => {
    const other = generateCatalog(43);
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(catalog));
    expect(other.map((p) => p.id)).toEqual(catalog.map((p) => p.id));
    const differing = other.filter((p, i) => p.name !== catalog[i]?.name || p.priceCents !== catalog[i]?.priceCents);
    expect(differing.length).toBeGreaterThan(1500);
  });

  it('keeps the catalog every variant already agreed on (seed 42 is pinned)', () => {
    expect(catalog[0]).toEqual({
      id: 'p0001',
      name: 'Smart teal copper cookbook',
      description: 'A smart cookbook made of copper, in teal. Part of our books range.',
      category: 'books',
      tags: ['cookbook', 'copper', 'teal', 'smart'],
      priceCents: 8904,
      initialStock: 287,
      popularity: 273,
    });
    expect(catalog[1999]).toMatchObject({ id: 'p2000', name: 'Eco orange cotton hammock', category: 'outdoor', initialStock: 276 });
  });

  it('spreads products over 12 categories, evenly', () => {
    expect(CATEGORY_NAMES).toHaveLength(12);
    const perCategory = new Map<string, number>();
    for (const p of catalog) perCategory.set(p.category, (perCategory.get(p.category) ?? 0) + 1);
    expect([...perCategory.keys()].sort()).toEqual([...CATEGORY_NAMES].sort());
    for (const count of perCategory.values()) expect(count === 166 || count === 167).toBe(true);
  });

  it('seeds stock from 50 to 500, and reaches both ends of the range', () => {
    const stocks = catalog.map((p) => p.initialStock);
    expect(stocks.every((s) => Number.isInteger(s) && s >= 50 && s <= 500)).toBe(true);
    expect(Math.min(...stocks)).toBeLessThan(60);
    expect(Math.max(...stocks)).toBeGreaterThan(490);
  });

  it('gives unique ids p0001..p2000 and positive integer prices', () => {
    expect(new Set(catalog.map((p) => p.id)).size).toBe(2000);
    expect(catalog.map((p) => p.id)).toEqual(Array.from({ length: 2000 }, (_, i) => productId(i)));
    expect(catalog.every((p) => Number.isInteger(p.priceCents) && p.priceCents >= 199)).toBe(true);
  });

  it('names each product from its own tags and category', () => {
    for (const p of catalog.slice(0, 50)) {
      expect(p.tags).toHaveLength(4);
      for (const tag of p.tags) expect(p.name.toLowerCase()).toContain(tag);
      expect(p.description).toContain(`our ${p.category} range`);
    }
  });

  it('honours a smaller count', () => {
    expect(generateCatalog(42, 3).map((p) => p.id)).toEqual(['p0001', 'p0002', 'p0003']);
    expect(generateCatalog(42, 3)).toEqual(catalog.slice(0, 3));
  });
});

describe('mulberry32', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(draws);
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(2)()).not.toBe(mulberry32(1)());
  });
});
