/**
 * The public API over the real monolith shop on port 0, driven with fetch: every route's status and
 * body, bad input of every kind (always a JSON 4xx, never a 500), and module faults.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalog, MODULE_NAMES, type Product } from '../../../shared-domain/index.js';
import { createMonolithShop, type MonolithShop } from '../../monolith/shop.js';
import { ModuleFaults } from '../module-faults.js';
import { listen, type RunningServer } from '../server.js';
import { createPublicApi } from './public-api.js';

const GOOD_CARD = '4111111111111111';
const catalog = generateCatalog(42);
const [FIRST, SECOND] = catalog as [Product, Product];
const SCARCE = catalog.find((p) => p.initialStock < 99) as Product;
/** Bought together by one test only, from two different categories. */
const [BOUGHT, BOUGHT_WITH] = [catalog[100], catalog[105]] as [Product, Product];

let dataDir: string;
let monolith: MonolithShop;
let server: RunningServer;
const logger = pino({ level: 'silent' });
const faults = new ModuleFaults(MODULE_NAMES, logger);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'archlab-api-'));
  monolith = createMonolithShop({ dataDir, seed: 42, faults, logger });
  server = await listen(createPublicApi(monolith.shop, logger), 0);
});

afterAll(async () => {
  await server?.stop();
  await monolith?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

afterEach(() => {
  for (const module of MODULE_NAMES) faults.apply({ type: 'module-fault', action: 'heal', module });
});

interface Answer { status: number; body: unknown; contentType: string | null; headers: Headers }

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const raw = typeof body === 'string' || body === undefined ? body : JSON.stringify(body);
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: raw === undefined ? headers : { 'content-type': 'application/json', ...headers },
    ...(raw === undefined ? {} : { body: raw }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, contentType: response.headers.get('content-type'), headers: response.headers };
}

/** A JSON error of the documented shape, with this status and code. */
function expectError(answer: Answer, status: number, code: string): void {
  expect({ status: answer.status, code: (answer.body as { error?: { code?: string } } | undefined)?.error?.code }).toEqual({ status, code });
  expect(answer.contentType).toMatch(/^application\/json/);
  expect(answer.body).toEqual({ error: { code, message: expect.any(String) } });
}

async function newCart(...lines: Array<[Product, number]>): Promise<string> {
  const created = await call('POST', '/api/carts');
  const { id } = created.body as { id: string };
  for (const [product, quantity] of lines) expect((await call('POST', `/api/carts/${id}/items`, { productId: product.id, quantity })).status).toBe(200);
  return id;
}

describe('health', () => {
  it('is alive and ready', async () => {
    expect(await call('GET', '/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await call('GET', '/readyz')).toMatchObject({ status: 200, body: { ready: true, checks: { database: true } } });
  });

  it('echoes a valid x-request-id and makes one up otherwise', async () => {
    expect((await call('GET', '/healthz', undefined, { 'x-request-id': 'abc-123' })).headers.get('x-request-id')).toBe('abc-123');
    expect((await call('GET', '/healthz', undefined, { 'x-request-id': 'bad id!' })).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown route with a JSON 404', async () => {
    expectError(await call('GET', '/api/nothing'), 404, 'ROUTE.NOT_FOUND');
    expectError(await call('PUT', '/api/carts'), 404, 'ROUTE.NOT_FOUND');
  });
});

describe('GET /api/products', () => {
  it('lists the catalog, 20 a page by default', async () => {
    const { status, body } = await call('GET', '/api/products');
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 2000 });
    expect((body as { items: unknown[] }).items).toHaveLength(20);
  });

  it('searches, filters by category and pages', async () => {
    const { status, body } = await call('GET', `/api/products?q=kettle&category=kitchen&page=1&pageSize=5`);
    expect(status).toBe(200);
    const page = body as { total: number; items: Array<{ id: string; category: string; name: string }> };
    expect(page.total).toBe(catalog.filter((p) => p.category === 'kitchen' && p.tags.includes('kettle')).length);
    expect(page.items).toHaveLength(5);
    expect(page.items.every((p) => p.category === 'kitchen' && /kettle/i.test(p.name))).toBe(true);
    const second = await call('GET', `/api/products?q=kettle&category=kitchen&page=2&pageSize=5`);
    expect((second.body as typeof page).items.map((p) => p.id)).not.toContain(page.items[0]?.id);
  });

  it.each([
    ['pageSize=0'], ['pageSize=51'], ['page=0'], ['page=-1'], ['page=abc'], ['page=1.5'], ['page=1e3'], ['page=99999999999'],
    ['pageSize='], ['category='], ['q=a&q=b'], [`q=${'a'.repeat(201)}`], [`q=${'x'.repeat(10_000)}`], [`category=${'x'.repeat(10_000)}`],
  ])('refuses %s with 400 REQUEST.INVALID', async (query) => {
    expectError(await call('GET', `/api/products?${query}`), 400, 'REQUEST.INVALID');
  });

  it('refuses a URL beyond the server\'s header limit with a 4xx, not a crash', async () => {
    const answer = await fetch(`${server.url}/api/products?q=${'a'.repeat(20_000)}`);
    expect(answer.status).toBe(431);
    expect((await call('GET', '/healthz')).status).toBe(200);
  });

  it('accepts a query of exactly 200 characters', async () => {
    expect((await call('GET', `/api/products?q=${'a'.repeat(200)}`)).status).toBe(200);
  });
});

describe('GET /api/products/:id and its recommendations', () => {
  it('answers a product with the seeded data', async () => {
    expect(await call('GET', `/api/products/${FIRST.id}`)).toMatchObject({ status: 200, body: FIRST });
  });

  it('answers an unknown or absurd id with 404', async () => {
    expectError(await call('GET', '/api/products/p9999'), 404, 'PRODUCT.NOT_FOUND');
    expectError(await call('GET', `/api/products/${'p'.repeat(101)}`), 404, 'PRODUCT.NOT_FOUND');
    expectError(await call('GET', '/api/products/p9999/recommendations'), 404, 'PRODUCT.NOT_FOUND');
  });

  it('recommends five products of the same category, not degraded', async () => {
    const { status, body } = await call('GET', `/api/products/${SECOND.id}/recommendations`);
    expect(status).toBe(200);
    const { items, degraded } = body as { items: Array<{ id: string; category: string }>; degraded: boolean };
    expect(degraded).toBe(false);
    expect(items).toHaveLength(5);
    expect(items.every((p) => p.category === SECOND.category && p.id !== SECOND.id)).toBe(true);
  });
});

describe('carts', () => {
  it('creates (201), reads, adds to and removes from a cart', async () => {
    const created = await call('POST', '/api/carts');
    expect(created.status).toBe(201);
    const { id } = created.body as { id: string };
    expect(await call('GET', `/api/carts/${id}`)).toMatchObject({ status: 200, body: { id, lines: [], subtotalCents: 0 } });
    const added = await call('POST', `/api/carts/${id}/items`, { productId: FIRST.id, quantity: 2 });
    expect(added).toMatchObject({
      status: 200,
      body: { id, lines: [{ productId: FIRST.id, quantity: 2, unitPriceCents: FIRST.priceCents }], subtotalCents: 2 * FIRST.priceCents },
    });
    await call('POST', `/api/carts/${id}/items`, { productId: SECOND.id, quantity: 1 });
    const removed = await call('DELETE', `/api/carts/${id}/items/${FIRST.id}`);
    expect(removed).toMatchObject({ status: 200, body: { id, lines: [{ productId: SECOND.id, quantity: 1 }], subtotalCents: SECOND.priceCents } });
  });

  it('refuses a path with broken percent-encoding with 400', async () => {
    expectError(await call('GET', '/api/carts/%ZZ'), 400, 'REQUEST.INVALID');
    expectError(await call('GET', '/api/products/%E0%A4%A'), 400, 'REQUEST.INVALID');
  });

  it('answers an unknown cart with 404 on every cart route', async () => {
    expectError(await call('GET', '/api/carts/cart-nope'), 404, 'CART.NOT_FOUND');
    expectError(await call('POST', '/api/carts/cart-nope/items', { productId: FIRST.id, quantity: 1 }), 404, 'CART.NOT_FOUND');
    expectError(await call('DELETE', `/api/carts/cart-nope/items/${FIRST.id}`), 404, 'CART.NOT_FOUND');
  });

  it('answers an unknown product with 404 and a line above 99 with 400', async () => {
    const id = await newCart([FIRST, 90]);
    expectError(await call('POST', `/api/carts/${id}/items`, { productId: 'p9999', quantity: 1 }), 404, 'PRODUCT.NOT_FOUND');
    expectError(await call('POST', `/api/carts/${id}/items`, { productId: FIRST.id, quantity: 10 }), 400, 'REQUEST.INVALID');
    expect((await call('GET', `/api/carts/${id}`)).body).toMatchObject({ lines: [{ productId: FIRST.id, quantity: 90 }] });
  });

  it.each([
    ['quantity 0', { productId: 'p0001', quantity: 0 }],
    ['quantity 100', { productId: 'p0001', quantity: 100 }],
    ['quantity 1.5', { productId: 'p0001', quantity: 1.5 }],
    ['a negative quantity', { productId: 'p0001', quantity: -3 }],
    ['a huge quantity', { productId: 'p0001', quantity: 1e308 }],
    ['quantity as a string', { productId: 'p0001', quantity: '2' }],
    ['quantity null', { productId: 'p0001', quantity: null }],
    ['no quantity', { productId: 'p0001' }],
    ['no productId', { quantity: 1 }],
    ['productId as a number', { productId: 1, quantity: 1 }],
    ['an empty productId', { productId: '', quantity: 1 }],
    ['a 101-character productId', { productId: 'p'.repeat(101), quantity: 1 }],
    ['an array body', [{ productId: 'p0001', quantity: 1 }]],
    ['malformed JSON', '{"productId": "p0001", "quantity": '],
    ['JSON null', 'null'],
    ['an empty object', {}],
  ])('refuses %s with 400 REQUEST.INVALID', async (_name, body) => {
    const id = await newCart();
    expectError(await call('POST', `/api/carts/${id}/items`, body), 400, 'REQUEST.INVALID');
    expect((await call('GET', `/api/carts/${id}`)).body).toMatchObject({ lines: [] });
  });

  it('refuses a body that is not JSON', async () => {
    const id = await newCart();
    const response = await fetch(`${server.url}/api/carts/${id}/items`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'productId=p0001' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'REQUEST.INVALID' } });
  });

  it('refuses a 1 MB body with a JSON 413', async () => {
    const id = await newCart();
    const answer = await call('POST', `/api/carts/${id}/items`, { productId: FIRST.id, quantity: 1, padding: 'x'.repeat(1024 * 1024) });
    expectError(answer, 413, 'REQUEST.TOO_LARGE');
    expect((await call('GET', '/healthz')).status).toBe(200);
  });
});

