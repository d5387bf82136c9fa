/**
 * The shop's use cases over the real SQLite repositories, wired as the monolith wires them: carts,
 * checkout and its edges, the outbox, the OrderPlaced handlers, and concurrent checkouts on one
 * connection, on two connections to one file, and from a second OS process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  Catalog, addToCart, authorizePayment, checkout, createCart, generateCatalog, getCart, getOrder, recommend, releaseStock,
  removeFromCart, reserveStock, voidPayment, MODULE_NAMES, type CartDeps, type CheckoutDeps, type Product, type Result,
} from '../../../shared-domain/index.js';
import { systemClock, uuidIds } from '../ids.js';
import { inventoryOnOrderPlaced, recommendationsOnOrderPlaced } from '../order-placed-handlers.js';
import { AppliedEvents } from './applied-events.js';
import { SqliteCartRepository } from './cart-repository.js';
import { openDatabase, type Db } from './database.js';
import { SqliteInventoryRepository } from './inventory-repository.js';
import { SqliteOrderRepository } from './order-repository.js';
import { SqliteOutbox } from './outbox.js';
import { SqlitePaymentRepository } from './payment-repository.js';
import { SqliteRecommendationRepository } from './recommendation-repository.js';

const GOOD_CARD = '4111111111111111';
const DECLINED_CARD = '4000000000000002';
/** 60 seeded products; the first is scarce (10 in stock) so that stock runs out in a test. */
const PRODUCTS: readonly Product[] = generateCatalog(42, 60).map((p, i) => (i === 0 ? { ...p, initialStock: 10 } : p));
const [SCARCE, A, B] = PRODUCTS as [Product, Product, Product];

const tempDirs: string[] = [];
const open: Db[] = [];

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'archlab-sqlite-'));
  tempDirs.push(dir);
  return join(dir, 'shop.db');
}

