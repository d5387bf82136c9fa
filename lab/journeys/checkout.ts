import { randomUUID } from 'node:crypto';
import { randomProductId } from './choices.js';
import { httpStep, type StepContext } from './http-step.js';
import { answered, failedAt, malformed, stringField, type Journey, type JourneyResult } from './journey.js';

export const TEST_CARD_NUMBER = '4111111111111111';

/**
 * Buy: create a cart, add one or two products, check out with a fresh Idempotency-Key, read the order.
 * Once the checkout answered 201 the order was acknowledged to the client: the run carries its id,
 * key and cart even if reading it back fails, so integrity checks can look for it. No retries.
 */
export const checkout: Journey = async (context) => {
  const first = randomProductId(context.random);
  const second = context.random() < 0.5 ? randomProductId(context.random) : undefined;
  const productIds = second === undefined || second === first ? [first] : [first, second];
  const idempotencyKey = randomUUID();

  const created = await httpStep(context, { method: 'POST', path: '/api/carts', json: true });
  if (!created.ok) return failedAt(created);
  const cartId = stringField(created.body, 'id');
  if (cartId === undefined) return malformed(created.status);
  const cartPath = `/api/carts/${encodeURIComponent(cartId)}/items`;
  for (const productId of productIds) {
    const added = await httpStep(context, { method: 'POST', path: cartPath, body: { productId, quantity: 1 } });
    if (!added.ok) return failedAt(added);
  }

  const placed = await httpStep(context, {
    method: 'POST', path: '/api/checkout', json: true,
    body: { cartId, card: { number: TEST_CARD_NUMBER } }, headers: { 'idempotency-key': idempotencyKey },
  });
  if (!placed.ok) return failedAt(placed);
  const orderId = stringField(placed.body, 'id');
  if (placed.status !== 201 || orderId === undefined) return malformed(placed.status);
  return { ...(await readOrder(context, orderId)), orderId, idempotencyKey, cartId };
};

async function readOrder(context: StepContext, orderId: string): Promise<JourneyResult> {
  const order = await httpStep(context, { method: 'GET', path: `/api/orders/${encodeURIComponent(orderId)}` });
  return order.ok ? answered('ok', order.status) : failedAt(order);
}
