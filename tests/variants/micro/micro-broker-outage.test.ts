/**
 * Checkouts while NATS is killed and restarted. HTTP checkouts do not need the broker, and the events
 * they produce wait in the order service's outbox: afterwards every acknowledged order exists once,
 * stock adds up, every OrderPlaced is applied by inventory and by recommendation, and the outbox is empty.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Order } from '../../../shared-domain/types.js';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../shop-client.js';
import { eventually } from './micro-run.js';
import { useMicroVariant } from './micro-suite.js';

const CHECKOUTS = 60;
const SPACING_MS = 100;
const PRODUCTS = Array.from({ length: 20 }, (_, i) => `p${String(i + 101).padStart(4, '0')}`);

interface Acknowledged { readonly key: string; readonly orderId: string; readonly lines: ReadonlyArray<{ productId: string; quantity: number }> }

describe('micro variant: NATS outage during checkouts', () => {
  const micro = useMicroVariant();

  /** A shopper who retries on 5xx (or no answer) with the same Idempotency-Key, as the API asks. */
  async function shopper(index: number): Promise<Acknowledged> {
    const lines = [{ productId: PRODUCTS[index % 20]!, quantity: 1 }, { productId: PRODUCTS[(index * 7 + 3) % 20]!, quantity: 2 }];
    const key = `micro-c-${index}`;
    const deadline = Date.now() + 60_000;
    let cartId: string | undefined;
    let last: Answer | undefined;
    while (Date.now() < deadline) {
      if (!cartId) {
        const filled = await micro.shop.fillCart(lines);
        cartId = filled.cartId;
        last = filled.failed;
      }
      if (cartId) {
        const answer = await micro.shop.checkout(cartId, key);
        last = answer;
        if (answer.status === 201) return { key, orderId: (answer.body as Order).id, lines };
      }
      if (last && last.status >= 400 && last.status < 500) break;
      await sleep(200);
    }
    throw new Error(`checkout ${key} never acknowledged: ${last?.status} ${JSON.stringify(last?.body ?? last?.cause)}`);
  }

  it('loses no order, no stock and no event', async () => {
    const { run } = micro;
    const nats = run.running.broker('nats');
    const unpublished = () => run.read('order', (d) => (d.prepare('SELECT count(*) AS n FROM outbox WHERE published_at IS NULL').get() as { n: number }).n);
    const shoppers = Array.from({ length: CHECKOUTS }, async (_, i) => {
      await sleep(i * SPACING_MS);
      return shopper(i);
    });
    await sleep(1_500);
    await nats.kill();
    const killedAt = Date.now();
    // Down for at least 2.5 s, and until orders placed meanwhile wait in the outbox.
    await sleep(2_500);
    await eventually('an event waiting in the outbox', 30_000, () => unpublished() > 0);
    const heldInOutbox = unpublished();
    await nats.restart();
    const downMs = Date.now() - killedAt;
    const acknowledged = await Promise.all(shoppers);

    const orderIds = acknowledged.map((a) => a.orderId);
    expect(new Set(orderIds).size).toBe(CHECKOUTS);
    const stored = run.read('order', (db) => db.prepare('SELECT id, idempotency_key AS key FROM orders').all() as Array<{ id: string; key: string }>);
    expect(stored.map((o) => o.id).sort()).toEqual([...orderIds].sort());

    const eventIds = orderIds.map((id) => `evt-${id}`);
    const appliedBy = (db: 'inventory' | 'recommendation', consumer: string) => new Set(run.read(db, (d) =>
      (d.prepare('SELECT event_id FROM applied_events WHERE consumer = ?').all(consumer) as Array<{ event_id: string }>).map((r) => r.event_id)));
    const drainedAfterMs = await eventually('outbox drained, every event applied by inventory and recommendation', 60_000, () => {
      const inventory = appliedBy('inventory', 'inventory');
      const recommendation = appliedBy('recommendation', 'recommendations');
      return unpublished() === 0 && eventIds.every((id) => inventory.has(id) && recommendation.has(id));
    });
    expect(appliedBy('inventory', 'inventory').size).toBe(CHECKOUTS);
    expect(appliedBy('recommendation', 'recommendations').size).toBe(CHECKOUTS);

    const ordered = new Map<string, number>();
    for (const { lines } of acknowledged) for (const l of lines) ordered.set(l.productId, (ordered.get(l.productId) ?? 0) + l.quantity);
    const stock = run.read('inventory', (d) => d.prepare('SELECT product_id AS id, initial, available, reserved, sold FROM stock').all() as
      Array<{ id: string; initial: number; available: number; reserved: number; sold: number }>);
    expect(stock.filter((s) => s.available + s.reserved + s.sold !== s.initial)).toEqual([]);
    expect(stock.filter((s) => s.reserved !== 0)).toEqual([]);
    expect(stock.filter((s) => s.sold !== (ordered.get(s.id) ?? 0)).map((s) => ({ id: s.id, sold: s.sold, ordered: ordered.get(s.id) }))).toEqual([]);
    console.info(`micro NATS outage: broker down ${downMs} ms, ${heldInOutbox} events held in the outbox; ${CHECKOUTS} orders acknowledged; outbox drained and events applied ${drainedAfterMs} ms after the last acknowledgement`);
  });
});
