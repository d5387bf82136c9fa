/**
 * Saves an order only while its checkout still holds what it pays with: the reservation `reserved` and
 * the payment `authorized`, read from the shared database in the same transaction as the insert. An
 * esb that gave up on a slow `order.create` releases both; a stale create that arrives afterwards must
 * not place an order whose stock went back on the shelf. (The inventory-service, symmetrically, never
 * releases the stock of a placed order.) Idempotent per order id: a retried create answers with the order.
 */
import type { OrderCreation } from '../../../../shared-domain/ports.js';
import type { Order, OrderPlaced } from '../../../../shared-domain/types.js';
import type { Db } from '../../../common/sqlite/database.js';
import type { SqliteOrderRepository } from '../../../common/sqlite/order-repository.js';

export class CheckoutAbandonedError extends Error {
  override readonly name = 'CheckoutAbandonedError';
  constructor(readonly orderId: string, reservation: string | undefined, payment: string | undefined) {
    super(`order ${orderId} was abandoned by its checkout (reservation ${reservation ?? 'missing'}, payment ${payment ?? 'missing'})`);
  }
}

export class OrderPlacement {
  private readonly orderExists;
  private readonly reservationStatus;
  private readonly paymentStatus;

  constructor(private readonly db: Db, private readonly orders: SqliteOrderRepository) {
    this.orderExists = db.prepare<[string], { id: string }>('SELECT id FROM orders WHERE id = ?');
    this.reservationStatus = db.prepare<[string], { status: string }>('SELECT status FROM reservations WHERE order_id = ?');
    this.paymentStatus = db.prepare<[string], { status: string }>('SELECT status FROM payments WHERE order_id = ?');
  }

  async create(order: Order, idempotencyKey: string | undefined, event: OrderPlaced): Promise<OrderCreation> {
    const { saved, creation } = this.db.transaction(() => {
      if (this.orderExists.get(order.id)) return { saved: true };
      const reservation = this.reservationStatus.get(order.id)?.status;
      const payment = this.paymentStatus.get(order.id)?.status;
      if (reservation !== 'reserved' || payment !== 'authorized') throw new CheckoutAbandonedError(order.id, reservation, payment);
      // The repository's transaction nests in this one as a savepoint: its work is synchronous, so it runs
      // here, under this transaction's lock. Only its result arrives later, wrapped in a promise.
      return { saved: false, creation: this.orders.create(order, idempotencyKey, event) };
    }).immediate();
    if (creation) return creation;
    const existing = saved ? await this.orders.get(order.id) : undefined;
    if (!existing) throw new Error(`order ${order.id} vanished`);
    return { created: false, order: existing };
  }
}
