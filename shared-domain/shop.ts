/**
 * The shop as the public API sees it. The monolith implements it in process, the SOA portal over AMQP
 * through the ESB, the micro gateway over HTTP to the services. A transport failure is thrown, never
 * returned: only business outcomes are Results.
 */
import type { Result } from './result.js';
import type { Cart, Order, Product, Recommendations, SearchPage, SearchQuery } from './types.js';

export interface AddToCartRequest {
  readonly productId: string;
  readonly quantity: number;
}

export interface Readiness {
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, boolean>>;
}

export interface Shop {
  searchProducts(query: SearchQuery): Promise<Result<SearchPage>>;
  getProduct(id: string): Promise<Result<Product>>;
  getRecommendations(id: string): Promise<Result<Recommendations>>;
  createCart(): Promise<Result<{ id: string }>>;
  getCart(id: string): Promise<Result<Cart>>;
  addToCart(cartId: string, item: AddToCartRequest): Promise<Result<Cart>>;
  removeFromCart(cartId: string, productId: string): Promise<Result<Cart>>;
  checkout(request: { cartId: string; cardNumber: string; idempotencyKey?: string }): Promise<Result<Order>>;
  getOrder(id: string): Promise<Result<Order>>;
  readiness(): Promise<Readiness>;
}
