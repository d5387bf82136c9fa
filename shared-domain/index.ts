/** The public surface of the shop's domain. */
export * from './result.js';
export * from './types.js';
export * from './limits.js';
export * from './modules.js';
export type * from './ports.js';
export type * from './shop.js';
export { Catalog, getProduct } from './catalog/catalog.js';
export { generateCatalog, mulberry32, productId, CATEGORY_NAMES, DEFAULT_SEED, DEFAULT_PRODUCT_COUNT } from './catalog/seed.js';
export { SearchIndex, tokenize } from './search/search-index.js';
export { recommend, applyOrderPlaced, coPurchasePairs, RECOMMENDATION_COUNT } from './recommendations/recommend.js';
export { createCart, getCart, addToCart, removeFromCart, priced, type CartDeps } from './cart/cart.js';
export { reserveStock, releaseStock, commitStock, decideReserve } from './inventory/inventory.js';
export { authorizePayment, voidPayment, checkCardNumber, DECLINED_CARD_SUFFIX } from './payment/payment.js';
export { checkout, orderPlaced, type CheckoutDeps, type CheckoutRequest } from './orders/checkout.js';
export { getOrder } from './orders/get-order.js';
