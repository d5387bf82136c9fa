/**
 * RabbitMQ crashes (SIGKILL) under the SOA variant: every public route fails fast with 503 (504 at
 * worst), never hangs; when the broker is back, every process reconnects by itself — none restarts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { PORTAL_TIMEOUTS_MS } from '../../../variants/soa/portal/esb-shop.js';
import { ShopClient, type Answer, type Method } from '../shop-client.js';
import { eventually, startSoa, type SoaRun } from './soa-run.js';

/** Far above the fail-fast answer, below any hang: the longest portal budget plus slack for two busy cores. */
const ANSWER_WINDOW_MS = PORTAL_TIMEOUTS_MS.checkout + 2_000;
const RECOVERY_WINDOW_MS = 20_000;

describe('soa under a RabbitMQ outage', () => {
  let soa: SoaRun;
  let shop: ShopClient;
  let routes: ReadonlyArray<readonly [Method, string, unknown?]>;

  beforeAll(async () => {
    soa = await startSoa();
    shop = new ShopClient(soa.running.edgeUrl, 30_000);
    const productId = 'p0007';
    const { cartId } = await shop.fillCart([{ productId, quantity: 1 }]);
    const other = await shop.fillCart([{ productId, quantity: 1 }]);
    const order = await shop.checkout(other.cartId!, 'outage-setup');
    expect(order.status).toBe(201);
    routes = [
      ['GET', '/api/products?q=kettle'],
      ['GET', `/api/products/${productId}`],
      ['GET', `/api/products/${productId}/recommendations`],
      ['POST', '/api/carts'],
      ['GET', `/api/carts/${cartId}`],
      ['POST', `/api/carts/${cartId}/items`, { productId: 'p0008', quantity: 1 }],
      ['DELETE', `/api/carts/${cartId}/items/p0008`],
      ['GET', `/api/orders/${order.body.id}`],
      ['POST', '/api/checkout', { cartId: 'cart-none', card: { number: '4111111111111111' } }],
    ];
  });
  afterAll(async () => {
    await soa?.running.stop();
  });

  it('fails fast while RabbitMQ is down and recovers without restarting a process', async () => {
    const pids = soa.appPids();
    const broker = soa.running.broker('rabbitmq');

    // Requests in flight when the broker dies end with an answer, not a hang.
    const inFlight = Array.from({ length: 20 }, (_, i) => shop.call('GET', `/api/products/p${String(100 + i).padStart(4, '0')}`));
    await broker.kill();
    for (const answer of await Promise.all(inFlight)) {
      expect([200, 503, 504]).toContain(answer.status);
      expect(answer.ms).toBeLessThan(ANSWER_WINDOW_MS);
    }

    await sleep(200); // the sockets' close reaches every process
    const down = await Promise.all(routes.map(([method, path, body]) => shop.call(method, path, body)));
    down.forEach((answer, i) => {
      expect([503, 504], `${routes[i]!.join(' ')} → ${answer.status} ${JSON.stringify(answer.body)}`).toContain(answer.status);
      expect(answer.ms).toBeLessThan(ANSWER_WINDOW_MS);
    });
    const fastest = Math.max(...down.map((a) => a.ms));
    console.info(`soa broker down: slowest public route answered ${fastest.toFixed(0)} ms (${down.map((a) => a.status).join(' ')})`);
    for (const component of soa.running.components.filter((c) => c.kind === 'app')) {
      expect((await new ShopClient(component.urls[0] as string).call('GET', '/readyz')).status, component.name).toBe(503);
    }

    await broker.restart();
    const restartedAt = Date.now();
    const firstOk = await eventually('a product answers 200 again', RECOVERY_WINDOW_MS, async () => (await shop.call('GET', '/api/products/p0007')).status === 200, 50);
    console.info(`soa broker restart → first 200: ${firstOk} ms`);
    await eventually('every public route answers again', RECOVERY_WINDOW_MS, async () => {
      const answers: Answer[] = await Promise.all(routes.map(([method, path, body]) => shop.call(method, path, body)));
      return answers.every((a) => a.status < 500);
    });
    for (const component of soa.running.components.filter((c) => c.kind === 'app')) {
      await eventually(`${component.name} ready again`, RECOVERY_WINDOW_MS, async () => (await new ShopClient(component.urls[0] as string).call('GET', '/readyz')).status === 200);
    }
    console.info(`soa broker restart → every route and probe back: ${Date.now() - restartedAt} ms`);

    expect(soa.appPids()).toEqual(pids);
    expect(soa.appRestarts()).toEqual([]);
  }, 180_000);
});
