/**
 * The operations of the modules whose use cases run the same way in every variant, over their
 * repositories: each object has exactly the operations shared-domain/modules.ts names for its module,
 * ready for `faults.gate(module, …)`. (The soa esb runs its checkout per message, against that message's deadline.)
 */
import {
  addToCart, authorizePayment, checkout, createCart, getCart, getOrder, getProduct, recommend, releaseStock, removeFromCart, reserveStock,
  voidPayment, type CartDeps, type CatalogPort, type CheckoutDeps, type CheckoutRequest, type InventoryRepository, type OrderLine,
  type PaymentRepository, type ProductDirectory, type RecommendationRepository, type SearchIndex, type SearchQuery,
} from '../../shared-domain/index.js';

export const catalogOperations = (catalog: CatalogPort) => ({
  getProduct: (productId: string) => getProduct(catalog, productId),
});

export const searchOperations = (index: SearchIndex) => ({
  search: async (query: SearchQuery) => index.search(query),
});

export const recommendationsOperations = (directory: ProductDirectory, coPurchases: RecommendationRepository) => ({
  recommend: (productId: string) => recommend(directory, coPurchases, productId),
});

export const cartOperations = (deps: CartDeps) => ({
  create: () => createCart(deps),
  get: (cartId: string) => getCart(deps, cartId),
  addItem: (cartId: string, productId: string, quantity: number) => addToCart(deps, cartId, productId, quantity),
  removeItem: (cartId: string, productId: string) => removeFromCart(deps, cartId, productId),
  /** Emptied after a checkout; idempotent. */
  clear: (cartId: string) => deps.carts.clear(cartId),
});

export const inventoryOperations = (stock: InventoryRepository) => ({
  reserve: (orderId: string, lines: readonly OrderLine[]) => reserveStock(stock, orderId, lines),
  release: (orderId: string) => releaseStock(stock, orderId),
});

export const paymentOperations = (payments: PaymentRepository) => ({
  authorize: (orderId: string, amountCents: number, cardNumber: string) => authorizePayment(payments, orderId, amountCents, cardNumber),
  void: (orderId: string) => voidPayment(payments, orderId),
});

/** `placed` runs after each checkout that placed an order: the outbox relay is told there is an event to send. */
export const ordersOperations = (deps: CheckoutDeps, placed: () => void) => ({
  checkout: async (request: CheckoutRequest) => {
    const order = await checkout(deps, request);
    if (order.ok) placed();
    return order;
  },
  get: (orderId: string) => getOrder(deps.orders, orderId),
});
