import type { PaymentRepository } from '../../../shared-domain/ports.js';
import type { Payment } from '../../../shared-domain/types.js';
import type { Db } from './database.js';

interface PaymentRow { order_id: string; amount_cents: number; card_last4: string; status: Payment['status'] }

export class SqlitePaymentRepository implements PaymentRepository {
  private readonly select;
  private readonly upsert;

  constructor(db: Db) {
    this.select = db.prepare<[string], PaymentRow>('SELECT order_id, amount_cents, card_last4, status FROM payments WHERE order_id = ?');
    this.upsert = db.prepare(
      'INSERT INTO payments (order_id, amount_cents, card_last4, status) VALUES (?, ?, ?, ?) ON CONFLICT (order_id) DO UPDATE SET status = excluded.status',
    );
  }

  async find(orderId: string): Promise<Payment | undefined> {
    const row = this.select.get(orderId);
    return row && { orderId: row.order_id, amountCents: row.amount_cents, cardLast4: row.card_last4, status: row.status };
  }

  async save(payment: Payment): Promise<void> {
    this.upsert.run(payment.orderId, payment.amountCents, payment.cardLast4, payment.status);
  }
}
