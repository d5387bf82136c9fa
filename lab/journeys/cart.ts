import { randomProductId } from './choices.js';
import { httpStep } from './http-step.js';
import { answered, failedAt, malformed, stringField, type Journey } from './journey.js';

/** Create a cart and add one product to it. */
export const cart: Journey = async (context) => {
  const productId = randomProductId(context.random);
  const created = await httpStep(context, { method: 'POST', path: '/api/carts', json: true });
  if (!created.ok) return failedAt(created);
  const cartId = stringField(created.body, 'id');
  if (cartId === undefined) return malformed(created.status);
  const added = await httpStep(context, { method: 'POST', path: `/api/carts/${encodeURIComponent(cartId)}/items`, body: { productId, quantity: 1 } });
  return added.ok ? answered('ok', added.status) : failedAt(added);
};