function openShop(path = ':memory:', products: readonly Product[] = PRODUCTS) {
  const db = openDatabase({ path, modules: MODULE_NAMES, products });
  open.push(db);
  const catalog = new Catalog(products);
  const carts = new SqliteCartRepository(db);
  const inventory = new SqliteInventoryRepository(db);
  const payments = new SqlitePaymentRepository(db);
  const orders = new SqliteOrderRepository(db);
  const recommendations = new SqliteRecommendationRepository(db);
  const cartDeps: CartDeps = { carts, catalog: catalog.asPort(), ids: uuidIds };
  const checkoutDeps: CheckoutDeps = {
    carts: { get: (id) => getCart(cartDeps, id), clear: (id) => carts.clear(id) },
    inventory: {
      reserve: (orderId, lines) => reserveStock(inventory, orderId, lines),
      release: async (orderId) => { await releaseStock(inventory, orderId); },
    },
    payments: {
      authorize: (orderId, amountCents, card) => authorizePayment(payments, orderId, amountCents, card),
      void: (orderId) => voidPayment(payments, orderId),
    },
    orders,
    ids: uuidIds,
    clock: systemClock,
  };
  return {
    db, catalog, carts, inventory, orders, recommendations, cartDeps,
    outbox: new SqliteOutbox(db),
    onInventory: inventoryOnOrderPlaced(inventory, new AppliedEvents(db, 'inventory')),
    onRecommendations: recommendationsOnOrderPlaced(recommendations),
    checkout: (cartId: string, cardNumber = GOOD_CARD, idempotencyKey?: string) =>
      checkout(checkoutDeps, { cartId, cardNumber, ...(idempotencyKey === undefined ? {} : { idempotencyKey }) }),
    async cartWith(...lines: Array<[Product, number]>): Promise<string> {
      const { id } = value(await createCart(cartDeps));
      for (const [product, quantity] of lines) value(await addToCart(cartDeps, id, product.id, quantity));
      return id;
    },
    level: (product: Product) => db.prepare('SELECT available, reserved, sold FROM stock WHERE product_id = ?').get(product.id),
    count: (table: string, where = '1 = 1') => (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n,
  };
}
type SqliteShop = ReturnType<typeof openShop>;

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

const code = (result: Result<unknown>) => (result.ok ? 'ok' : result.error.code);

afterEach(() => {
  // The invariant after every scenario: no stock is created or lost, and none goes negative.
  for (const db of open.splice(0)) {
    if (db.open) {
      const broken = db.prepare('SELECT * FROM stock WHERE available + reserved + sold != initial OR available < 0 OR reserved < 0 OR sold < 0').all();
      expect(broken).toEqual([]);
      db.close();
    }
  }
});

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('carts over SQLite', () => {
  it('creates an empty cart and reads it back', async () => {
    const shop = openShop();
    const { id } = value(await createCart(shop.cartDeps));
    expect(id).toMatch(/^cart-[0-9a-f-]{36}$/);
    expect(await getCart(shop.cartDeps, id)).toEqual({ ok: true, value: { id, lines: [], subtotalCents: 0 } });
  });

  it('adds a valid quantity at the product price and keeps lines in the order added', async () => {
    const shop = openShop();
    const id = await shop.cartWith([A, 3]);
    const cart = value(await addToCart(shop.cartDeps, id, B.id, 1));
    expect(cart).toEqual({
      id,
      lines: [{ productId: A.id, quantity: 3, unitPriceCents: A.priceCents }, { productId: B.id, quantity: 1, unitPriceCents: B.priceCents }],
      subtotalCents: 3 * A.priceCents + B.priceCents,
    });
    expect(value(await addToCart(shop.cartDeps, id, A.id, 4)).lines.map((l) => [l.productId, l.quantity])).toEqual([[A.id, 7], [B.id, 1]]);
    expect(value(await getCart(shop.cartDeps, id)).subtotalCents).toBe(7 * A.priceCents + B.priceCents);
  });

  it('refuses quantities 0, 100, 1.5, negative and non-numbers, leaving the cart as it was', async () => {
    const shop = openShop();
    const id = await shop.cartWith([A, 1]);
    for (const quantity of [0, 100, 1.5, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(code(await addToCart(shop.cartDeps, id, B.id, quantity)), String(quantity)).toBe('REQUEST.INVALID');
    }
    expect(value(await getCart(shop.cartDeps, id)).lines).toEqual([{ productId: A.id, quantity: 1, unitPriceCents: A.priceCents }]);
    expect(code(await addToCart(shop.cartDeps, id, B.id, 99))).toBe('ok');
  });

  it('refuses a line total above 99 and keeps the line at its old quantity', async () => {
    const shop = openShop();
    const id = await shop.cartWith([A, 90]);
    expect(await addToCart(shop.cartDeps, id, A.id, 10)).toEqual({ ok: false, error: { code: 'REQUEST.INVALID', message: 'a cart line holds at most 99 items' } });
    expect(value(await getCart(shop.cartDeps, id)).lines[0]?.quantity).toBe(90);
    expect(value(await addToCart(shop.cartDeps, id, A.id, 9)).lines[0]?.quantity).toBe(99);
  });

  it('holds at most 50 lines', async () => {
    const shop = openShop();
    const id = await shop.cartWith(...PRODUCTS.slice(0, 50).map((p): [Product, number] => [p, 1]));
    expect(value(await getCart(shop.cartDeps, id)).lines).toHaveLength(50);
    expect(code(await addToCart(shop.cartDeps, id, PRODUCTS[50]?.id ?? '', 1))).toBe('REQUEST.INVALID');
    expect(code(await addToCart(shop.cartDeps, id, A.id, 1))).toBe('ok');
  });

  it('answers an unknown product with PRODUCT.NOT_FOUND and an unknown cart with CART.NOT_FOUND', async () => {
    const shop = openShop();
    const id = await shop.cartWith();
    expect(code(await addToCart(shop.cartDeps, id, 'p9999', 1))).toBe('PRODUCT.NOT_FOUND');
    expect(code(await addToCart(shop.cartDeps, 'cart-nope', A.id, 1))).toBe('CART.NOT_FOUND');
    expect(code(await getCart(shop.cartDeps, 'cart-nope'))).toBe('CART.NOT_FOUND');
    expect(code(await removeFromCart(shop.cartDeps, 'cart-nope', A.id))).toBe('CART.NOT_FOUND');
    expect(value(await getCart(shop.cartDeps, id)).lines).toEqual([]);
  });

  it('removes a line, and removing an absent product changes nothing', async () => {
    const shop = openShop();
    const id = await shop.cartWith([A, 2], [B, 5]);
    expect(value(await removeFromCart(shop.cartDeps, id, A.id))).toEqual({
      id, lines: [{ productId: B.id, quantity: 5, unitPriceCents: B.priceCents }], subtotalCents: 5 * B.priceCents,
    });
    expect(value(await removeFromCart(shop.cartDeps, id, 'p9999')).lines).toHaveLength(1);
    expect(value(await removeFromCart(shop.cartDeps, id, B.id))).toEqual({ id, lines: [], subtotalCents: 0 });
  });

  it('keeps carts in the file across a reopen', async () => {
    const path = tempFile();
    const first = openShop(path);
    const id = await first.cartWith([A, 2]);
    first.db.close();
    const again = openShop(path);
    expect(value(await getCart(again.cartDeps, id)).lines).toEqual([{ productId: A.id, quantity: 2, unitPriceCents: A.priceCents }]);
  });
});

describe('checkout over SQLite', () => {
  it('places an order: stock reserved, payment authorized, order saved with its event, cart cleared', async () => {
    const shop = openShop();
    const cartId = await shop.cartWith([A, 2], [B, 1]);
    const order = value(await shop.checkout(cartId));
    expect(order).toMatchObject({
      id: expect.stringMatching(/^order-/), cartId, status: 'placed', cardLast4: '1111', totalCents: 2 * A.priceCents + B.priceCents,
      lines: [
        { productId: A.id, quantity: 2, unitPriceCents: A.priceCents, lineTotalCents: 2 * A.priceCents },
        { productId: B.id, quantity: 1, unitPriceCents: B.priceCents, lineTotalCents: B.priceCents },
      ],
    });
    expect(Date.parse(order.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await getOrder(shop.orders, order.id)).toEqual({ ok: true, value: order });
    expect(shop.level(A)).toEqual({ available: A.initialStock - 2, reserved: 2, sold: 0 });
    expect(shop.level(B)).toEqual({ available: B.initialStock - 1, reserved: 1, sold: 0 });
    expect(shop.count('payments', `order_id = '${order.id}' AND status = 'authorized' AND amount_cents = ${order.totalCents}`)).toBe(1);
    expect(value(await getCart(shop.cartDeps, cartId)).lines).toEqual([]);
  });

  it('answers an empty cart with CART.EMPTY and an unknown cart with CART.NOT_FOUND, touching nothing', async () => {
    const shop = openShop();
    expect(code(await shop.checkout(await shop.cartWith()))).toBe('CART.EMPTY');
    expect(code(await shop.checkout('cart-nope'))).toBe('CART.NOT_FOUND');
    expect(shop.count('reservations') + shop.count('payments') + shop.count('orders') + shop.count('outbox')).toBe(0);
  });

  it('answers a bad card number with REQUEST.INVALID before reserving', async () => {
    const shop = openShop();
    expect(code(await shop.checkout(await shop.cartWith([A, 1]), '1234'))).toBe('REQUEST.INVALID');
    expect(shop.count('reservations')).toBe(0);
  });

  it('answers out of stock with ORDER.OUT_OF_STOCK and leaves every level unchanged', async () => {
    const shop = openShop();
    const cartId = await shop.cartWith([A, 1], [SCARCE, 11]);
    const result = await shop.checkout(cartId);
    expect(result).toEqual({ ok: false, error: { code: 'ORDER.OUT_OF_STOCK', message: `only 10 of ${SCARCE.id} left, 11 wanted` } });
    expect(shop.level(A)).toEqual({ available: A.initialStock, reserved: 0, sold: 0 });
    expect(shop.level(SCARCE)).toEqual({ available: 10, reserved: 0, sold: 0 });
    expect(shop.count('reservations') + shop.count('payments') + shop.count('orders')).toBe(0);
    expect(value(await getCart(shop.cartDeps, cartId)).lines).toHaveLength(2);
  });

  it('answers a declined card with PAYMENT.DECLINED, releases the reservation and keeps the cart', async () => {
    const shop = openShop();
    const cartId = await shop.cartWith([SCARCE, 10]);
    expect(code(await shop.checkout(cartId, DECLINED_CARD))).toBe('PAYMENT.DECLINED');
    expect(shop.level(SCARCE)).toEqual({ available: 10, reserved: 0, sold: 0 });
    expect(shop.count('reservations', "status = 'released'")).toBe(1);
    expect(shop.count('payments', "status = 'declined'")).toBe(1);
    expect(shop.count('orders') + shop.count('outbox')).toBe(0);
    // The released stock can be bought by the next attempt.
    expect(code(await shop.checkout(cartId))).toBe('ok');
    expect(shop.level(SCARCE)).toEqual({ available: 0, reserved: 10, sold: 0 });
  });

  it('returns the first order to a retry with the same idempotency key, and creates one order only', async () => {
    const shop = openShop();
    const cartId = await shop.cartWith([A, 2]);
    const first = value(await shop.checkout(cartId, GOOD_CARD, 'key-1'));
    const retried = value(await shop.checkout(cartId, GOOD_CARD, 'key-1'));
    expect(retried).toEqual(first);
    expect(shop.count('orders')).toBe(1);
    expect(shop.count('outbox')).toBe(1);
    expect(shop.level(A)).toEqual({ available: A.initialStock - 2, reserved: 2, sold: 0 });
  });

  it('creates one order for retries with the same key that race each other; the others hear it is in progress', async () => {
    const shop = openShop();
    const cartId = await shop.cartWith([A, 3]);
    const results = await Promise.all(Array.from({ length: 5 }, () => shop.checkout(cartId, GOOD_CARD, 'key-race')));
    const placed = results.filter((r) => r.ok);
    expect(placed.length).toBeGreaterThanOrEqual(1);
    expect(new Set(placed.map((r) => value(r).id)).size).toBe(1);
    expect(results.filter((r) => !r.ok).map(code)).toEqual(Array(5 - placed.length).fill('ORDER.IN_PROGRESS'));
    expect(shop.count('orders')).toBe(1);
    expect(shop.count('outbox')).toBe(1);
    expect(shop.level(A)).toEqual({ available: A.initialStock - 3, reserved: 3, sold: 0 });
    expect(shop.count('payments')).toBe(1);
    expect(shop.count('reservations')).toBe(1);
    // Once the first attempt finished, a retry gets its order.
    expect(value(await shop.checkout(cartId, GOOD_CARD, 'key-race')).id).toBe(value(placed[0]!).id);
  });

  it('never answers ORDER.OUT_OF_STOCK to a racing retry whose first attempt holds the stock', async () => {
    const shop = openShop();
    const cartId = await shop.cartWith([SCARCE, 6]);
    const results = await Promise.all([shop.checkout(cartId, GOOD_CARD, 'key-scarce'), shop.checkout(cartId, GOOD_CARD, 'key-scarce')]);
    expect(shop.count('orders')).toBe(1);
    expect(results.map(code).sort()).toEqual(['ORDER.IN_PROGRESS', 'ok']);
  });

  it('frees the key after a checkout that placed nothing, so the client may try again', async () => {
    const shop = openShop();
    const cartId = await shop.cartWith([A, 1]);
    expect(code(await shop.checkout(cartId, DECLINED_CARD, 'key-declined'))).toBe('PAYMENT.DECLINED');
    expect(code(await shop.checkout(cartId, GOOD_CARD, 'key-declined'))).toBe('ok');
  });

  it('creates two orders for two different keys', async () => {
    const shop = openShop();
    const cartId = await shop.cartWith([A, 1]);
    const first = value(await shop.checkout(cartId, GOOD_CARD, 'key-a'));
    value(await addToCart(shop.cartDeps, cartId, A.id, 1));
    const second = value(await shop.checkout(cartId, GOOD_CARD, 'key-b'));
    expect(second.id).not.toBe(first.id);
    expect(shop.count('orders')).toBe(2);
    expect(shop.level(A)).toEqual({ available: A.initialStock - 2, reserved: 2, sold: 0 });
  });

  it('answers an unknown order with ORDER.NOT_FOUND', async () => {
    expect(code(await getOrder(openShop().orders, 'order-nope'))).toBe('ORDER.NOT_FOUND');
  });
});

describe('the outbox and the OrderPlaced handlers', () => {
  async function placeOrders(shop: SqliteShop, count: number) {
    const orders = [];
    for (let i = 0; i < count; i++) orders.push(value(await shop.checkout(await shop.cartWith([A, 1], [B, 2]))));
    return orders;
  }

  it('holds exactly one OrderPlaced per order, and none for a failed checkout', async () => {
    const shop = openShop();
    const orders = await placeOrders(shop, 3);
    await shop.checkout(await shop.cartWith([A, 1]), DECLINED_CARD);
    const events = shop.outbox.pending(100);
    expect(events.map((e) => e.orderId)).toEqual(orders.map((o) => o.id));
    for (const [i, event] of events.entries()) {
      expect(event).toEqual({
        id: `evt-${orders[i]?.id}`, type: 'OrderPlaced', orderId: orders[i]?.id, totalCents: orders[i]?.totalCents,
        occurredAt: orders[i]?.createdAt, lines: [{ productId: A.id, quantity: 1 }, { productId: B.id, quantity: 2 }],
      });
    }
    shop.outbox.published(events[0]?.id ?? '');
    expect(shop.outbox.pending(100).map((e) => e.orderId)).toEqual(orders.slice(1).map((o) => o.id));
  });

  it('commits stock (reserved → sold) and counts co-purchases once, even when an event comes twice', async () => {
    const shop = openShop();
    const [order] = await placeOrders(shop, 1);
    const [event] = shop.outbox.pending(10);
    if (!event || !order) throw new Error('no event');
    for (let delivery = 0; delivery < 2; delivery++) {
      await shop.onInventory(event);
      await shop.onRecommendations(event);
    }
    expect(shop.level(A)).toEqual({ available: A.initialStock - 1, reserved: 0, sold: 1 });
    expect(shop.level(B)).toEqual({ available: B.initialStock - 2, reserved: 0, sold: 2 });
    expect(shop.count('reservations', `order_id = '${order.id}' AND status = 'committed'`)).toBe(1);
    expect(await shop.recommendations.coPurchases(A.id)).toEqual([{ productId: B.id, count: 1 }]);
    expect(await shop.recommendations.coPurchases(B.id)).toEqual([{ productId: A.id, count: 1 }]);
    expect(shop.count('applied_events', `event_id = '${event.id}'`)).toBe(2);
    expect(value(await recommend(shop.catalog, shop.recommendations, A.id))[0]?.id).toBe(B.id);
  });

  it('counts each order once across several orders', async () => {
    const shop = openShop();
    await placeOrders(shop, 3);
    for (const event of [...shop.outbox.pending(10), ...shop.outbox.pending(10)]) {
      await shop.onInventory(event);
      await shop.onRecommendations(event);
    }
    expect(await shop.recommendations.coPurchases(A.id)).toEqual([{ productId: B.id, count: 3 }]);
    expect(shop.level(B)).toEqual({ available: B.initialStock - 6, reserved: 0, sold: 6 });
  });
});

describe('concurrent checkouts never drive stock below zero', () => {
  /** Starts every checkout at once; returns the outcome codes. */
  async function race(shops: SqliteShop[], cartIds: string[], card = (_i: number) => GOOD_CARD): Promise<string[]> {
    const results = await Promise.all(cartIds.map((id, i) => (shops[i % shops.length] as SqliteShop).checkout(id, card(i))));
    return results.map(code);
  }

  it('sells exactly the stock when 25 carts want 1 each of 10', async () => {
    const shop = openShop();
    const carts = await Promise.all(Array.from({ length: 25 }, () => shop.cartWith([SCARCE, 1])));
    const codes = await race([shop], carts);
    expect(codes.filter((c) => c === 'ok')).toHaveLength(10);
    expect(codes.filter((c) => c === 'ORDER.OUT_OF_STOCK')).toHaveLength(15);
    expect(shop.level(SCARCE)).toEqual({ available: 0, reserved: 10, sold: 0 });
    expect(shop.count('orders')).toBe(10);
  });

  it('never reserves more than the stock for mixed quantities', async () => {
    const shop = openShop();
    const wanted = Array.from({ length: 20 }, (_, i) => 1 + (i % 4));
    const carts = await Promise.all(wanted.map((q) => shop.cartWith([SCARCE, q], [A, 1])));
    const codes = await race([shop], carts);
    const sold = wanted.filter((_, i) => codes[i] === 'ok').reduce((sum, q) => sum + q, 0);
    const refused = wanted.filter((_, i) => codes[i] !== 'ok');
    expect(codes.filter((c) => c !== 'ok').every((c) => c === 'ORDER.OUT_OF_STOCK')).toBe(true);
    expect(sold).toBeLessThanOrEqual(10);
    expect(shop.level(SCARCE)).toEqual({ available: 10 - sold, reserved: sold, sold: 0 });
    // Stock only went down, so whatever was refused could not fit in what is left.
    expect(10 - sold).toBeLessThan(Math.min(...refused));
    expect(shop.level(A)).toMatchObject({ reserved: codes.filter((c) => c === 'ok').length });
  });

  it('holds across two connections to one file, with calls interleaved and declines in between', async () => {
    const path = tempFile();
    const one = openShop(path);
    const two = openShop(path);
    const carts = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? two : one).cartWith([SCARCE, 1])));
    const codes = await race([one, two], carts, (i) => (i % 3 === 0 ? DECLINED_CARD : GOOD_CARD));
    const successes = codes.filter((c) => c === 'ok').length;
    expect(codes.filter((c, i) => i % 3 === 0 && c === 'ok')).toEqual([]);
    expect(codes.every((c) => ['ok', 'ORDER.OUT_OF_STOCK', 'PAYMENT.DECLINED'].includes(c))).toBe(true);
    expect(successes).toBeGreaterThan(0);
    expect(successes).toBeLessThanOrEqual(10);
    for (const shop of [one, two]) {
      expect(shop.level(SCARCE)).toEqual({ available: 10 - successes, reserved: successes, sold: 0 });
      expect(shop.count('orders')).toBe(successes);
    }
  });

  it('sells exactly the stock across two connections, each seeing the other’s reservations', async () => {
    const path = tempFile();
    const one = openShop(path);
    const two = openShop(path);
    const carts = await Promise.all(Array.from({ length: 24 }, () => one.cartWith([SCARCE, 1])));
    const codes = await race([one, two], carts);
    expect(codes.filter((c) => c === 'ok')).toHaveLength(10);
    expect(codes.filter((c, i) => c === 'ok' && i % 2 === 1).length).toBeGreaterThan(0);
    expect(two.level(SCARCE)).toEqual({ available: 0, reserved: 10, sold: 0 });
    for (const [i, event] of two.outbox.pending(100).entries()) await (i % 2 ? one : two).onInventory(event);
    expect(one.level(SCARCE)).toEqual({ available: 0, reserved: 0, sold: 10 });
  });

  it('holds against a second OS process checking out on the same file', async () => {
    const path = tempFile();
    const shop = openShop(path);
    const carts = await Promise.all(Array.from({ length: 60 }, () => shop.cartWith([SCARCE, 1])));
    const theirs = carts.filter((_, i) => i % 2 === 1);
    const ours = carts.filter((_, i) => i % 2 === 0);
    const other = checkoutInAnotherProcess(path, theirs);
    await other.ready;
    const pending: Array<Promise<string>> = [];
    for (const id of ours) {
      pending.push(shop.checkout(id).then(code));
      await sleep(2);
    }
    const [theirCodes, ourCodes] = await Promise.all([other.codes, Promise.all(pending)]);
    const all = [...theirCodes, ...ourCodes];
    expect(all).toHaveLength(60);
    expect(all.filter((c) => c === 'ok')).toHaveLength(10);
    expect(all.filter((c) => c === 'ORDER.OUT_OF_STOCK')).toHaveLength(50);
    expect(shop.level(SCARCE)).toEqual({ available: 0, reserved: 10, sold: 0 });
    expect(shop.count('orders')).toBe(10);
  });
});

