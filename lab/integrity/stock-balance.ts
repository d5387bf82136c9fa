/**
 * Stock that does not add up. A product is counted (once) when any of these fails:
 *   1. available + reserved + sold = initial                       (stock is neither created nor lost)
 *   2. sold = Σ quantity of the product over the stored orders whose reservation is `committed`
 *      (order lines, from the order store; a committed reservation without an order, or an order whose
 *      commit did not reach `sold`, breaks it)
 *   3. reserved = Σ quantity of the product over reservations still `reserved`
 * Orders whose event is not applied yet are not in 2 (their reservation is still `reserved`): they are
 * reported as events not applied and stuck reservations instead.
 */
import { issueOf, type IntegrityIssue } from './issue.js';
import type { OrderRecord, ReservationRecord, StockRecord } from './snapshot.js';

export function stockMismatches(stock: readonly StockRecord[], orders: readonly OrderRecord[], reservations: readonly ReservationRecord[]): IntegrityIssue {
  const status = new Map(reservations.map((r) => [r.orderId, r.status]));
  const soldByOrders = new Map<string, number>();
  for (const order of orders) {
    if (status.get(order.id) === 'committed') addLines(soldByOrders, order.lines);
  }
  const stillReserved = new Map<string, number>();
  for (const r of reservations) if (r.status === 'reserved') addLines(stillReserved, r.lines);
  const wrong = stock.filter((s) =>
    s.available + s.reserved + s.sold !== s.initial
    || s.sold !== (soldByOrders.get(s.productId) ?? 0)
    || s.reserved !== (stillReserved.get(s.productId) ?? 0));
  return issueOf(wrong.map((s) => s.productId));
}

function addLines(totals: Map<string, number>, lines: ReadonlyArray<{ productId: string; quantity: number }>): void {
  for (const l of lines) totals.set(l.productId, (totals.get(l.productId) ?? 0) + l.quantity);
}
