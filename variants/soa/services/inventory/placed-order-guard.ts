/**
 * Stock of a placed order is never released. A checkout that lost track of its `order.create` (the
 * reply never came) compensates by releasing, yet the order may have been saved: the shared database
 * answers which, in the same transaction as the release. (The sales-service checks the other way round.)
 */
import { ok } from '../../../../shared-domain/result.js';
import type { InventoryDecision, InventoryRepository, InventoryState } from '../../../../shared-domain/ports.js';
import type { ProductId } from '../../../../shared-domain/types.js';
import type { Db } from '../../../common/sqlite/database.js';

export class PlacedOrderGuard implements InventoryRepository {
  private readonly orderExists;

  constructor(private readonly inner: InventoryRepository, db: Db, private readonly onRefused: (orderId: string) => void) {
    this.orderExists = db.prepare<[string], { id: string }>('SELECT id FROM orders WHERE id = ?');
  }

  atomically<T>(orderId: string, productIds: readonly ProductId[], decide: (state: InventoryState) => InventoryDecision<T>) {
    // `decide` runs inside the repository's immediate transaction, so this read is part of it.
    return this.inner.atomically(orderId, productIds, (state): InventoryDecision<T> => {
      const decision = decide(state);
      if (decision.change?.reservation.status !== 'released' || !this.orderExists.get(orderId)) return decision;
      this.onRefused(orderId);
      // A release answers with the reservation as it stands (T is Reservation | undefined there).
      return { result: ok(state.reservation as T) };
    });
  }

  reservation(orderId: string) {
    return this.inner.reservation(orderId);
  }

  level(productId: ProductId) {
    return this.inner.level(productId);
  }
}