/**
 * Runs checkouts of the given carts in a child Node process over the same database file, with the
 * same repositories, two milliseconds apart. `ready` resolves when the child is about to start.
 */
function checkoutInAnotherProcess(path: string, cartIds: string[]): { ready: Promise<void>; codes: Promise<string[]> } {
  const root = new URL('../../../', import.meta.url).pathname;
  const script = `
    const { openDatabase } = await import('${root}variants/common/sqlite/database.ts');
    const { SqliteCartRepository } = await import('${root}variants/common/sqlite/cart-repository.ts');
    const { SqliteInventoryRepository } = await import('${root}variants/common/sqlite/inventory-repository.ts');
    const { SqlitePaymentRepository } = await import('${root}variants/common/sqlite/payment-repository.ts');
    const { SqliteOrderRepository } = await import('${root}variants/common/sqlite/order-repository.ts');
    const { uuidIds, systemClock } = await import('${root}variants/common/ids.ts');
    const d = await import('${root}shared-domain/index.ts');
    const db = openDatabase({ path: process.argv[1], modules: d.MODULE_NAMES });
    const carts = new SqliteCartRepository(db), inventory = new SqliteInventoryRepository(db);
    const payments = new SqlitePaymentRepository(db), orders = new SqliteOrderRepository(db);
    const cartDeps = { carts, catalog: { get: async () => undefined, getMany: async () => [] }, ids: uuidIds };
    const deps = {
      carts: { get: (id) => d.getCart(cartDeps, id), clear: (id) => carts.clear(id) },
      inventory: { reserve: (o, l) => d.reserveStock(inventory, o, l), release: async (o) => { await d.releaseStock(inventory, o); } },
      payments: { authorize: (o, a, c) => d.authorizePayment(payments, o, a, c), void: (o) => d.voidPayment(payments, o) },
      orders, ids: uuidIds, clock: systemClock,
    };
    process.stdout.write('ready\\n');
    const pending = [];
    for (const cartId of JSON.parse(process.argv[2])) {
      pending.push(d.checkout(deps, { cartId, cardNumber: '${GOOD_CARD}' }).then((r) => (r.ok ? 'ok' : r.error.code)));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    process.stdout.write(JSON.stringify(await Promise.all(pending)));
    db.close();
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, path, JSON.stringify(cartIds)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let signalReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => { signalReady = resolve; });
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('ready\n')) signalReady();
  });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const codes = new Promise<string[]>((resolve, reject) => {
    child.on('close', (exitCode) => {
      signalReady();
      if (exitCode === 0) resolve(JSON.parse(stdout.slice(stdout.indexOf('ready\n') + 'ready\n'.length)) as string[]);
      else reject(new Error(`the second process exited with ${exitCode}: ${stderr}`));
    });
  });
  return { ready, codes };
}
