/** Each micro service's SQLite file in the run's data dir: one owner each, no file shared. */
export const MICRO_DATABASES = {
  cart: 'micro-cart.db',
  order: 'micro-order.db',
  inventory: 'micro-inventory.db',
  payment: 'micro-payment.db',
  recommendation: 'micro-recommendation.db',
} as const;
