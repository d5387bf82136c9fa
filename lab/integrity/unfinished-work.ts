/**
 * Work started and not finished once the run has quiesced: reservations neither committed nor released,
 * OrderPlaced events a consumer never applied, and outbox rows never handed to the transport.
 */
import { issueOf, type IntegrityIssue } from './issue.js';
import { orderPlacedEventId, type OrderRecord, type OutboxRecord, type ReservationRecord } from './snapshot.js';

/** Examples are order ids. */
export function stuckReservations(reservations: readonly ReservationRecord[]): IntegrityIssue {
  return issueOf(reservations.filter((r) => r.status === 'reserved').map((r) => r.orderId));
}

/** Stored orders whose `evt-<orderId>` the consumer has not recorded in applied_events; examples are order ids. */
export function eventsNotApplied(orders: readonly OrderRecord[], applied: ReadonlySet<string>): IntegrityIssue {
  return issueOf(orders.filter((o) => !applied.has(orderPlacedEventId(o.id))).map((o) => o.id));
}

/** Examples are event ids. */
export function outboxPending(outbox: readonly OutboxRecord[]): IntegrityIssue {
  return issueOf(outbox.filter((e) => !e.published).map((e) => e.eventId));
}
