/**
 * The Shop the public API serves, over HTTP calls to the services. Business outcomes pass through as
 * the services decided them; an unreachable or slow service is a 503/504; recommendations that cannot
 * be had are an empty, degraded list (a cockatiel fallback) so a product page never fails for them.
 */
import { fallback, handleAll } from 'cockatiel';
import type { Logger } from 'pino';
import { fail, ok, type Result } from '../../../shared-domain/result.js';
import type { Shop } from '../../../shared-domain/shop.js';
import type { Cart, Order, Product, ProductSummary, Recommendations, SearchPage } from '../../../shared-domain/types.js';
import { segment } from '../shared/service-client.js';
import type { Downstreams } from './downstreams.js';

const DEGRADED: Result<Recommendations> = ok({ items: [], degraded: true });

/** `routable`: whether the services can be found yet (the registry read once); the gateway is ready when they can. */
export function createGatewayShop({ catalog, recommendation, cart, order }: Downstreams, logger: Logger, routable: () => boolean = () => true): Shop {
  const withoutRecommendations = fallback(handleAll, () => DEGRADED);
  withoutRecommendations.onFailure(({ reason }) => {
    logger.warn({ err: 'error' in reason ? reason.error : undefined }, 'recommendations unavailable: answering degraded');
  });

  return {
    searchProducts: (query) => {
      const params = new URLSearchParams({ q: query.q, page: String(query.page), pageSize: String(query.pageSize) });
      if (query.category !== undefined) params.set('category', query.category);
      return catalog.get<SearchPage>(`/products?${params}`);
    },
    getProduct: (id) => (id ? catalog.get<Product>(`/products/${segment(id)}`) : notFound('PRODUCT.NOT_FOUND', 'product', id)),
    getRecommendations: async (id) => {
      if (!id) return notFound('PRODUCT.NOT_FOUND', 'product', id);
      // Both at once: the product decides 404 (as in every variant), recommendations only add to it.
      const [product, recommended] = await Promise.all([
        catalog.get<Product>(`/products/${segment(id)}`),
        withoutRecommendations.execute(async (): Promise<Result<Recommendations>> => {
          const found = await recommendation.get<{ items: ProductSummary[] }>(`/products/${segment(id)}/recommendations`);
          return found.ok ? ok({ items: found.value.items, degraded: false }) : found;
        }),
      ]);
      return product.ok ? recommended : product;
    },
    createCart: () => cart.call<{ id: string }>('POST', '/carts'),
    getCart: (id) => (id ? cart.get<Cart>(`/carts/${segment(id)}`) : notFound('CART.NOT_FOUND', 'cart', id)),
    addToCart: (cartId, item) =>
      (cartId ? cart.call<Cart>('POST', `/carts/${segment(cartId)}/items`, { body: item }) : notFound('CART.NOT_FOUND', 'cart', cartId)),
    // Removing a product from a cart twice leaves the same cart: safe to retry.
    removeFromCart: (cartId, productId) =>
      (cartId
        ? cart.call<Cart>('DELETE', `/carts/${segment(cartId)}/items/${segment(productId)}`, { idempotent: true })
        : notFound('CART.NOT_FOUND', 'cart', cartId)),
    checkout: ({ cartId, cardNumber, idempotencyKey }) =>
      order.call<Order>('POST', '/checkout', { body: { cartId, card: { number: cardNumber } }, headers: { 'idempotency-key': idempotencyKey } }),
    getOrder: (id) => (id ? order.get<Order>(`/orders/${segment(id)}`) : notFound('ORDER.NOT_FOUND', 'order', id)),
    // A stateless edge holds no connections: a service in trouble shows as 503/504 or a degraded
    // answer, never as an unready gateway (which would take every journey down behind a balancer).
    readiness: async () => ({ ready: routable(), checks: { discovery: routable() } }),
  };
}

/** The public API turns an id too long to exist into '', which no service route matches. */
async function notFound<T>(code: 'PRODUCT.NOT_FOUND' | 'CART.NOT_FOUND' | 'ORDER.NOT_FOUND', what: string, id: string): Promise<Result<T>> {
  return fail(code, `no ${what} ${id}`);
}