describe('checkout and orders', () => {
  it('places an order (201) that can be read back, and empties the cart', async () => {
    const cartId = await newCart([FIRST, 1], [SECOND, 2]);
    const placed = await call('POST', '/api/checkout', { cartId, card: { number: GOOD_CARD } });
    expect(placed.status).toBe(201);
    const order = placed.body as { id: string; totalCents: number };
    expect(order).toMatchObject({ cartId, status: 'placed', cardLast4: '1111', totalCents: FIRST.priceCents + 2 * SECOND.priceCents });
    expect(await call('GET', `/api/orders/${order.id}`)).toMatchObject({ status: 200, body: order });
    expect((await call('GET', `/api/carts/${cartId}`)).body).toMatchObject({ lines: [], subtotalCents: 0 });
  });

  it('returns the same order to a retry with the same Idempotency-Key', async () => {
    const cartId = await newCart([FIRST, 1]);
    const headers = { 'idempotency-key': `key-${cartId}` };
    const first = await call('POST', '/api/checkout', { cartId, card: { number: GOOD_CARD } }, headers);
    const retried = await call('POST', '/api/checkout', { cartId, card: { number: GOOD_CARD } }, headers);
    expect(first.status).toBe(201);
    expect(retried).toMatchObject({ status: 201, body: first.body });
    expectError(await call('POST', '/api/checkout', { cartId, card: { number: GOOD_CARD } }), 409, 'CART.EMPTY');
  });

  it('answers a declined card with 402, an empty cart with 409, out of stock with 409 and an unknown cart with 404', async () => {
    expectError(await call('POST', '/api/checkout', { cartId: await newCart([FIRST, 1]), card: { number: '4000000000000002' } }), 402, 'PAYMENT.DECLINED');
    expectError(await call('POST', '/api/checkout', { cartId: await newCart(), card: { number: GOOD_CARD } }), 409, 'CART.EMPTY');
    const tooMany = await newCart([SCARCE, 99]);
    expectError(await call('POST', '/api/checkout', { cartId: tooMany, card: { number: GOOD_CARD } }), 409, 'ORDER.OUT_OF_STOCK');
    expectError(await call('POST', '/api/checkout', { cartId: 'cart-nope', card: { number: GOOD_CARD } }), 404, 'CART.NOT_FOUND');
  });

  it.each([
    ['no card', { cartId: 'c' }],
    ['no cartId', { card: { number: GOOD_CARD } }],
    ['a card number as a number', { cartId: 'c', card: { number: 4111111111111111 } }],
    ['a short card number', { cartId: 'c', card: { number: '4111' } }],
    ['a card number with letters', { cartId: 'c', card: { number: '4111x11111111111' } }],
    ['a 20-digit card number', { cartId: 'c', card: { number: '4'.repeat(20) } }],
    ['a 101-character cartId', { cartId: 'c'.repeat(101), card: { number: GOOD_CARD } }],
    ['malformed JSON', '{"cartId": '],
  ])('refuses %s with 400 REQUEST.INVALID', async (_name, body) => {
    expectError(await call('POST', '/api/checkout', body), 400, 'REQUEST.INVALID');
  });

  it('refuses an empty Idempotency-Key or one over 200 characters with 400, and leaves the cart alone', async () => {
    const cartId = await newCart([FIRST, 1]);
    expectError(await call('POST', '/api/checkout', { cartId, card: { number: GOOD_CARD } }, { 'idempotency-key': '' }), 400, 'REQUEST.INVALID');
    expectError(await call('POST', '/api/checkout', { cartId, card: { number: GOOD_CARD } }, { 'idempotency-key': 'k'.repeat(201) }), 400, 'REQUEST.INVALID');
    expect((await call('GET', `/api/carts/${cartId}`)).body).toMatchObject({ lines: [{ productId: FIRST.id, quantity: 1 }] });
  });

  it('answers an unknown order with 404', async () => {
    expectError(await call('GET', '/api/orders/order-nope'), 404, 'ORDER.NOT_FOUND');
  });

  it('feeds recommendations from placed orders through the outbox', async () => {
    const firstRecommended = async () => ((await call('GET', `/api/products/${BOUGHT.id}/recommendations`)).body as { items: Array<{ id: string }> }).items[0]?.id;
    expect(BOUGHT_WITH.category).not.toBe(BOUGHT.category);
    expect(await firstRecommended()).not.toBe(BOUGHT_WITH.id);
    const cartId = await newCart([BOUGHT, 1], [BOUGHT_WITH, 1]);
    expect((await call('POST', '/api/checkout', { cartId, card: { number: GOOD_CARD } })).status).toBe(201);
    await expect.poll(firstRecommended, { timeout: 5_000 }).toBe(BOUGHT_WITH.id);
  });
});

