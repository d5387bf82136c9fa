/**
 * Test fixture: a shop's stores in real SQLite files, written by the real repositories and the domain's
 * checkout, wired as the monolith wires them — either in one file (monolith) or in one file per service
 * (micro-like). `placeOrders` checks out fresh carts; `deliverEvents` runs the outbox through both
 * OrderPlaced handlers.
 */
import { join } from 'node:path';
import {
  Catalog, addToCart, authorizePayment, checkout, createCart, generateCatalog, getCart, releaseStock, reserveStock, voidPayment,
  MODULE_NAMES, type CartDeps, type CheckoutDeps, type ModuleName, type Product,
} from '../../shared-domain/index.js';
import { systemClock, uuidIds } from '../../variants/common/ids.js';
import { inventoryOnOrderPlaced, recommendationsOnOrderPlaced } from '../../variants/common/order-placed-handlers.js';
import { AppliedEvents } from '../../variants/common/sqlite/applied-events.js';
import { SqliteCartRepository } from '../../variants/common/sqlite/cart-repository.js';
import { openDatabase, type Db } from '../../variants/common/sqlite/database.js';
import { SqliteInventoryRepository } from '../../variants/common/sqlite/inventory-repository.js';
import { SqliteOrderRepository } from '../../variants/common/sqlite/order-repository.js';
import { SqliteOutbox } from '../../variants/common/sqlite/outbox.js';
import { SqlitePaymentRepository } from '../../variants/common/sqlite/payment-repository.js';
import { SqliteRecommendationRepository } from '../../variants/common/sqlite/recommendation-repository.js';
import type { JourneyRun } from '../journeys/types.js';

export const PRODUCTS: readonly Product[] = generateCatalog(42, 40);
const GOOD_CARD = '4111111111111111';
const DECLINED_CARD = '4000000000000002';

/** File per module: one name for all (monolith), or one per service. */
export type Layout = (module: ModuleName) => string;
export const MONOLITH_LAYOUT: Layout = () => 'monolith.db';
export const MICRO_LAYOUT: Layout = (module) => `micro-${module}.db`;

export function openStores(dataDir: string, layout: Layout) {
  const dbs = new Map<string, Db>();
  for (const module of MODULE_NAMES) {
    const file = layout(module);
    const modules = MODULE_NAMES.filter((m) => layout(m) === file);
    if (!dbs.has(file)) dbs.set(file, openDatabase({ path: join(dataDir, file), modules, products: PRODUCTS }));
  }
  const db = (module: ModuleName): Db => dbs.get(layout(module)) as Db;
  const carts = new SqliteCartRepository(db('cart'));
  const inventory = new SqliteInventoryRepository(db('inventory'));
  const payments = new SqlitePaymentRepository(db('payment'));
  const cartDeps: CartDeps = { carts, catalog: new Catalog(PRODUCTS).asPort(), ids: uuidIds };
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
    orders: new SqliteOrderRepository(db('orders')),
    ids: uuidIds,
    clock: systemClock,
  };
  const outbox = new SqliteOutbox(db('orders'));
  const onInventory = inventoryOnOrderPlaced(inventory, new AppliedEvents(db('inventory'), 'inventory'));
  const onRecommendations = recommendationsOnOrderPlaced(new SqliteRecommendationRepository(db('recommendations')));

  return {
    /** Checks out `count` fresh carts of two products each; every third card is declined. Returns the runs a probe would record. */
    async placeOrders(count: number): Promise<JourneyRun[]> {
      const runs: JourneyRun[] = [];
      for (let i = 0; i < count; i += 1) {
        const cart = await createCart(cartDeps);
        if (!cart.ok) throw new Error(cart.error.message);
        for (const p of [PRODUCTS[i % PRODUCTS.length], PRODUCTS[(i * 7 + 3) % PRODUCTS.length]] as Product[]) {
          await addToCart(cartDeps, cart.value.id, p.id, 1 + (i % 3));
        }
        const idempotencyKey = `key-${i}`;
        const placed = await checkout(checkoutDeps, { cartId: cart.value.id, cardNumber: i % 3 === 2 ? DECLINED_CARD : GOOD_CARD, idempotencyKey });
        runs.push({
          source: 'probe', journey: 'checkout', scheduledMs: Date.now(), latencyMs: 1, cartId: cart.value.id, idempotencyKey,
          ...(placed.ok ? { outcome: 'ok', status: 201, orderId: placed.value.id } : { outcome: 'ok', status: 402 }),
        });
      }
      return runs;
    },
    async deliverEvents(): Promise<number> {
      const pending = outbox.pending(1000);
      for (const event of pending) {
        await onInventory(event);
        await onRecommendations(event);
        outbox.published(event.id);
      }
      return pending.length;
    },
    close(): void {
      for (const handle of dbs.values()) handle.close();
    },
  };
}
