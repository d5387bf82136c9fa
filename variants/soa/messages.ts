/**
 * What travels on the bus. Two contracts:
 *
 *   portal → esb      `EsbRequests`: the portal's view of the shop, one message type per public operation;
 *   esb → services    `ServiceOperations`: the canonical model, one operation per service capability.
 *
 * The esb validates every portal message against `esbRequestSchemas` (zod) before it routes and
 * transforms it. Every reply is a `Reply`: the operation's value (a domain Result travels unchanged)
 * or a `Fault`, the transport-level marker that keeps "the shop said no" apart from "nobody answered".
 */
import { z } from 'zod';
import { LIMITS } from '../../shared-domain/limits.js';
import type { OrderCreation } from '../../shared-domain/ports.js';
import type { Result } from '../../shared-domain/result.js';
import type {
  Cart, Order, OrderLine, OrderPlaced, Payment, Product, Recommendations, Reservation, SearchPage, SearchQuery,
} from '../../shared-domain/types.js';

/** A message type's request body and the value its reply carries. */
export interface Exchange<Request, Value> {
  readonly request: Request;
  readonly value: Value;
}
export type Contract = Record<string, Exchange<unknown, unknown>>;
type NoFields = Readonly<Record<string, never>>;

export type EsbRequests = {
  SearchProducts: Exchange<SearchQuery, Result<SearchPage>>;
  GetProduct: Exchange<{ id: string }, Result<Product>>;
  GetRecommendations: Exchange<{ id: string }, Result<Recommendations>>;
  CreateCart: Exchange<NoFields, Result<{ id: string }>>;
  GetCart: Exchange<{ id: string }, Result<Cart>>;
  AddCartItem: Exchange<{ cartId: string; productId: string; quantity: number }, Result<Cart>>;
  RemoveCartItem: Exchange<{ cartId: string; productId: string }, Result<Cart>>;
  PlaceOrder: Exchange<{ cartId: string; card: { number: string }; idempotencyKey?: string }, Result<Order>>;
  GetOrder: Exchange<{ id: string }, Result<Order>>;
};

/** Commands (`cart.clear`, `order.releaseKey`, `inventory.release`, `payment.void`) are one-way: durable once the broker confirms them. */
export type ServiceOperations = {
  'product.search': Exchange<SearchQuery, Result<SearchPage>>;
  'product.get': Exchange<{ productId: string }, Result<Product>>;
  'product.recommend': Exchange<{ productId: string }, Result<Recommendations>>;
  'cart.create': Exchange<NoFields, Result<{ id: string }>>;
  'cart.get': Exchange<{ cartId: string }, Result<Cart>>;
  'cart.addItem': Exchange<{ cartId: string; productId: string; quantity: number }, Result<Cart>>;
  'cart.removeItem': Exchange<{ cartId: string; productId: string }, Result<Cart>>;
  'cart.clear': Exchange<{ cartId: string }, null>;
  'order.get': Exchange<{ orderId: string }, Result<Order>>;
  'order.findByIdempotencyKey': Exchange<{ idempotencyKey: string }, Order | null>;
  /** Answers the order id that owns the key: ours when the claim succeeded. */
  'order.claimKey': Exchange<{ idempotencyKey: string; orderId: string }, string>;
  'order.releaseKey': Exchange<{ idempotencyKey: string; orderId: string }, null>;
  'order.create': Exchange<{ order: Order; idempotencyKey: string | null; event: OrderPlaced }, OrderCreation>;
  'inventory.reserve': Exchange<{ orderId: string; lines: readonly OrderLine[] }, Result<Reservation>>;
  'inventory.release': Exchange<{ orderId: string }, null>;
  'payment.authorize': Exchange<{ orderId: string; amountCents: number; cardNumber: string }, Result<Payment>>;
  'payment.void': Exchange<{ orderId: string }, null>;
};

export type ServiceName = 'product-service' | 'sales-service' | 'inventory-service' | 'payment-service';

/** The routing table: which service provides each canonical operation. */
export const PROVIDER_OF: Readonly<Record<keyof ServiceOperations, ServiceName>> = {
  'product.search': 'product-service',
  'product.get': 'product-service',
  'product.recommend': 'product-service',
  'cart.create': 'sales-service',
  'cart.get': 'sales-service',
  'cart.addItem': 'sales-service',
  'cart.removeItem': 'sales-service',
  'cart.clear': 'sales-service',
  'order.get': 'sales-service',
  'order.findByIdempotencyKey': 'sales-service',
  'order.claimKey': 'sales-service',
  'order.releaseKey': 'sales-service',
  'order.create': 'sales-service',
  'inventory.reserve': 'inventory-service',
  'inventory.release': 'inventory-service',
  'payment.authorize': 'payment-service',
  'payment.void': 'payment-service',
};

/** The one domain event on the bus. */
export const ORDER_PLACED = 'OrderPlaced';

export type FaultKind = 'unavailable' | 'timeout' | 'failed' | 'invalid';
export interface Fault {
  readonly kind: FaultKind;
  /** The component that could not answer (or failed). */
  readonly upstream: string;
  readonly message: string;
  readonly timeoutMs?: number;
}
export type Reply<T> = { readonly value: T } | { readonly fault: Fault };

const id = z.string().min(1).max(LIMITS.idMaxChars);

/** The esb's inbound schemas: a portal message that does not match is refused with an `invalid` fault. */
export const esbRequestSchemas: { readonly [K in keyof EsbRequests]: z.ZodType<EsbRequests[K]['request']> } = {
  SearchProducts: z.object({
    q: z.string().max(LIMITS.queryMaxChars),
    category: z.string().min(1).max(50).optional(),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1).max(LIMITS.pageSizeMax),
  }),
  GetProduct: z.object({ id: z.string().max(LIMITS.idMaxChars) }),
  GetRecommendations: z.object({ id: z.string().max(LIMITS.idMaxChars) }),
  CreateCart: z.object({}).strict() as z.ZodType<NoFields>,
  GetCart: z.object({ id: z.string().max(LIMITS.idMaxChars) }),
  AddCartItem: z.object({ cartId: z.string().max(LIMITS.idMaxChars), productId: id, quantity: z.number() }),
  RemoveCartItem: z.object({ cartId: z.string().max(LIMITS.idMaxChars), productId: z.string().max(LIMITS.idMaxChars) }),
  PlaceOrder: z.object({
    cartId: id,
    card: z.object({ number: z.string().max(40) }),
    idempotencyKey: z.string().max(LIMITS.idempotencyKeyMaxChars).optional(),
  }),
  GetOrder: z.object({ id: z.string().max(LIMITS.idMaxChars) }),
};
