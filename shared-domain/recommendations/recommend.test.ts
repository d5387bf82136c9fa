import { describe, expect, it } from 'vitest';
import { Catalog } from '../catalog/catalog.js';
import type { ProductDirectory, RecommendationRepository } from '../ports.js';
import type { OrderPlaced, Product } from '../types.js';
import { coPurchasePairs, recommend, RECOMMENDATION_COUNT } from './recommend.js';

function product(id: string, category: string, popularity: number): Product {
  return { id, name: `Product ${id}`, description: '', category, tags: [], priceCents: 100, initialStock: 50, popularity };
}

/** Kitchen k1..k8 with popularity k8 > k7 > … > k1; two books; one product alone in its category. */
const products = [
  ...Array.from({ length: 8 }, (_, i) => product(`k${i + 1}`, 'kitchen', (i + 1) * 10)),
  product('b1', 'books', 5),
  product('b2', 'books', 50),
  product('solo', 'garden', 1),
];
const directory: ProductDirectory = new Catalog(products);

function history(counts: Record<string, ReadonlyArray<readonly [string, number]>>): RecommendationRepository {
  return {
    applyOrderPlaced: async () => true,
    coPurchases: async (id) => (counts[id] ?? []).map(([productId, count]) => ({ productId, count })),
  };
}

async function ids(repo: RecommendationRepository, id: string, dir: ProductDirectory = directory): Promise<string[]> {
  const result = await recommend(dir, repo, id);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.map((p) => p.id);
}

describe('recommend', () => {
  it('with no history, gives the most popular of the same category, never the product itself', async () => {
    expect(RECOMMENDATION_COUNT).toBe(5);
    expect(await ids(history({}), 'k8')).toEqual(['k7', 'k6', 'k5', 'k4', 'k3']);
    expect(await ids(history({}), 'k1')).toEqual(['k8', 'k7', 'k6', 'k5', 'k4']);
  });

  it('puts co-purchases first, most bought first, then fills by popularity without repeats', async () => {
    const repo = history({ k1: [['b1', 2], ['k3', 7], ['b2', 2]] });
    // k3 (7), then the tie b1/b2 by id, then kitchen by popularity skipping k3 and k1.
    expect(await ids(repo, 'k1')).toEqual(['k3', 'b1', 'b2', 'k8', 'k7']);
  });

  it('stops at five even with more co-purchases', async () => {
    const repo = history({ k1: [['k2', 1], ['k3', 2], ['k4', 3], ['k5', 4], ['k6', 5], ['k7', 6], ['b1', 9]] });
    expect(await ids(repo, 'k1')).toEqual(['b1', 'k7', 'k6', 'k5', 'k4']);
  });

  it('never recommends the product itself, even if the history names it', async () => {
    const repo = history({ k1: [['k1', 100], ['b2', 1]] });
    const got = await ids(repo, 'k1');
    expect(got).not.toContain('k1');
    expect(got).toEqual(['b2', 'k8', 'k7', 'k6', 'k5']);
  });

  it('skips co-purchased ids the catalog does not know', async () => {
    expect(await ids(history({ b1: [['gone', 50], ['k2', 1]] }), 'b1')).toEqual(['k2', 'b2']);
  });

  it('gives fewer than five when there is nothing more to give', async () => {
    expect(await ids(history({}), 'solo')).toEqual([]);
    expect(await ids(history({}), 'b1')).toEqual(['b2']);
  });

  it('is deterministic: the same history in any order gives the same list', async () => {
    const rows: Array<readonly [string, number]> = [['k2', 3], ['b2', 3], ['k5', 1], ['b1', 3]];
    const first = await ids(history({ k1: rows }), 'k1');
    expect(first).toEqual(['b1', 'b2', 'k2', 'k5', 'k8']);
    expect(await ids(history({ k1: [...rows].reverse() }), 'k1')).toEqual(first);
    const shuffledCatalog = new Catalog([...products].reverse());
    expect(await ids(history({ k1: rows }), 'k1', shuffledCatalog)).toEqual(first);
  });

  it('breaks popularity ties by id', async () => {
    const tied = new Catalog([product('x3', 'toys', 5), product('x1', 'toys', 5), product('x2', 'toys', 5), product('x0', 'toys', 1)]);
    expect(await ids(history({}), 'x0', tied)).toEqual(['x1', 'x2', 'x3']);
  });

  it('returns summaries of the products', async () => {
    expect(await recommend(directory, history({}), 'b1')).toEqual({ ok: true, value: [{ id: 'b2', name: 'Product b2', category: 'books', priceCents: 100 }] });
  });

  it('answers an unknown product with PRODUCT.NOT_FOUND', async () => {
    expect(await recommend(directory, history({}), 'nope')).toMatchObject({ ok: false, error: { code: 'PRODUCT.NOT_FOUND' } });
  });
});

describe('coPurchasePairs', () => {
  const event = (ids: string[]): OrderPlaced => ({
    id: 'evt-1', type: 'OrderPlaced', orderId: 'o1', totalCents: 1, occurredAt: '2024-01-01T00:00:00.000Z',
    lines: ids.map((productId) => ({ productId, quantity: 1 })),
  });

  it('lists every unordered pair of distinct products once, sorted', () => {
    expect(coPurchasePairs(event(['c', 'a', 'b', 'a']))).toEqual([['a', 'b'], ['a', 'c'], ['b', 'c']]);
  });

  it('has no pairs for a single product', () => {
    expect(coPurchasePairs(event(['a']))).toEqual([]);
    expect(coPurchasePairs(event(['a', 'a']))).toEqual([]);
  });
});
