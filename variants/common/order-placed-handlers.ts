/** What every variant does when an order is placed: commit its stock, count its co-purchases. */
import { commitStock } from '../../shared-domain/inventory/inventory.js';
import type { InventoryRepository, RecommendationRepository } from '../../shared-domain/ports.js';
import type { OrderPlaced } from '../../shared-domain/types.js';
import type { AppliedEvents } from './sqlite/applied-events.js';

export function inventoryOnOrderPlaced(repo: InventoryRepository, applied: AppliedEvents) {
  return async (event: OrderPlaced): Promise<void> => {
    // Committing is idempotent per reservation, so at-least-once delivery needs no lock here.
    const committed = await commitStock(repo, event.orderId);
    if (!committed.ok) throw new Error(`cannot commit stock of ${event.orderId}: ${committed.error.message}`);
    applied.mark(event.id);
  };
}

export function recommendationsOnOrderPlaced(repo: RecommendationRepository) {
  return async (event: OrderPlaced): Promise<void> => {
    await repo.applyOrderPlaced(event);
  };
}
