/** What the integrity check reads from the stores, as plain data: the checks are pure functions of it. */
import type { OrderLine, Reservation } from '../../shared-domain/types.js';

export interface OrderRecord {
  readonly id: string;
  readonly idempotencyKey: string | null;
  readonly cartId: string;
  readonly lines: readonly OrderLine[];
}

export interface StockRecord {
  readonly productId: string;
  readonly initial: number;
  readonly available: number;
  readonly reserved: number;
  readonly sold: number;
}

export interface ReservationRecord {
  readonly orderId: string;
  readonly lines: readonly OrderLine[];
  readonly status: Reservation['status'];
}

export interface OutboxRecord {
  readonly eventId: string;
  readonly published: boolean;
}

export interface StoreSnapshot {
  readonly orders: readonly OrderRecord[];
  readonly outbox: readonly OutboxRecord[];
  readonly stock: readonly StockRecord[];
  readonly reservations: readonly ReservationRecord[];
  /** Event ids in applied_events, per consumer. */
  readonly applied: { readonly inventory: ReadonlySet<string>; readonly recommendations: ReadonlySet<string> };
}

/** The event id every variant gives an order's OrderPlaced (see shared-domain `orderPlaced`). */
export const orderPlacedEventId = (orderId: string): string => `evt-${orderId}`;
