/**
 * The portal's Shop: every operation is one AMQP request/reply to the esb, with the time budget the
 * micro gateway gives the same call. Broker down → UpstreamUnavailableError at once (503); no answer
 * in time → UpstreamTimeoutError (504). Recommendations that time out answer degraded, like the
 * monolith's fallback: a page without them beats no page.
 */
import type { Logger } from 'pino';
import { ok } from '../../../shared-domain/result.js';
import type { Readiness, Shop } from '../../../shared-domain/shop.js';
import { UpstreamTimeoutError } from '../../common/errors.js';
import type { RpcClient } from '../amqp/rpc-client.js';
import type { EsbRequests } from '../messages.js';

export const PORTAL_TIMEOUTS_MS = { read: 2_000, write: 2_000, recommendations: 800, checkout: 6_000 } as const;

export function esbShop(esb: RpcClient<EsbRequests>, readiness: () => Readiness, logger: Logger, timeouts = PORTAL_TIMEOUTS_MS): Shop {
  return {
    searchProducts: (query) => esb.call('SearchProducts', query, timeouts.read),
    getProduct: (id) => esb.call('GetProduct', { id }, timeouts.read),
    getRecommendations: async (id) => {
      try {
        return await esb.call('GetRecommendations', { id }, timeouts.recommendations);
      } catch (error) {
        if (!(error instanceof UpstreamTimeoutError)) throw error;
        logger.warn({ err: error }, 'recommendations timed out: answering degraded');
        return ok({ items: [], degraded: true });
      }
    },
    createCart: () => esb.call('CreateCart', {}, timeouts.write),
    getCart: (id) => esb.call('GetCart', { id }, timeouts.read),
    addToCart: (cartId, item) => esb.call('AddCartItem', { cartId, productId: item.productId, quantity: item.quantity }, timeouts.write),
    removeFromCart: (cartId, productId) => esb.call('RemoveCartItem', { cartId, productId }, timeouts.write),
    checkout: ({ cartId, cardNumber, idempotencyKey }) =>
      esb.call('PlaceOrder', { cartId, card: { number: cardNumber }, ...(idempotencyKey === undefined ? {} : { idempotencyKey }) }, timeouts.checkout),
    getOrder: (id) => esb.call('GetOrder', { id }, timeouts.read),
    readiness: async () => readiness(),
  };
}
