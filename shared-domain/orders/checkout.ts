/**
 * Checkout: cart not empty → reserve stock → authorize payment → create order (with its OrderPlaced
 * event, saved together) → clear cart. A decline or a failure after the reservation releases the stock
 * (and voids an authorized payment). With an idempotency key, a retried checkout returns the first order.
 */
import { LIMITS } from '../limits.js';
import { checkCardNumber } from '../payment/payment.js';
import { fail, ok, type Result } from '../result.js';
import type { CartPort, Clock, IdGenerator, InventoryPort, OrderRepository, PaymentPort } from '../ports.js';
import type { Cart, Order, OrderPlaced } from '../types.js';

export interface CheckoutDeps {
  readonly carts: CartPort;
  readonly inventory: InventoryPort;
  readonly payments: PaymentPort;
  readonly orders: OrderRepository;
  readonly ids: IdGenerator;
  readonly clock: Clock;
}

export interface CheckoutRequest {
  readonly cartId: string;
  readonly cardNumber: string;
  readonly idempotencyKey?: string;
}

export async function checkout(deps: CheckoutDeps, request: CheckoutRequest): Promise<Result<Order>> {
  const invalid = checkRequest(request);
  if (invalid) return fail('REQUEST.INVALID', invalid);
  if (request.idempotencyKey !== undefined) {
    const earlier = await deps.orders.findByIdempotencyKey(request.idempotencyKey);
    if (earlier) return ok(earlier);
  }
  const cart = await deps.carts.get(request.cartId);
  if (!cart.ok) return cart;
  if (cart.value.lines.length === 0) return fail('CART.EMPTY', `cart ${request.cartId} is empty`);

  const orderId = deps.ids.newId('order');
  const key = request.idempotencyKey;
  if (key !== undefined) {
    const owner = await deps.orders.claimKey(key, orderId);
    if (owner !== orderId) return placedBy(deps, owner);
  }
  const placed = await reserveAndPlace(deps, request, cart.value, orderId).catch(async (error: unknown) => {
    if (key !== undefined) await deps.orders.releaseKey(key, orderId).catch(() => undefined);
    throw error;
  });
  if (!placed.ok && key !== undefined) await deps.orders.releaseKey(key, orderId);
  return placed;
}

async function reserveAndPlace(deps: CheckoutDeps, request: CheckoutRequest, cart: Cart, orderId: string): Promise<Result<Order>> {
  const reserved = await deps.inventory.reserve(orderId, cart.lines.map(({ productId, quantity }) => ({ productId, quantity })));
  if (!reserved.ok) return reserved;
  let placed: Result<Order>;
  try {
    placed = await authorizeAndCreate(deps, request, cart, orderId);
  } catch (error) {
    await compensate(deps, orderId).catch(() => undefined);
    throw error;
  }
  if (!placed.ok || placed.value.id !== orderId) await compensate(deps, orderId);
  // The order stands once saved: a cart that fails to clear is left for the client, never undone.
  if (placed.ok) await deps.carts.clear(request.cartId).catch(() => undefined);
  return placed;
}

/** Another attempt with the same key owns it: its order when placed, else it is still in progress. */
async function placedBy(deps: CheckoutDeps, ownerOrderId: string): Promise<Result<Order>> {
  const order = await deps.orders.get(ownerOrderId);
  return order ? ok(order) : fail('ORDER.IN_PROGRESS', 'a checkout with this Idempotency-Key is in progress; retry shortly');
}

async function authorizeAndCreate(deps: CheckoutDeps, request: CheckoutRequest, cart: Cart, orderId: string): Promise<Result<Order>> {
  const payment = await deps.payments.authorize(orderId, cart.subtotalCents, request.cardNumber);
  if (!payment.ok) return payment;
  const order = newOrder(orderId, cart, payment.value.cardLast4, deps.clock.now());
  const creation = await deps.orders.create(order, request.idempotencyKey, orderPlaced(order));
  // A concurrent retry with the same key won the race: answer with its order, undo ours.
  return ok(creation.order);
}

/** Voids the payment and releases the stock; one failing does not keep the other from running. */
async function compensate(deps: CheckoutDeps, orderId: string): Promise<void> {
  const [voided, released] = await Promise.allSettled([deps.payments.void(orderId), deps.inventory.release(orderId)]);
  const failure = [voided, released].find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
}

function newOrder(id: string, cart: Cart, cardLast4: string, now: Date): Order {
  return {
    id,
    cartId: cart.id,
    lines: cart.lines.map((l) => ({ ...l, lineTotalCents: l.quantity * l.unitPriceCents })),
    totalCents: cart.subtotalCents,
    status: 'placed',
    cardLast4,
    createdAt: now.toISOString(),
  };
}

export function orderPlaced(order: Order): OrderPlaced {
  return {
    id: `evt-${order.id}`,
    type: 'OrderPlaced',
    orderId: order.id,
    lines: order.lines.map(({ productId, quantity }) => ({ productId, quantity })),
    totalCents: order.totalCents,
    occurredAt: order.createdAt,
  };
}

function checkRequest(request: CheckoutRequest): string | undefined {
  if (request.idempotencyKey !== undefined && (request.idempotencyKey.length === 0 || request.idempotencyKey.length > LIMITS.idempotencyKeyMaxChars)) {
    return `Idempotency-Key must be 1 to ${LIMITS.idempotencyKeyMaxChars} characters`;
  }
  return checkCardNumber(request.cardNumber);
}
