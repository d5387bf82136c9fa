/**
 * What the use cases need from the outside world. Every port is asynchronous, so the same use case runs
 * over an in-process SQLite repository (monolith), an AMQP request (soa) or an HTTP call (micro).
 * A port that cannot reach its dependency throws; it never turns a transport failure into a Failure.
 */
import type { Result } from './result.js';
import type {
  Cart, CartLine, Order, OrderLine, OrderPlaced, Payment, Product, ProductId, Reservation, StockLevel,
} from './types.js';

export interface Clock { now(): Date }
export interface IdGenerator { newId(prefix: string): string }

export interface CatalogPort {
  get(id: ProductId): Promise<Product | undefined>;
  getMany(ids: readonly ProductId[]): Promise<Product[]>;
}

export interface CartState { readonly id: string; readonly lines: readonly CartLine[] }

export interface CartRepository {
  create(id: string): Promise<void>;
  get(id: string): Promise<CartState | undefined>;
  /** Reads the cart, lets `decide` compute its next lines, and saves them atomically. */
  update(id: string, decide: (cart: CartState) => Result<readonly CartLine[]>): Promise<Result<CartState>>;
  clear(id: string): Promise<void>;
}

export interface InventoryState {
  readonly levels: ReadonlyMap<ProductId, StockLevel>;
  readonly reservation: Reservation | undefined;
}
export interface InventoryChange {
  readonly levels: readonly StockLevel[];
  readonly reservation: Reservation;
}
export interface InventoryDecision<T> { readonly result: Result<T>; readonly change?: InventoryChange }

export interface InventoryRepository {
  /** Loads these products' levels and the order's reservation, applies `decide`'s change atomically. */
  atomically<T>(orderId: string, productIds: readonly ProductId[], decide: (state: InventoryState) => InventoryDecision<T>): Promise<Result<T>>;
  reservation(orderId: string): Promise<Reservation | undefined>;
  level(productId: ProductId): Promise<StockLevel | undefined>;
}

export interface PaymentRepository {
  find(orderId: string): Promise<Payment | undefined>;
  save(payment: Payment): Promise<void>;
}

export type OrderCreation = { readonly created: true; readonly order: Order } | { readonly created: false; readonly order: Order };

export interface OrderRepository {
  get(id: string): Promise<Order | undefined>;
  findByIdempotencyKey(key: string): Promise<Order | undefined>;
  /** Saves the order and its event together (an outbox), unless the key already names an order. */
  create(order: Order, idempotencyKey: string | undefined, event: OrderPlaced): Promise<OrderCreation>;
  /**
   * Claims an idempotency key for an order about to be placed; answers the order id that owns it
   * (ours when the claim succeeded). A claim left by a crashed attempt expires after a while.
   */
  claimKey(key: string, orderId: string): Promise<string>;
  /** Gives the key up after a checkout that placed nothing, so the client may try again. */
  releaseKey(key: string, orderId: string): Promise<void>;
}

export interface RecommendationRepository {
  /** Counts co-purchases of the event's lines once per event id; false when already applied. */
  applyOrderPlaced(event: OrderPlaced): Promise<boolean>;
  coPurchases(productId: ProductId): Promise<ReadonlyArray<{ readonly productId: ProductId; readonly count: number }>>;
}

/** The reference data the recommendation side ranks with: every product's category and popularity. */
export interface ProductDirectory {
  find(id: ProductId): Product | undefined;
  inCategory(category: string): readonly Product[];
}

/** The checkout's view of the other modules, whatever transport carries the calls. */
export interface CartPort {
  get(id: string): Promise<Result<Cart>>;
  clear(id: string): Promise<void>;
}
export interface InventoryPort {
  reserve(orderId: string, lines: readonly OrderLine[]): Promise<Result<Reservation>>;
  release(orderId: string): Promise<void>;
}
export interface PaymentPort {
  authorize(orderId: string, amountCents: number, cardNumber: string): Promise<Result<Payment>>;
  void(orderId: string): Promise<void>;
}
