import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../catalog/seed.js';
import type { Product, SearchQuery } from '../types.js';
import { SearchIndex, tokenize } from './search-index.js';

function product(id: string, name: string, extra: Partial<Product> = {}): Product {
  return { id, name, description: '', category: 'kitchen', tags: [], priceCents: 1000, initialStock: 100, popularity: 0, ...extra };
}

const query = (q: string, more: Partial<SearchQuery> = {}): SearchQuery => ({ q, page: 1, pageSize: 20, ...more });

describe('tokenize', () => {
  it('lower-cases and splits on anything but letters and digits', () => {
    expect(tokenize('Red-Kettle, 2 L!')).toEqual(['red', 'kettle', '2', 'l']);
    expect(tokenize('  ...  ')).toEqual([]);
  });
});

describe('SearchIndex on a hand-made catalog', () => {
  const products = [
    product('a', 'Red kettle'),
    product('b', 'Blue kettle', { description: 'not red at all' }),
    product('c', 'Red teapot'),
    product('d', 'Green lamp', { tags: ['kettle'], category: 'office', popularity: 5 }),
    product('e', 'Green rug', { category: 'home' }),
  ];
  const index = new SearchIndex(products);
  const ids = (q: SearchQuery) => {
    const page = index.search(q);
    if (!page.ok) throw new Error(page.error.message);
    return page.value.items.map((p) => p.id);
  };

  it('ranks by term matches, a name match counting double', () => {
    // a: red(2)+kettle(2)=4; b: kettle(2)+red(1)=3; c: red(2)=2; d: kettle as tag(1)=1
    expect(ids(query('red kettle'))).toEqual(['a', 'b', 'c', 'd']);
    // d: kettle as tag(1)+lamp in name(2)=3 beats a and b (kettle in name, 2)
    expect(ids(query('kettle lamp'))).toEqual(['d', 'a', 'b']);
  });

  it('breaks ties by popularity, then by id', () => {
    expect(ids(query('green'))).toEqual(['d', 'e']);
    expect(ids(query('kettle'))).toEqual(['a', 'b', 'd']);
  });

  it('counts a repeated term once and ignores case and punctuation', () => {
    expect(ids(query('RED, red; Kettle!!'))).toEqual(ids(query('red kettle')));
  });

  it('returns summaries, not whole products', () => {
    const page = index.search(query('teapot'));
    expect(page).toEqual({ ok: true, value: { total: 1, items: [{ id: 'c', name: 'Red teapot', category: 'kitchen', priceCents: 1000 }] } });
  });

  it('filters by category, and the total counts only that category', () => {
    const page = index.search(query('kettle', { category: 'office' }));
    expect(page).toMatchObject({ ok: true, value: { total: 1 } });
    expect(ids(query('kettle', { category: 'office' }))).toEqual(['d']);
    expect(index.search(query('kettle', { category: 'nowhere' }))).toEqual({ ok: true, value: { total: 0, items: [] } });
  });

  it('finds nothing for an unknown term', () => {
    expect(index.search(query('submarine'))).toEqual({ ok: true, value: { total: 0, items: [] } });
  });
});

