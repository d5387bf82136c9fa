/**
 * Checkouts keep coming while RabbitMQ is bounced. Clients retry a 5xx (and 409 ORDER.IN_PROGRESS,
 * "retry shortly") with the same Idempotency-Key. Once things settle, the enterprise database must hold
 * every acknowledged order exactly once, stock that adds up, and every OrderPlaced applied by both consumers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { productId as productIdAt } from '../../../shared-domain/index.js';
import { ShopClient, type Answer } from '../shop-client.js';
import { eventually, startSoa, type SoaRun } from './soa-run.js';

const CHECKOUTS = 60;
const SPACING_MS = 50;
/** The broker dies once this many checkouts are half-way through the esb (or after KILL_LATEST_MS). */
const IN_FLIGHT_AT_KILL = 4;
const KILL_LATEST_MS = 2_500;
const CLIENT_DEADLINE_MS = 90_000;
const SETTLE_WINDOW_MS = 60_000;

interface Placed { readonly id: string; readonly cartId: string; readonly lines: ReadonlyArray<{ productId: string; quantity: number }> }

describe('soa checkouts through a RabbitMQ bounce', () => {
  let soa: SoaRun;
  let shop: ShopClient;

  beforeAll(async () => {
    soa = await startSoa();
    shop = new ShopClient(soa.running.edgeUrl, 20_000);
  });
  afterAll(async () => {
    await soa?.running.stop();
  });

  it('acknowledges each order once, keeps stock balanced and applies every event', async () => {
    const carts: string[] = [];
    for (let i = 0; i < CHECKOUTS; i++) {
      // Products overlap between carts, so concurrent reservations contend for the same rows.
      const lines = [{ productId: productIdAt(i % 20), quantity: 1 + (i % 3) }, { productId: productIdAt(20 + (i % 7)), quantity: 1 }];
      const { cartId, failed } = await shop.fillCart(lines);
      expect(failed).toBeUndefined();
      carts.push(cartId!);
    }
    const pids = soa.appPids();
    const broker = soa.running.broker('rabbitmq');

    const attempts: number[] = [];
    let inFlight = 0;
    const counted = <T>(work: Promise<T>) => { inFlight++; return work.finally(() => inFlight--); };
    const checkouts = carts.map(async (cartId, i) => {
      await sleep(i * SPACING_MS);
      const answer = await checkoutUntilAnswered(shop, cartId, `integrity-${i}`, counted, (n) => { attempts[i] = n; });
      return { cartId, answer };
    });
    const started = Date.now();
    await eventually('checkouts in flight', KILL_LATEST_MS, () => inFlight >= IN_FLIGHT_AT_KILL || Date.now() - started > KILL_LATEST_MS - 50, 5);
    console.info(`soa integrity: killing RabbitMQ with ${inFlight} checkouts in flight`);
    await broker.kill();
    await sleep(1_000);
    await broker.restart();
    const results = await Promise.all(checkouts);

    const statuses = results.map((r) => r.answer.status);
    console.info(`soa integrity: statuses ${JSON.stringify(countBy(statuses))}, attempts ${JSON.stringify(countBy(attempts))}`);
    expect(statuses.every((s) => s === 201)).toBe(true);
    const acknowledged = results.map((r) => r.answer.body as Placed);
    results.forEach((r, i) => expect(acknowledged[i]!.cartId).toBe(r.cartId));

    // Every acknowledged order exists exactly once; no other order was placed.
    const stored = soa.read((db) => db.prepare('SELECT id, idempotency_key AS key, order_json AS json FROM orders').all() as Array<{ id: string; key: string; json: string }>);
    expect(stored).toHaveLength(CHECKOUTS);
    expect(new Set(stored.map((o) => o.id))).toEqual(new Set(acknowledged.map((o) => o.id)));
    expect(new Set(stored.map((o) => (JSON.parse(o.json) as Placed).cartId)).size).toBe(CHECKOUTS);

    // Every OrderPlaced is applied by both consumers, every reservation settles, the outbox drains.
    const eventIds = acknowledged.map((o) => `evt-${o.id}`);
    const appliedBy = (consumer: string) => new Set(soa.read((db) =>
      (db.prepare('SELECT event_id FROM applied_events WHERE consumer = ?').all(consumer) as Array<{ event_id: string }>).map((r) => r.event_id)));
    const settledMs = await eventually('every OrderPlaced applied, no reservation pending, outbox empty', SETTLE_WINDOW_MS, () => {
      const inventory = appliedBy('inventory');
      const recommendations = appliedBy('recommendations');
      const pending = soa.read((db) => db.prepare(`SELECT
          (SELECT count(*) FROM reservations WHERE status = 'reserved') AS reserved,
          (SELECT count(*) FROM outbox WHERE published_at IS NULL) AS unpublished`).get()) as { reserved: number; unpublished: number };
      return eventIds.every((id) => inventory.has(id) && recommendations.has(id)) && pending.reserved === 0 && pending.unpublished === 0;
    }, 250);
    console.info(`soa integrity: settled ${settledMs} ms after the last answer`);

    // Stock adds up: nothing created or lost, and what is sold is what the orders bought.
    const soldByOrders = new Map<string, number>();
    for (const order of acknowledged) for (const l of order.lines) soldByOrders.set(l.productId, (soldByOrders.get(l.productId) ?? 0) + l.quantity);
    const stock = soa.read((db) => db.prepare('SELECT product_id AS productId, initial, available, reserved, sold FROM stock').all()) as
      Array<{ productId: string; initial: number; available: number; reserved: number; sold: number }>;
    expect(stock).toHaveLength(2000);
    const wrong = stock.filter((s) => s.available + s.reserved + s.sold !== s.initial || s.reserved !== 0 || s.sold !== (soldByOrders.get(s.productId) ?? 0));
    expect(wrong).toEqual([]);
    const committed = soa.read((db) => db.prepare(`SELECT count(*) AS n FROM reservations WHERE status = 'committed'`).get()) as { n: number };
    expect(committed.n).toBe(CHECKOUTS);

    expect(soa.appPids()).toEqual(pids);
    expect(soa.appRestarts()).toEqual([]);
  }, 240_000);
});

/** A patient client: retries a 5xx, no answer or 409 ORDER.IN_PROGRESS with the same key, until the deadline. */
async function checkoutUntilAnswered(
  shop: ShopClient, cartId: string, key: string, counted: <T>(work: Promise<T>) => Promise<T>, onAttempt: (n: number) => void,
): Promise<Answer<Placed>> {
  const deadline = Date.now() + CLIENT_DEADLINE_MS;
  for (let attempt = 1; ; attempt++) {
    onAttempt(attempt);
    const answer = await counted(shop.checkout(cartId, key));
    const inProgress = answer.status === 409 && (answer.body as { error?: { code?: string } }).error?.code === 'ORDER.IN_PROGRESS';
    if ((answer.status !== 0 && answer.status < 500 && !inProgress) || Date.now() > deadline) return answer as Answer<Placed>;
    await sleep(Math.min(1_000, 100 * attempt));
  }
}

function countBy(values: readonly number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
