import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ModuleName } from '../../../shared-domain/modules.js';
import type { Product } from '../../../shared-domain/types.js';
import { APPLIED_EVENTS, PARKED_EVENTS, SCHEMA } from './schema.js';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  readonly path: string;
  readonly modules: readonly ModuleName[];
  /** Needed when the database hosts inventory: stock is seeded from the catalog on first open. */
  readonly products?: readonly Product[];
}

/**
 * Opens (and creates) a SQLite database in WAL mode with the tables of the given modules.
 * Several processes may open the same file (the SOA shared database): writers wait on busy_timeout.
 */
export function openDatabase({ path, modules, products }: OpenDatabaseOptions): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 10000');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.transaction(() => {
    db.exec(APPLIED_EVENTS);
    db.exec(PARKED_EVENTS);
    for (const module of modules) {
      const ddl = SCHEMA[module];
      if (ddl) db.exec(ddl);
    }
  }).immediate();
  if (modules.includes('inventory')) seedStock(db, products ?? []);
  return db;
}

function seedStock(db: Db, products: readonly Product[]): void {
  const insert = db.prepare('INSERT OR IGNORE INTO stock (product_id, initial, available, reserved, sold) VALUES (?, ?, ?, 0, 0)');
  db.transaction(() => {
    for (const p of products) insert.run(p.id, p.initialStock, p.initialStock);
  }).immediate();
}