describe('SearchIndex on the seeded catalog', () => {
  const catalog = generateCatalog();
  const index = new SearchIndex(catalog);
  const page = (q: SearchQuery) => {
    const result = index.search(q);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };

  it('lists every product for an empty query, most popular first', () => {
    const all = page(query('', { pageSize: 50 }));
    expect(all.total).toBe(2000);
    expect(all.items).toHaveLength(50);
    const byId = new Map(catalog.map((p) => [p.id, p]));
    const popularity = all.items.map((p) => byId.get(p.id)?.popularity ?? -1);
    expect(popularity).toEqual([...popularity].sort((x, y) => y - x));
    expect(popularity[0]).toBe(Math.max(...catalog.map((p) => p.popularity)));
  });

  it('pages through one stable ranking without gaps or overlaps', () => {
    const wide = page(query('kettle', { pageSize: 40 }));
    const first = page(query('kettle', { page: 1, pageSize: 20 }));
    const second = page(query('kettle', { page: 2, pageSize: 20 }));
    expect(first.total).toBe(wide.total);
    expect([...first.items, ...second.items]).toEqual(wide.items);
    expect(page(query('kettle', { page: 1000, pageSize: 20 }))).toEqual({ total: wide.total, items: [] });
  });

  it('counts every product that matches a term', () => {
    const kettles = catalog.filter((p) => p.tags.includes('kettle')).length;
    expect(kettles).toBeGreaterThan(0);
    expect(page(query('kettle')).total).toBe(kettles);
    expect(page(query('', { category: 'pets' })).total).toBe(catalog.filter((p) => p.category === 'pets').length);
  });

  it('returns only the category asked for', () => {
    const pets = page(query('brush', { category: 'pets', pageSize: 50 }));
    expect(pets.total).toBeGreaterThan(0);
    expect(pets.items.every((p) => p.category === 'pets')).toBe(true);
    expect(pets.total).toBeLessThan(page(query('brush')).total);
  });
});

describe('SearchIndex input checks', () => {
  const index = new SearchIndex([product('a', 'Red kettle')]);
  const code = (q: SearchQuery) => {
    const result = index.search(q);
    return result.ok ? 'ok' : result.error.code;
  };

  it('accepts a query of exactly 200 characters and refuses 201', () => {
    expect(code(query('a'.repeat(200)))).toBe('ok');
    expect(code(query('a'.repeat(201)))).toBe('REQUEST.INVALID');
  });

  it('accepts pageSize 1..50 and page ≥ 1 only', () => {
    expect(code(query('', { pageSize: 1 }))).toBe('ok');
    expect(code(query('', { pageSize: 50 }))).toBe('ok');
    expect(code(query('', { pageSize: 0 }))).toBe('REQUEST.INVALID');
    expect(code(query('', { pageSize: 51 }))).toBe('REQUEST.INVALID');
    expect(code(query('', { pageSize: 2.5 }))).toBe('REQUEST.INVALID');
    expect(code(query('', { page: 0 }))).toBe('REQUEST.INVALID');
    expect(code(query('', { page: -1 }))).toBe('REQUEST.INVALID');
    expect(code(query('', { page: 1.5 }))).toBe('REQUEST.INVALID');
    expect(code(query('', { page: Number.NaN }))).toBe('REQUEST.INVALID');
  });

  it('says what was wrong', () => {
    const result = index.search(query('', { pageSize: 51 }));
    expect(result).toEqual({ ok: false, error: { code: 'REQUEST.INVALID', message: 'pageSize must be an integer from 1 to 50' } });
  });
});

describe('SearchIndex with full-text rounds', () => {
  const products = [
    product('a', 'Red kettle', { popularity: 9 }),
    product('b', 'Red kettle', { description: 'a red kettle, red as a red rose', popularity: 1 }),
    product('c', 'Blue lamp'),
  ];
  const ids = (index: SearchIndex, q: string) => {
    const page = index.search(query(q));
    if (!page.ok) throw new Error(page.error.message);
    return page.value.items.map((i) => i.id);
  };

  it('off: ties go to popularity; on: to the product whose text names the terms more often, whatever the number of rounds', () => {
    expect(ids(new SearchIndex(products), 'red kettle')).toEqual(['a', 'b']);
    expect(ids(new SearchIndex(products, { fullTextRounds: 1 }), 'red kettle')).toEqual(['b', 'a']);
    expect(ids(new SearchIndex(products, { fullTextRounds: 50 }), 'red kettle')).toEqual(['b', 'a']);
  });

  it('costs CPU in proportion to the rounds', () => {
    const catalog = generateCatalog(42);
    const cost = (rounds: number) => {
      const index = new SearchIndex(catalog, { fullTextRounds: rounds });
      index.search(query('kettle'));
      const startedAt = performance.now();
      for (let i = 0; i < 20; i++) index.search(query('kettle lamp'));
      return performance.now() - startedAt;
    };
    expect(cost(200)).toBeGreaterThan(5 * cost(0));
  });
});
