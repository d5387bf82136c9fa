/**
 * The SOA variant up for real: a private RabbitMQ, the esb, the portal and four services as processes
 * (run `npm run build` first). Journeys through the portal, and what they leave in the enterprise database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productId as productIdAt } from '../../../shared-domain/index.js';
import { ShopClient } from '../shop-client.js';
import { eventually, startSoa, type SoaRun } from './soa-run.js';

interface Level { available: number; reserved: number; sold: number }

describe('soa variant', () => {
  let soa: SoaRun;
  let shop: ShopClient;
  const stock = (productId: string) => soa.read((db) => db.prepare('SELECT available, reserved, sold FROM stock WHERE product_id = ?').get(productId) as Level);
  const applied = (consumer: string, eventId: string) =>
    soa.read((db) => db.prepare('SELECT 1 FROM applied_events WHERE consumer = ? AND event_id = ?').get(consumer, eventId) !== undefined);

  beforeAll(async () => {
    soa = await startSoa();
    shop = new ShopClient(soa.running.edgeUrl);
    console.info(`soa start-to-ready: ${soa.startToReadyMs} ms`);
  });
  afterAll(async () => {
    await soa?.running.stop();
  });

  it('serves every component probe', async () => {
    for (const component of soa.running.components.filter((c) => c.kind === 'app')) {
      const ready = await new ShopClient(component.urls[0] as string).call<{ ready: boolean; checks: Record<string, boolean> }>('GET', '/readyz');
      expect(ready.status, component.name).toBe(200);
      expect(ready.body.checks.rabbitmq, component.name).toBe(true);
    }
  });

  it('finds a product, fills a cart, checks out and reads the order back', async () => {
    const page = await shop.call<{ total: number; items: Array<{ id: string }> }>('GET', '/api/products?q=kettle&pageSize=5');
    expect(page.status).toBe(200);
    expect(page.body.total).toBeGreaterThan(0);
    const productId = page.body.items[0]!.id;

    const product = await shop.call<{ id: string; priceCents: number }>('GET', `/api/products/${productId}`);
    expect(product.status).toBe(200);
    expect(product.body.id).toBe(productId);
    expect((await shop.call('GET', '/api/products/p-none')).status).toBe(404);
    const recommendations = await shop.call<{ items: unknown[]; degraded: boolean }>('GET', `/api/products/${productId}/recommendations`);
    expect(recommendations.status).toBe(200);
    expect(recommendations.body).toMatchObject({ degraded: false });
    expect(recommendations.body.items).toHaveLength(5);

    const before = stock(productId);
    const { cartId } = await shop.fillCart([{ productId, quantity: 2 }]);
    expect(cartId).toBeDefined();
    const cart = await shop.call<{ subtotalCents: number }>('GET', `/api/carts/${cartId}`);
    expect(cart.body.subtotalCents).toBe(2 * product.body.priceCents);

    const order = await shop.checkout(cartId!, 'soa-journey-1');
    expect(order.status).toBe(201);
    expect(order.body.lines).toMatchObject([{ productId, quantity: 2 }]);
    const again = await shop.checkout(cartId!, 'soa-journey-1');
    expect(again).toMatchObject({ status: 201, body: { id: order.body.id } });
    const read = await shop.call<{ id: string }>('GET', `/api/orders/${order.body.id}`);
    expect(read).toMatchObject({ status: 200, body: order.body });
    expect((await shop.call<{ lines: unknown[] }>('GET', `/api/carts/${cartId}`)).body.lines).toEqual([]);

    const eventId = `evt-${order.body.id}`;
    await eventually('OrderPlaced applied by inventory and recommendations', 15_000, () => applied('inventory', eventId) && applied('recommendations', eventId));
    expect(stock(productId)).toEqual({ available: before.available - 2, reserved: before.reserved, sold: before.sold + 2 });
    expect(soa.read((db) => db.prepare('SELECT count(*) AS n FROM orders WHERE idempotency_key = ?').get('soa-journey-1'))).toEqual({ n: 1 });
  });

  it('answers business failures with the same codes as the monolith', async () => {
    const page = await shop.call<{ items: Array<{ id: string }> }>('GET', '/api/products?q=lamp&pageSize=1');
    const productId = page.body.items[0]!.id;
    const before = stock(productId);
    const { cartId } = await shop.fillCart([{ productId, quantity: 1 }]);

    const declined = await shop.checkout(cartId!, 'soa-declined-1', '4111111111110002');
    expect(declined).toMatchObject({ status: 402, body: { error: { code: 'PAYMENT.DECLINED' } } });
    await eventually('the declined order\'s stock released', 5_000, () => stock(productId).reserved === before.reserved);
    expect(stock(productId)).toEqual(before);

    expect((await shop.call('POST', `/api/carts/${cartId}/items`, { productId: 'p-none', quantity: 1 })).body).toMatchObject({ error: { code: 'PRODUCT.NOT_FOUND' } });
    expect((await shop.call('POST', '/api/carts/cart-none/items', { productId, quantity: 1 })).body).toMatchObject({ error: { code: 'CART.NOT_FOUND' } });
    expect((await shop.call('GET', '/api/carts/cart-none')).status).toBe(404);
    expect((await shop.call('GET', '/api/orders/order-none')).status).toBe(404);
    const emptied = await shop.call('DELETE', `/api/carts/${cartId}/items/${productId}`);
    expect(emptied).toMatchObject({ status: 200, body: { lines: [] } });
    expect((await shop.checkout(cartId!, 'soa-empty-1')).body).toMatchObject({ error: { code: 'CART.EMPTY' } });
  });

  it('answers a product in tens of milliseconds', async () => {
    const timings: number[] = [];
    for (let i = 0; i < 100; i++) {
      const answer = await shop.call('GET', `/api/products/${productIdAt(i)}`);
      expect(answer.status).toBe(200);
      timings.push(answer.ms);
    }
    timings.sort((a, b) => a - b);
    const median = timings[50]!;
    console.info(`soa product latency: median ${median.toFixed(1)} ms, p90 ${timings[90]!.toFixed(1)} ms (sequential)`);
    expect(median).toBeLessThan(200); // generous: two shared cores, other suites running
  });
});
