/**
 * Reads the stores read-only, one read transaction per file (a consistent view of each file even while
 * the variant still runs). Files shared by several modules are opened once.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { Order, OrderLine } from '../../shared-domain/types.js';
import { DatabaseUnreadableError } from './errors.js';
import type { IntegrityDatabases } from './locate-databases.js';
import type { OrderRecord, ReservationRecord, StockRecord, StoreSnapshot } from './snapshot.js';

type Db = Database.Database;

export function readSnapshot(databases: IntegrityDatabases): StoreSnapshot {
  const open = new Map<string, Db>();
  const db = (path: string): Db => {
    let handle = open.get(path);
    if (!handle) {
      handle = openReadOnly(path);
      open.set(path, handle);
    }
    return handle;
  };
  try {
    const orders = inRead(db(databases.orders), databases.orders, (d) => ({
      orders: all<{ id: string; idempotency_key: string | null; order_json: string }>(d, 'SELECT id, idempotency_key, order_json FROM orders ORDER BY rowid').map(toOrder),
      outbox: all<{ event_id: string; published_at: string | null }>(d, 'SELECT event_id, published_at FROM outbox ORDER BY rowid')
        .map((r) => ({ eventId: r.event_id, published: r.published_at !== null })),
    }));
    const inventory = inRead(db(databases.inventory), databases.inventory, (d) => ({
      stock: all<{ product_id: string } & Omit<StockRecord, 'productId'>>(d, 'SELECT product_id, initial, available, reserved, sold FROM stock')
        .map(({ product_id, ...levels }) => ({ productId: product_id, ...levels })),
      reservations: all<{ order_id: string; lines_json: string; status: ReservationRecord['status'] }>(d, 'SELECT order_id, lines_json, status FROM reservations')
        .map((r) => ({ orderId: r.order_id, lines: JSON.parse(r.lines_json) as OrderLine[], status: r.status })),
      appliedInventory: applied(d, 'inventory'),
    }));
    const recommendations = inRead(db(databases.recommendations), databases.recommendations, (d) => applied(d, 'recommendations'));
    return {
      ...orders,
      stock: inventory.stock,
      reservations: inventory.reservations,
      applied: { inventory: inventory.appliedInventory, recommendations },
    };
  } finally {
    for (const handle of open.values()) handle.close();
  }
}

function openReadOnly(path: string): Db {
  if (!existsSync(path)) throw new DatabaseUnreadableError(path, 'the file does not exist (has the variant run with this data dir?)');
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    throw new DatabaseUnreadableError(path, (error as Error).message, { cause: error });
  }
}

function inRead<T>(db: Db, path: string, read: (db: Db) => T): T {
  try {
    return db.transaction(() => read(db)).deferred();
  } catch (error) {
    const missingTable = /no such table: (\w+)/.exec((error as Error).message);
    const detail = missingTable ? `it has no table '${missingTable[1]}': the topology names the wrong file` : (error as Error).message;
    throw new DatabaseUnreadableError(path, detail, { cause: error });
  }
}

function all<Row>(db: Db, sql: string): Row[] {
  return db.prepare<[], Row>(sql).all();
}

function applied(db: Db, consumer: string): Set<string> {
  const rows = db.prepare<[string], { event_id: string }>('SELECT event_id FROM applied_events WHERE consumer = ?').all(consumer);
  return new Set(rows.map((r) => r.event_id));
}

function toOrder(row: { id: string; idempotency_key: string | null; order_json: string }): OrderRecord {
  const order = JSON.parse(row.order_json) as Order;
  return { id: row.id, idempotencyKey: row.idempotency_key, cartId: order.cartId, lines: order.lines.map(({ productId, quantity }) => ({ productId, quantity })) };
}
