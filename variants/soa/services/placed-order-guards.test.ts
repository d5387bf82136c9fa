/**
 * The shared-database rules that keep a checkout's two sides in agreement when the esb lost a reply:
 * stock and payment of a placed order are never given back, and an order whose stock or payment was
 * given back is never saved. Each rule holds whichever side reaches the database first.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  authorizePayment, generateCatalog, orderPlaced, releaseStock, reserveStock, voidPayment, MODULE_NAMES, type Order,
} from '../../../shared-domain/index.js';
import { openDatabase, type Db } from '../../common/sqlite/database.js';
import { SqliteInventoryRepository } from '../../common/sqlite/inventory-repository.js';
import { SqliteOrderRepository } from '../../common/sqlite/order-repository.js';
import { SqlitePaymentRepository } from '../../common/sqlite/payment-repository.js';
import { PlacedOrderGuard } from './inventory/placed-order-guard.js';
import { PlacedOrderPaymentGuard } from './payment/placed-order-guard.js';
import { CheckoutAbandonedError, OrderPlacement } from './sales/order-placement.js';

const [PRODUCT] = generateCatalog(42, 5);
const CARD = '4111111111111111';

describe('placed-order guards over the enterprise database', () => {
  const opened: Db[] = [];
  afterEach(() => opened.splice(0).forEach((db) => db.close()));

  function enterprise() {
    const db = openDatabase({ path: ':memory:', modules: MODULE_NAMES, products: [PRODUCT!] });
    opened.push(db);
    const refused: string[] = [];
    const inventory = new PlacedOrderGuard(new SqliteInventoryRepository(db), db, (id) => refused.push(`stock ${id}`));
    const payments = new PlacedOrderPaymentGuard(new SqlitePaymentRepository(db), db, (id) => refused.push(`payment ${id}`));
    const orders = new SqliteOrderRepository(db);
    const placement = new OrderPlacement(db, orders);
    const level = () => db.prepare('SELECT available, reserved, sold FROM stock WHERE product_id = ?').get(PRODUCT!.id);
    return { inventory, payments, orders, placement, level, refused };
  }

  async function reservedAndPaid(shop: ReturnType<typeof enterprise>, orderId: string): Promise<Order> {
    expect((await reserveStock(shop.inventory, orderId, [{ productId: PRODUCT!.id, quantity: 2 }])).ok).toBe(true);
    expect((await authorizePayment(shop.payments, orderId, 2 * PRODUCT!.priceCents, CARD)).ok).toBe(true);
    const lines = [{ productId: PRODUCT!.id, quantity: 2, unitPriceCents: PRODUCT!.priceCents, lineTotalCents: 2 * PRODUCT!.priceCents }];
    return { id: orderId, cartId: 'cart-1', lines, totalCents: 2 * PRODUCT!.priceCents, status: 'placed', cardLast4: '1111', createdAt: new Date(0).toISOString() };
  }

  it('keeps the stock and the payment of an order that was saved before the compensation', async () => {
    const shop = enterprise();
    const order = await reservedAndPaid(shop, 'order-1');
    expect(await shop.placement.create(order, 'key-1', orderPlaced(order))).toEqual({ created: true, order });

    await voidPayment(shop.payments, 'order-1');
    await releaseStock(shop.inventory, 'order-1');
    expect(shop.refused).toEqual(['payment order-1', 'stock order-1']);
    expect(await shop.payments.find('order-1')).toMatchObject({ status: 'authorized' });
    expect(shop.level()).toEqual({ available: PRODUCT!.initialStock - 2, reserved: 2, sold: 0 });
  });

  it('refuses to save an order whose stock was released first, and releases normally without an order', async () => {
    const shop = enterprise();
    const order = await reservedAndPaid(shop, 'order-2');
    await voidPayment(shop.payments, 'order-2');
    await releaseStock(shop.inventory, 'order-2');
    expect(shop.refused).toEqual([]);
    expect(shop.level()).toEqual({ available: PRODUCT!.initialStock, reserved: 0, sold: 0 });

    await expect(shop.placement.create(order, 'key-2', orderPlaced(order))).rejects.toBeInstanceOf(CheckoutAbandonedError);
    expect(await shop.orders.get('order-2')).toBeUndefined();
    expect(await shop.orders.findByIdempotencyKey('key-2')).toBeUndefined();
  });

  it('answers a repeated create with the saved order', async () => {
    const shop = enterprise();
    const order = await reservedAndPaid(shop, 'order-3');
    await shop.placement.create(order, undefined, orderPlaced(order));
    expect(await shop.placement.create(order, undefined, orderPlaced(order))).toEqual({ created: false, order });
  });
});
