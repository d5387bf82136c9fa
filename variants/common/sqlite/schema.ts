/** Tables per domain module. A database holds the tables of the modules its component hosts. */
import type { ModuleName } from '../../../shared-domain/modules.js';

export const SCHEMA: Readonly<Partial<Record<ModuleName, string>>> = {
  cart: `
    CREATE TABLE IF NOT EXISTS carts (id TEXT PRIMARY KEY, created_at TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS cart_lines (
      cart_id TEXT NOT NULL REFERENCES carts(id), product_id TEXT NOT NULL,
      quantity INTEGER NOT NULL, unit_price_cents INTEGER NOT NULL, position INTEGER NOT NULL,
      PRIMARY KEY (cart_id, product_id));`,
  inventory: `
    CREATE TABLE IF NOT EXISTS stock (
      product_id TEXT PRIMARY KEY, initial INTEGER NOT NULL,
      available INTEGER NOT NULL CHECK (available >= 0), reserved INTEGER NOT NULL CHECK (reserved >= 0),
      sold INTEGER NOT NULL CHECK (sold >= 0));
    CREATE TABLE IF NOT EXISTS reservations (order_id TEXT PRIMARY KEY, lines_json TEXT NOT NULL, status TEXT NOT NULL);`,
  payment: `
    CREATE TABLE IF NOT EXISTS payments (
      order_id TEXT PRIMARY KEY, amount_cents INTEGER NOT NULL, card_last4 TEXT NOT NULL, status TEXT NOT NULL);`,
  orders: `
    CREATE TABLE IF NOT EXISTS orders (
      id TEXT PRIMARY KEY, idempotency_key TEXT UNIQUE, order_json TEXT NOT NULL, created_at TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS outbox (
      event_id TEXT PRIMARY KEY, type TEXT NOT NULL, payload_json TEXT NOT NULL, published_at TEXT);
    CREATE TABLE IF NOT EXISTS idempotency_keys (key TEXT PRIMARY KEY, order_id TEXT NOT NULL, claimed_at INTEGER NOT NULL);
    CREATE INDEX IF NOT EXISTS outbox_unpublished ON outbox (published_at) WHERE published_at IS NULL;`,
  recommendations: `
    CREATE TABLE IF NOT EXISTS co_purchases (
      product_id TEXT NOT NULL, other_id TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (product_id, other_id));`,
};

/** Every consumer of domain events records what it applied: de-duplication and the integrity check. */
export const APPLIED_EVENTS = `
  CREATE TABLE IF NOT EXISTS applied_events (
    consumer TEXT NOT NULL, event_id TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (consumer, event_id));`;

/**
 * Events a consumer could not read (a revision it does not know): kept to be read by a later build,
 * never dropped. See variants/common/contracts/order-placed-reader.ts.
 */
export const PARKED_EVENTS = `
  CREATE TABLE IF NOT EXISTS parked_events (
    consumer TEXT NOT NULL, event_id TEXT NOT NULL, producer TEXT NOT NULL, translated INTEGER NOT NULL,
    reason TEXT NOT NULL, payload TEXT NOT NULL, parked_at TEXT NOT NULL, PRIMARY KEY (consumer, event_id));`;
