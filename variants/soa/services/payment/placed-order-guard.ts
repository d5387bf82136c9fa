/**
 * A placed order's payment is never voided. A checkout that lost the reply of `order.create` voids to
 * compensate, yet the order may have been saved: the shared database answers which, in the same
 * transaction as the write. (The sales-service only saves an order whose payment is still authorized.)
 */
import type { PaymentRepository } from '../../../../shared-domain/ports.js';
import type { Payment } from '../../../../shared-domain/types.js';
import type { Db } from '../../../common/sqlite/database.js';

export class PlacedOrderPaymentGuard implements PaymentRepository {
  private readonly orderExists;

  constructor(private readonly inner: PaymentRepository, private readonly db: Db, private readonly onRefused: (orderId: string) => void) {
    this.orderExists = db.prepare<[string], { id: string }>('SELECT id FROM orders WHERE id = ?');
  }

  find(orderId: string): Promise<Payment | undefined> {
    return this.inner.find(orderId);
  }

  async save(payment: Payment): Promise<void> {
    const { saving } = this.db.transaction(() => {
      if (payment.status === 'voided' && this.orderExists.get(payment.orderId)) return { saving: undefined };
      // The SQLite repository writes synchronously: the write happens here, inside this transaction.
      return { saving: this.inner.save(payment) };
    }).immediate();
    if (saving) await saving;
    else this.onRefused(payment.orderId);
  }
}
