/**
 * The micro variant end to end, as real processes with a real nats-server: the shop answers through
 * the gateway as the monolith does, and an order's OrderPlaced reaches inventory and recommendation.
 * Needs `npm run build` first (apps run from dist/).
 */
import { describe, expect, it } from 'vitest';
import { ShopClient } from '../shop-client.js';
import { eventually } from './micro-run.js';
import { useMicroVariant } from './micro-suite.js';

describe('micro variant', () => {
  const micro = useMicroVariant();

  it('serves browse, product, recommendations, cart, checkout and order through the gateway', async () => {
    const { run, shop } = micro;
    const search = await shop.call<{ total: number; items: Array<{ id: string }> }>('GET', '/api/products?q=oak&pageSize=3');
    expect(search.status).toBe(200);
    expect(search.body.items).toHaveLength(3);
    expect((await shop.call('GET', '/api/products?pageSize=99')).status).toBe(400);

    const product = await shop.call<{ id: string; priceCents: number }>('GET', '/api/products/p0001');
    expect(product.status).toBe(200);
    expect((await shop.call('GET', '/api/products/p9999')).body).toMatchObject({ error: { code: 'PRODUCT.NOT_FOUND' } });
    const recommended = await shop.call<{ items: unknown[]; degraded: boolean }>('GET', '/api/products/p0001/recommendations');
    expect(recommended).toMatchObject({ status: 200, body: { degraded: false } });
    expect(recommended.body.items).toHaveLength(5);
    expect((await shop.call('GET', '/api/products/p9999/recommendations')).status).toBe(404);

    const { cartId } = await shop.fillCart([{ productId: 'p0001', quantity: 2 }, { productId: 'p0002', quantity: 1 }]);
    expect(cartId).toBeDefined();
    expect((await shop.call('POST', `/api/carts/${cartId}/items`, { productId: 'p9999', quantity: 1 })).status).toBe(404);
    expect((await shop.call('GET', '/api/carts/no-such-cart')).body).toMatchObject({ error: { code: 'CART.NOT_FOUND' } });

    const placed = await shop.checkout(cartId!, 'micro-a-1');
    expect(placed.status).toBe(201);
    const again = await shop.checkout(cartId!, 'micro-a-1');
    expect(again).toMatchObject({ status: 201, body: { id: placed.body.id } });
    const second = await shop.call<{ priceCents: number }>('GET', '/api/products/p0002');
    expect(placed.body).toMatchObject({ totalCents: 2 * product.body.priceCents + second.body.priceCents, status: 'placed', cardLast4: '1111' });
    expect(await shop.call('GET', `/api/orders/${placed.body.id}`)).toMatchObject({ status: 200, body: placed.body });
    expect((await shop.call<{ lines: unknown[] }>('GET', `/api/carts/${cartId}`)).body.lines).toEqual([]);
    expect((await shop.checkout(cartId!, 'micro-a-2')).body).toMatchObject({ error: { code: 'CART.EMPTY' } });

    const eventId = `evt-${placed.body.id}`;
    const applied = (db: 'inventory' | 'recommendation', consumer: string) => run.read(db, (d) =>
      d.prepare('SELECT count(*) AS n FROM applied_events WHERE consumer = ? AND event_id = ?').get(consumer, eventId) as { n: number }).n === 1;
    await eventually('OrderPlaced applied by inventory and recommendation', 15_000, () => applied('inventory', 'inventory') && applied('recommendation', 'recommendations'));
    expect(run.read('inventory', (d) => d.prepare("SELECT sold, reserved FROM stock WHERE product_id = 'p0001'").get())).toEqual({ sold: 2, reserved: 0 });
    const after = await shop.call<{ items: Array<{ id: string }> }>('GET', '/api/products/p0001/recommendations');
    expect(after.body.items[0]?.id).toBe('p0002'); // bought together now: first in the list
  });

  it('releases the stock of a declined payment and answers 402', async () => {
    const { run, shop } = micro;
    const before = run.read('inventory', (d) => d.prepare("SELECT available, reserved FROM stock WHERE product_id = 'p0003'").get());
    const { cartId } = await shop.fillCart([{ productId: 'p0003', quantity: 1 }]);
    const declined = await shop.checkout(cartId!, 'micro-a-declined', '4111111111110002');
    expect(declined).toMatchObject({ status: 402, body: { error: { code: 'PAYMENT.DECLINED' } } });
    expect(run.read('inventory', (d) => d.prepare("SELECT available, reserved FROM stock WHERE product_id = 'p0003'").get())).toEqual(before);
    expect((await shop.call('POST', '/api/checkout', { cartId, card: { number: '12' } })).status).toBe(400);
  });

  it('reports every service ready, with NATS connected where events flow', async () => {
    const { run } = micro;
    for (const component of ['gateway', 'catalog', 'recommendation', 'cart', 'order', 'inventory', 'payment']) {
      const ready = await new ShopClient(run.running.instance(component).url).call('GET', '/readyz');
      expect(ready.status, component).toBe(200);
    }
    const order = await new ShopClient(run.running.instance('order').url).call('GET', '/readyz');
    expect(order.body).toMatchObject({ checks: { nats: true } });
    console.info(`micro start-to-ready: ${run.startToReadyMs} ms`);
  });
});