describe('module faults', () => {
  it('answers recommendations degraded while product pages still answer, and recovers on heal', async () => {
    faults.apply({ type: 'module-fault', action: 'inject', module: 'recommendations', kind: 'error' });
    expect(await call('GET', `/api/products/${FIRST.id}/recommendations`)).toMatchObject({ status: 200, body: { items: [], degraded: true } });
    expect(await call('GET', `/api/products/${FIRST.id}`)).toMatchObject({ status: 200, body: { id: FIRST.id } });
    expect((await call('GET', '/api/products?q=kettle')).status).toBe(200);
    faults.apply({ type: 'module-fault', action: 'heal', module: 'recommendations' });
    const healed = await call('GET', `/api/products/${FIRST.id}/recommendations`);
    expect(healed).toMatchObject({ status: 200, body: { degraded: false } });
    expect((healed.body as { items: unknown[] }).items).toHaveLength(5);
  });

  it('fails search with a JSON 500 while carts keep working, and recovers on heal', async () => {
    faults.apply({ type: 'module-fault', action: 'inject', module: 'search', kind: 'error' });
    expectError(await call('GET', '/api/products?q=kettle'), 500, 'INTERNAL');
    const cartId = await newCart([FIRST, 1]);
    expect(await call('GET', `/api/carts/${cartId}`)).toMatchObject({ status: 200, body: { lines: [{ productId: FIRST.id, quantity: 1 }] } });
    expect((await call('GET', `/api/products/${FIRST.id}`)).status).toBe(200);
    faults.apply({ type: 'module-fault', action: 'heal', module: 'search' });
    expect(await call('GET', '/api/products?q=kettle')).toMatchObject({ status: 200, body: { total: expect.any(Number) } });
  });

  it('fails carts with a JSON 500 while search keeps working', async () => {
    faults.apply({ type: 'module-fault', action: 'inject', module: 'cart', kind: 'error' });
    expectError(await call('POST', '/api/carts'), 500, 'INTERNAL');
    expect((await call('GET', '/api/products?q=kettle')).status).toBe(200);
  });

  it('slows a module by the given delay', async () => {
    faults.apply({ type: 'module-fault', action: 'inject', module: 'catalog', kind: 'slow', delayMs: 300 });
    const started = performance.now();
    expect((await call('GET', `/api/products/${FIRST.id}`)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });
});
