/**
 * The integrity check against real SQLite files written by the real repositories and checkout: a clean
 * run reports zero everywhere; each tampering with a copy makes its own count go up.
 */
import Database from 'better-sqlite3';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monolithTopology } from '../../variants/monolith/topology.js';
import type { JourneyRun } from '../journeys/types.js';
import type { Topology } from '../../boundary/topology.js';
import { checkIntegrity, type IntegrityReport } from './integrity-report.js';
import { MICRO_LAYOUT, openStores } from './store-fixture.js';
import { waitForQuiescence } from './wait-for-quiescence.js';

const ORDER_COUNT = 12;
const tempDirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'archlab-integrity-'));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => tempDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const microLike: Topology = {
  variant: 'micro',
  description: 'one database per service',
  edge: 'gateway',
  components: [
    { kind: 'broker', name: 'nats', role: 'events', broker: 'nats', dependsOn: [] },
    ...(['orders', 'inventory', 'recommendations', 'cart', 'payment'] as const).map((m) => ({
      kind: 'app' as const, name: m, role: m, entry: `variants/micro/services/${m}/main.ts`, replicas: 1, modules: [m],
      readinessPath: '/readyz', restart: 'always' as const, databases: [MICRO_LAYOUT(m)], dependsOn: [], http: true as const,
    })),
    { kind: 'app', name: 'gateway', role: 'edge', entry: 'variants/micro/gateway/main.ts', replicas: 1, modules: [], readinessPath: '/readyz', restart: 'always', databases: [], dependsOn: [], http: true },
  ],
};

