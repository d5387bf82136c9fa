/**
 * The public API contract, written once and run against every variant as real processes:
 * every route, its answers, and bad input that must be a 4xx JSON error — never a 500, never a crash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { variantNames } from '../../lab/topology/registry.js';
import { call, startTestVariant, type VariantFixture } from '../support/variant-fixture.js';

const selected = process.env.ARCHLAB_CONTRACT_VARIANTS?.split(',') ?? variantNames();
/** Each variant as it comes, and with two replicas of every app component (behind its load balancing and discovery). */
const replicaCounts = (process.env.ARCHLAB_CONTRACT_REPLICAS ?? '1,2').split(',').map(Number);
const cases = selected.flatMap((variant) => replicaCounts.map((replicas) => [variant, replicas] as const));
const CARD_OK = '4111111111111111';
const CARD_DECLINED = '4000000000000002';

describe.each(cases)('public API contract: %s with %i replica(s) of every app component', (variant, replicas) => {
  let fixture: VariantFixture;
  let base: string;
  const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => call(base, method, path, body, headers);
  const expectError = (answer: { status: number; json: any }, status: number, code?: string) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(answer.status, JSON.stringify(answer.json)).toBe(status);
    expect(typeof answer.json?.error?.code).toBe('string');
    expect(typeof answer.json?.error?.message).toBe('string');
    if (code) expect(answer.json.error.code).toBe(code);
  };
  const newCartWith = async (productId: string, quantity: number) => {
    const cart = await api('POST', '/api/carts');
    await api('POST', `/api/carts/${cart.json.id}/items`, { productId, quantity });
    return cart.json.id as string;
  };

  beforeAll(async () => {
    fixture = await startTestVariant(variant, {}, replicas);
    base = fixture.running.edgeUrl;
  }, 120_000);
  afterAll(async () => fixture?.dispose(), 60_000);

  it('answers liveness and readiness', async () => {
    expect((await api('GET', '/healthz')).status).toBe(200);
    const ready = await api('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.json.ready).toBe(true);
  });

  it('searches products with ranking, category and paging', async () => {
    const all = await api('GET', '/api/products?pageSize=50');
    expect(all.status).toBe(200);
    expect(all.json.total).toBe(2000);
    expect(all.json.items).toHaveLength(50);
    const hits = await api('GET', '/api/products?q=oak%20kettle&pageSize=5');
    expect(hits.json.total).toBeGreaterThan(0);
    expect(hits.json.items[0].name.toLowerCase()).toContain('oak');
    expect(hits.json.items[0].name.toLowerCase()).toContain('kettle');
    const kitchen = await api('GET', '/api/products?category=kitchen&page=2&pageSize=10');
    expect(kitchen.json.items.every((p: { category: string }) => p.category === 'kitchen')).toBe(true);
    expect(kitchen.json.items).toHaveLength(10);
    const none = await api('GET', '/api/products?q=zzzznothing');
    expect(none.json).toEqual({ total: 0, items: [] });
  });

  it('reads a product and its recommendations', async () => {
    const product = await api('GET', '/api/products/p0001');
    expect(product.status).toBe(200);
    expect(product.json).toMatchObject({ id: 'p0001', category: expect.any(String), priceCents: expect.any(Number) });
    const recs = await api('GET', '/api/products/p0001/recommendations');
    expect(recs.status).toBe(200);
    expect(recs.json.degraded).toBe(false);
    expect(recs.json.items).toHaveLength(5);
    expect(recs.json.items.map((p: { id: string }) => p.id)).not.toContain('p0001');
    expectError(await api('GET', '/api/products/p9999'), 404, 'PRODUCT.NOT_FOUND');
    expectError(await api('GET', '/api/products/p9999/recommendations'), 404, 'PRODUCT.NOT_FOUND');
  });

  it('creates a cart, adds, reads and removes lines with a subtotal', async () => {
    const created = await api('POST', '/api/carts');
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    const product = (await api('GET', '/api/products/p0002')).json;
    const added = await api('POST', `/api/carts/${id}/items`, { productId: 'p0002', quantity: 3 });
    expect(added.status).toBe(200);
    expect(added.json.subtotalCents).toBe(3 * product.priceCents);
    await api('POST', `/api/carts/${id}/items`, { productId: 'p0002', quantity: 2 });
    const read = await api('GET', `/api/carts/${id}`);
    expect(read.json.lines).toEqual([{ productId: 'p0002', quantity: 5, unitPriceCents: product.priceCents }]);
    const removed = await api('DELETE', `/api/carts/${id}/items/p0002`);
    expect(removed.status).toBe(200);
    expect(removed.json).toEqual({ id, lines: [], subtotalCents: 0 });
    expectError(await api('GET', '/api/carts/nope'), 404, 'CART.NOT_FOUND');
    expectError(await api('POST', '/api/carts/nope/items', { productId: 'p0002', quantity: 1 }), 404, 'CART.NOT_FOUND');
    expectError(await api('POST', `/api/carts/${id}/items`, { productId: 'p9999', quantity: 1 }), 404, 'PRODUCT.NOT_FOUND');
  });

  it('checks out, reads the order, and a retry with the same Idempotency-Key returns the same order', async () => {
    const cartId = await newCartWith('p0003', 2);
    const key = `contract-${variant}-${Date.now()}`;
    const first = await api('POST', '/api/checkout', { cartId, card: { number: CARD_OK } }, { 'idempotency-key': key });
    expect(first.status, first.text).toBe(201);
    expect(first.json).toMatchObject({ cartId, status: 'placed', cardLast4: '1111', lines: [{ productId: 'p0003', quantity: 2 }] });
    const again = await api('POST', '/api/checkout', { cartId, card: { number: CARD_OK } }, { 'idempotency-key': key });
    expect(again.status).toBe(201);
    expect(again.json.id).toBe(first.json.id);
    const order = await api('GET', `/api/orders/${first.json.id}`);
    expect(order.status).toBe(200);
    expect(order.json).toEqual(first.json);
    expect((await api('GET', `/api/carts/${cartId}`)).json.lines).toEqual([]);
    expectError(await api('GET', '/api/orders/nope'), 404, 'ORDER.NOT_FOUND');
  });

  it('rejects checkouts: declined card, empty cart, unknown cart, out of stock', async () => {
    const declinedCart = await newCartWith('p0004', 1);
    expectError(await api('POST', '/api/checkout', { cartId: declinedCart, card: { number: CARD_DECLINED } }), 402, 'PAYMENT.DECLINED');
    const empty = (await api('POST', '/api/carts')).json.id;
    expectError(await api('POST', '/api/checkout', { cartId: empty, card: { number: CARD_OK } }), 409, 'CART.EMPTY');
    expectError(await api('POST', '/api/checkout', { cartId: 'nope', card: { number: CARD_OK } }), 404, 'CART.NOT_FOUND');
    const stock = (await api('GET', '/api/products/p0005')).json.initialStock as number;
    // p0005 has at most 500 in stock: six checkouts of 99 (a line's maximum) run it out.
    const answers = [];
    for (let i = 0; i < 6; i++) {
      const cartId = await newCartWith('p0005', 99);
      answers.push((await api('POST', '/api/checkout', { cartId, card: { number: CARD_OK } })).status);
    }
    expect(answers.filter((s) => s === 201).length).toBe(Math.floor(stock / 99));
    expect(answers.filter((s) => s === 409).length).toBe(6 - Math.floor(stock / 99));
  });

  describe('bad input is a 4xx JSON error and the process stays up', () => {
    const cases: Array<[string, string, string, unknown?, Record<string, string>?]> = [
      ['malformed JSON', 'POST', '/api/checkout', '{"cartId": '],
      ['wrong types', 'POST', '/api/checkout', { cartId: 42, card: { number: 4111111111111111 } }],
      ['missing fields', 'POST', '/api/checkout', {}],
      ['card number with letters', 'POST', '/api/checkout', { cartId: 'x', card: { number: '4111abcd11111111' } }],
      ['bad idempotency key', 'POST', '/api/checkout', { cartId: 'x', card: { number: CARD_OK } }, { 'idempotency-key': 'k'.repeat(500) }],
      ['a JSON array body', 'POST', '/api/checkout', '[]'],
      ['a JSON null body', 'POST', '/api/checkout', 'null'],
      ['negative page', 'GET', '/api/products?page=-1'],
      ['page zero', 'GET', '/api/products?page=0'],
      ['huge page size', 'GET', '/api/products?pageSize=99999999999'],
      ['non-numeric page size', 'GET', '/api/products?pageSize=ten'],
      ['repeated q', 'GET', '/api/products?q=a&q=b'],
      ['a 10 KB query string', 'GET', `/api/products?q=${'a'.repeat(10_240)}`],
      ['unknown route', 'GET', '/api/nothing-here'],
    ];
    it.each(cases)('%s', async (_name, method, path, body, headers) => {
      const answer = await api(method, path, body, headers);
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(typeof answer.json?.error?.code).toBe('string');
    });

    it('quantities 0, 100, negative, fractional, huge and as strings', async () => {
      const cartId = (await api('POST', '/api/carts')).json.id;
      for (const quantity of [0, 100, -1, 1.5, 1e308, '2', null]) {
        expectError(await api('POST', `/api/carts/${cartId}/items`, { productId: 'p0001', quantity }), 400, 'REQUEST.INVALID');
      }
      expectError(await api('POST', `/api/carts/${cartId}/items`, { productId: 'p0001', quantity: 60 }).then(() =>
        api('POST', `/api/carts/${cartId}/items`, { productId: 'p0001', quantity: 60 })), 400, 'REQUEST.INVALID');
    });

    it('a 1 MB body is refused with 413', async () => {
      expectError(await api('POST', '/api/checkout', JSON.stringify({ cartId: 'x'.repeat(1_000_000) })), 413);
    });

    it('an id of 10 KB is not found, not an error', async () => {
      expectError(await api('GET', `/api/products/${'p'.repeat(10_000)}`), 404);
      expectError(await api('GET', `/api/orders/${'o'.repeat(10_000)}`), 404);
    });

    it('no component crashed or restarted during the suite', () => {
      const crashes = fixture.running.events().filter((e) => e.type === 'exited' || e.type === 'restarting');
      expect(crashes).toEqual([]);
    });
  });
});
