/**
 * Duplicated orders: more than one stored order for the same cart id, or for the same idempotency key.
 * (Every journey checks out a fresh cart once, so a second order for a cart is a duplicate.) The count is
 * the surplus — every order after the first of its cart or key, each order counted once — and the
 * examples are those surplus orders' ids.
 */
import { issueOf, type IntegrityIssue } from './issue.js';
import type { OrderRecord } from './snapshot.js';

export function duplicateOrders(orders: readonly OrderRecord[]): IntegrityIssue {
  const firstByCart = new Set<string>();
  const firstByKey = new Set<string>();
  const surplus: string[] = [];
  for (const order of orders) {
    const cartSeen = firstByCart.has(order.cartId);
    const keySeen = order.idempotencyKey !== null && firstByKey.has(order.idempotencyKey);
    firstByCart.add(order.cartId);
    if (order.idempotencyKey !== null) firstByKey.add(order.idempotencyKey);
    if (cartSeen || keySeen) surplus.push(order.id);
  }
  return issueOf(surplus);
}