describe.each([
  { name: 'monolith (one file)', topology: monolithTopology, layout: () => 'monolith.db' },
  { name: 'micro-like (one file per service)', topology: microLike, layout: MICRO_LAYOUT },
])('integrity of $name', ({ topology, layout }) => {
  let dataDir: string;
  let runs: JourneyRun[];

  beforeAll(async () => {
    dataDir = tempDir();
    const stores = openStores(dataDir, layout);
    runs = await stores.placeOrders(ORDER_COUNT);
    await stores.deliverEvents();
    stores.close();
  });

  /** A copy of the data dir, with `sql` run on one of its files. */
  function tampered(file: string, sql: string): string {
    const copy = tempDir();
    cpSync(dataDir, copy, { recursive: true });
    const db = new Database(join(copy, file));
    db.exec(sql);
    db.close();
    return copy;
  }
  const check = (dir: string, extraRuns: JourneyRun[] = []): IntegrityReport => checkIntegrity({ topology, dataDir: dir, runs: [...runs, ...extraRuns] });
  const ordersFile = layout('orders');
  const inventoryFile = layout('inventory');

  it('reports a clean run as clean, every acknowledged order stored', () => {
    const report = check(dataDir);
    expect(report.acknowledgedOrders).toBe(8);
    expect(report.storedOrders).toBe(8);
    expect(report.clean).toBe(true);
    expect(report.missingOrders).toEqual({ count: 0, examples: [] });
  });

  it('finds an acknowledged order that is missing', () => {
    const gone = runs.find((r) => r.orderId)?.orderId as string;
    const report = check(tampered(ordersFile, `DELETE FROM orders WHERE id = '${gone}'`));
    expect(report.missingOrders).toEqual({ count: 1, examples: [gone] });
    // Its stock was sold for an order that no longer exists.
    expect(report.stockMismatches.count).toBeGreaterThan(0);
    expect(check(dataDir, [{ source: 'load', journey: 'checkout', scheduledMs: 0, latencyMs: 1, outcome: 'ok', orderId: 'order-never-stored' }]).missingOrders)
      .toEqual({ count: 1, examples: ['order-never-stored'] });
  });

  it('finds a duplicated order, by cart id and by idempotency key', () => {
    const byCart = check(tampered(ordersFile, `
      INSERT INTO orders (id, idempotency_key, order_json, created_at)
        SELECT 'order-dup', 'another-key', order_json, created_at FROM orders ORDER BY rowid LIMIT 1`));
    expect(byCart.duplicateOrders).toEqual({ count: 1, examples: ['order-dup'] });
    expect(byCart.eventsNotApplied.inventory.examples).toContain('order-dup');
    const byKey = check(tampered(ordersFile, `
      CREATE TABLE orders_copy AS SELECT * FROM orders; DROP TABLE orders;
      CREATE TABLE orders (id TEXT PRIMARY KEY, idempotency_key TEXT, order_json TEXT NOT NULL, created_at TEXT NOT NULL);
      INSERT INTO orders SELECT * FROM orders_copy;
      INSERT INTO orders SELECT 'order-dup-key', idempotency_key, json_set(order_json, '$.cartId', 'other-cart'), created_at FROM orders_copy ORDER BY rowid LIMIT 1`));
    expect(byKey.duplicateOrders).toEqual({ count: 1, examples: ['order-dup-key'] });
  });

  it('finds stock that does not add up', () => {
    const report = check(tampered(inventoryFile, `UPDATE stock SET available = available - 1 WHERE rowid = 5`));
    expect(report.stockMismatches.count).toBe(1);
    const soldWithoutOrder = check(tampered(inventoryFile, `UPDATE stock SET available = available - 2, sold = sold + 2 WHERE rowid = 7`));
    expect(soldWithoutOrder.stockMismatches.count).toBe(1);
  });

  it('finds a reservation stuck in reserved', () => {
    const report = check(tampered(inventoryFile, `
      INSERT INTO reservations (order_id, lines_json, status) VALUES ('order-stuck', '[{"productId":"p-x","quantity":1}]', 'reserved')`));
    expect(report.stuckReservations).toEqual({ count: 1, examples: ['order-stuck'] });
  });

  it('finds events not applied, per consumer, and outbox rows never published', () => {
    const recommendationsFile = layout('recommendations');
    const someOrder = runs.find((r) => r.orderId)?.orderId as string;
    const inv = check(tampered(inventoryFile, `DELETE FROM applied_events WHERE consumer = 'inventory' AND event_id = 'evt-${someOrder}'`));
    expect(inv.eventsNotApplied.inventory).toEqual({ count: 1, examples: [someOrder] });
    expect(inv.eventsNotApplied.recommendations.count).toBe(0);
    const rec = check(tampered(recommendationsFile, `DELETE FROM applied_events WHERE consumer = 'recommendations'`));
    expect(rec.eventsNotApplied.recommendations.count).toBe(8);
    const outbox = check(tampered(ordersFile, `UPDATE outbox SET published_at = NULL WHERE event_id = 'evt-${someOrder}'`));
    expect(outbox.outboxPending).toEqual({ count: 1, examples: [`evt-${someOrder}`] });
    expect(outbox.clean).toBe(false);
  });

  it('waits for quiescence while events are still in flight', async () => {
    const dir = tempDir();
    const stores = openStores(dir, layout);
    const placed = await stores.placeOrders(6);
    const before = checkIntegrity({ topology, dataDir: dir, runs: placed });
    expect(before.outboxPending.count).toBe(4);
    expect(before.eventsNotApplied.inventory.count).toBe(4);
    expect(before.stuckReservations.count).toBe(4);
    // Reserved and not yet committed: in flight, not a stock error.
    expect(before.stockMismatches.count).toBe(0);
    setTimeout(() => void stores.deliverEvents(), 300);
    const waited = await waitForQuiescence(() => checkIntegrity({ topology, dataDir: dir, runs: placed }), { timeoutMs: 5000, intervalMs: 50 });
    stores.close();
    expect(waited.quiesced).toBe(true);
    expect(waited.waitedMs).toBeGreaterThanOrEqual(250);
    expect(waited.last.clean).toBe(true);
  });
});
