/**
 * The monolith: every module in one process over one SQLite database; events go from the outbox to
 * in-process handlers. A Shop built from the same use cases as every other variant.
 */
import { join } from 'node:path';
import type { Logger } from 'pino';
import {
  Catalog, SearchIndex, addToCart, authorizePayment, checkout, createCart, generateCatalog, getCart, getOrder, getProduct,
  recommend, releaseStock, removeFromCart, reserveStock, voidPayment, MODULE_NAMES, type Shop,
} from '../../shared-domain/index.js';
import { systemClock, uuidIds } from '../common/ids.js';
import type { ModuleFaults } from '../common/module-faults.js';
import { inventoryOnOrderPlaced, recommendationsOnOrderPlaced } from '../common/order-placed-handlers.js';
import { OutboxRelay } from '../common/outbox-relay.js';
import { AppliedEvents } from '../common/sqlite/applied-events.js';
import { SqliteCartRepository } from '../common/sqlite/cart-repository.js';
import { openDatabase } from '../common/sqlite/database.js';
import { SqliteInventoryRepository } from '../common/sqlite/inventory-repository.js';
import { SqliteOrderRepository } from '../common/sqlite/order-repository.js';
import { SqliteOutbox } from '../common/sqlite/outbox.js';
import { SqlitePaymentRepository } from '../common/sqlite/payment-repository.js';
import { SqliteRecommendationRepository } from '../common/sqlite/recommendation-repository.js';

export interface MonolithShop {
  readonly shop: Shop;
  stop(): Promise<void>;
}

export function createMonolithShop(options: { dataDir: string; seed: number; faults: ModuleFaults; logger: Logger }): MonolithShop {
  const { faults, logger } = options;
  const catalog = new Catalog(generateCatalog(options.seed));
  const catalogPort = catalog.asPort();
  const index = new SearchIndex(catalog.products);
  const db = openDatabase({ path: join(options.dataDir, 'monolith.db'), modules: MODULE_NAMES, products: catalog.products });
  const carts = new SqliteCartRepository(db);
  const inventory = new SqliteInventoryRepository(db);
  const payments = new SqlitePaymentRepository(db);
  const orders = new SqliteOrderRepository(db);
  const recommendations = new SqliteRecommendationRepository(db);
  const onInventory = inventoryOnOrderPlaced(inventory, new AppliedEvents(db, 'inventory'));
  const onRecommendations = recommendationsOnOrderPlaced(recommendations);
  const relay = new OutboxRelay({
    outbox: new SqliteOutbox(db),
    logger,
    publish: async (event) => {
      await onInventory(event);
      await onRecommendations(event);
    },
  }).start();
  const cartDeps = { carts, catalog: catalogPort, ids: uuidIds };
  const checkoutDeps = {
    carts: { get: async (id: string) => (await faults.guard('cart'), getCart(cartDeps, id)), clear: (id: string) => carts.clear(id) },
    inventory: {
      reserve: async (orderId: string, lines: Parameters<typeof reserveStock>[2]) => (await faults.guard('inventory'), reserveStock(inventory, orderId, lines)),
      release: async (orderId: string) => { await releaseStock(inventory, orderId); },
    },
    payments: {
      authorize: async (orderId: string, amountCents: number, card: string) => (await faults.guard('payment'), authorizePayment(payments, orderId, amountCents, card)),
      void: (orderId: string) => voidPayment(payments, orderId),
    },
    orders,
    ids: uuidIds,
    clock: systemClock,
  };

  const shop: Shop = {
    searchProducts: async (query) => (await faults.guard('search'), index.search(query)),
    getProduct: async (id) => (await faults.guard('catalog'), getProduct(catalogPort, id)),
    getRecommendations: async (id) => {
      await faults.guard('catalog');
      const product = await getProduct(catalogPort, id);
      if (!product.ok) return product;
      try {
        await faults.guard('recommendations');
        const items = await recommend(catalog, recommendations, id);
        return items.ok ? { ok: true, value: { items: items.value, degraded: false } } : items;
      } catch (error) {
        // The same fallback the other variants have: a page without recommendations beats no page.
        logger.warn({ err: error }, 'recommendations failed: answering degraded');
        return { ok: true, value: { items: [], degraded: true } };
      }
    },
    createCart: async () => (await faults.guard('cart'), createCart(cartDeps)),
    getCart: async (id) => (await faults.guard('cart'), getCart(cartDeps, id)),
    addToCart: async (cartId, item) => (await faults.guard('cart'), addToCart(cartDeps, cartId, item.productId, item.quantity)),
    removeFromCart: async (cartId, productId) => (await faults.guard('cart'), removeFromCart(cartDeps, cartId, productId)),
    checkout: async (request) => {
      await faults.guard('orders');
      const placed = await checkout(checkoutDeps, request);
      if (placed.ok) relay.poke();
      return placed;
    },
    getOrder: async (id) => (await faults.guard('orders'), getOrder(orders, id)),
    readiness: async () => ({ ready: db.open, checks: { database: db.open } }),
  };
  return {
    shop,
    stop: async () => {
      await relay.stop();
      db.close();
    },
  };
}
