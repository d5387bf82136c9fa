/**
 * The monolith: every module in one process over one SQLite database; events go from the outbox to
 * in-process handlers. A Shop built from the same use cases as every other variant.
 */
import { join } from 'node:path';
import type { Logger } from 'pino';
import { Catalog, SearchIndex, generateCatalog, MODULE_NAMES, type Shop } from '../../shared-domain/index.js';
import { systemClock, uuidIds } from '../common/ids.js';
import {
  cartOperations, catalogOperations, inventoryOperations, ordersOperations, paymentOperations, recommendationsOperations, searchOperations,
} from '../common/module-operations.js';
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

export function createMonolithShop(options: { dataDir: string; seed: number; faults: ModuleFaults; logger: Logger; searchFullTextRounds?: number }): MonolithShop {
  const { faults, logger } = options;
  const catalog = new Catalog(generateCatalog(options.seed));
  const catalogPort = catalog.asPort();
  const index = new SearchIndex(catalog.products, { fullTextRounds: options.searchFullTextRounds });
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

  // Every module through its gate, so a module fault reaches the same operations as in the other variants.
  const catalogModule = faults.gate('catalog', catalogOperations(catalogPort));
  const searchModule = faults.gate('search', searchOperations(index));
  const recommendationsModule = faults.gate('recommendations', recommendationsOperations(catalog, recommendations));
  const cartModule = faults.gate('cart', cartOperations({ carts, catalog: catalogPort, ids: uuidIds }));
  const inventoryModule = faults.gate('inventory', inventoryOperations(inventory));
  const paymentModule = faults.gate('payment', paymentOperations(payments));
  const checkoutDeps = {
    carts: cartModule,
    inventory: { reserve: inventoryModule.reserve, release: async (orderId: string) => { await inventoryModule.release(orderId); } },
    payments: paymentModule,
    orders,
    ids: uuidIds,
    clock: systemClock,
  };
  const ordersModule = faults.gate('orders', ordersOperations(checkoutDeps, () => relay.poke()));

  const shop: Shop = {
    searchProducts: (query) => searchModule.search(query),
    getProduct: (id) => catalogModule.getProduct(id),
    getRecommendations: async (id) => {
      const product = await catalogModule.getProduct(id);
      if (!product.ok) return product;
      try {
        const items = await recommendationsModule.recommend(id);
        return items.ok ? { ok: true, value: { items: items.value, degraded: false } } : items;
      } catch (error) {
        // The same fallback the other variants have: a page without recommendations beats no page.
        logger.warn({ err: error }, 'recommendations failed: answering degraded');
        return { ok: true, value: { items: [], degraded: true } };
      }
    },
    createCart: () => cartModule.create(),
    getCart: (id) => cartModule.get(id),
    addToCart: (cartId, item) => cartModule.addItem(cartId, item.productId, item.quantity),
    removeFromCart: (cartId, productId) => cartModule.removeItem(cartId, productId),
    checkout: (request) => ordersModule.checkout(request),
    getOrder: (id) => ordersModule.get(id),
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
