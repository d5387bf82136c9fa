/** Each journey's steps and how a run is classified, against a fake shop, in this process. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Pool } from 'undici';
import { mulberry32 } from '../../shared-domain/index.js';
import { startFakeShop, type FakeShop } from './fixtures/fake-shop.js';
import { DeadlineQueue, JOURNEYS, loopbackOrigin, NonLoopbackTargetError, type JourneyKind, type JourneyResult } from './index.js';

async function runOnce(kind: JourneyKind, url: string, { timeoutMs = 1000, seed = 1, rawPath = '/' } = {}): Promise<JourneyResult> {
  const pool = new Pool(url, { connections: 4 });
  const deadlines = new DeadlineQueue(timeoutMs);
  const ticker = setInterval(() => deadlines.expire(), 2);
  try {
    return await JOURNEYS[kind]({ dispatcher: pool, deadlines, random: mulberry32(seed), rawPath });
  } finally {
    clearInterval(ticker);
    await pool.destroy();
  }
}

describe('journeys against a fake shop', () => {
  let shop: FakeShop;
  beforeAll(async () => { shop = await startFakeShop(); });
  afterAll(async () => shop.close());
  afterEach(() => {
    shop.received.length = 0;
    for (const prefix of ['/api/products', '/api/carts', '/api/checkout', '/api/orders']) shop.failPath(prefix, undefined);
    shop.degradeRecommendations(false);
    shop.stall(0);
  });

  it('browse searches one catalog word, 20 a page', async () => {
    expect(await runOnce('browse', shop.url)).toEqual({ outcome: 'ok', status: 200 });
    expect(shop.received).toEqual(['GET /api/products']);
  });

  it('product reads the product, then its recommendations', async () => {
    expect(await runOnce('product', shop.url)).toEqual({ outcome: 'ok', status: 200 });
    expect(shop.received[0]).toMatch(/^GET \/api\/products\/p\d{4}$/);
    expect(shop.received[1]).toBe(`${shop.received[0]}/recommendations`);
  });

  it('product is degraded when recommendations say so, or fail while the product answered', async () => {
    shop.degradeRecommendations(true);
    expect(await runOnce('product', shop.url)).toEqual({ outcome: 'degraded', status: 200 });
    shop.degradeRecommendations(false);
    shop.failPath('/api/products/p', 503);
    expect(await runOnce('product', shop.url)).toEqual({ outcome: 'failed', cause: '5xx', status: 503 });
  });

  it('cart creates a cart and adds a product', async () => {
    expect(await runOnce('cart', shop.url)).toEqual({ outcome: 'ok', status: 200 });
    expect(shop.received).toEqual(['POST /api/carts', expect.stringMatching(/^POST \/api\/carts\/c\d+\/items$/)]);
  });

  it('checkout records the acknowledged order, its key and cart', async () => {
    const result = await runOnce('checkout', shop.url);
    expect(result).toMatchObject({ outcome: 'ok', status: 200, orderId: expect.stringMatching(/^o\d+$/), cartId: expect.any(String) });
    expect(result.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(shop.received.at(-2)).toBe('POST /api/checkout');
    expect(shop.received.at(-1)).toBe(`GET /api/orders/${result.orderId}`);
  });

  it('checkout keeps the order id when reading the order back fails', async () => {
    shop.failPath('/api/orders', 500);
    expect(await runOnce('checkout', shop.url)).toMatchObject({ outcome: 'failed', cause: '5xx', status: 500, orderId: expect.any(String), idempotencyKey: expect.any(String) });
    shop.failPath('/api/checkout', 503);
    const refused = await runOnce('checkout', shop.url);
    expect(refused).toEqual({ outcome: 'failed', cause: '5xx', status: 503 });
  });

  it('classifies a 500 as 5xx and a 404 where 200 was expected as unexpected-4xx', async () => {
    shop.failPath('/api/products', 500);
    expect(await runOnce('browse', shop.url)).toEqual({ outcome: 'failed', cause: '5xx', status: 500 });
    shop.failPath('/api/products', 404);
    expect(await runOnce('browse', shop.url)).toEqual({ outcome: 'failed', cause: 'unexpected-4xx', status: 404 });
  });

  it('classifies no answer within the request timeout as timeout', async () => {
    shop.stall(1500);
    const started = performance.now();
    expect(await runOnce('browse', shop.url, { timeoutMs: 200 })).toEqual({ outcome: 'failed', cause: 'timeout' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('classifies a closed port as refused', async () => {
    const closed = await startFakeShop();
    await closed.close();
    expect(await runOnce('browse', closed.url)).toEqual({ outcome: 'failed', cause: 'refused' });
  });

  it('draws the same products and terms for the same seed', async () => {
    await runOnce('checkout', shop.url, { seed: 7 });
    await runOnce('product', shop.url, { seed: 7 });
    const first = shop.received.filter((line) => line.startsWith('GET /api/products')).splice(0);
    shop.received.length = 0;
    await runOnce('checkout', shop.url, { seed: 7 });
    await runOnce('product', shop.url, { seed: 7 });
    expect(shop.received.filter((line) => line.startsWith('GET /api/products'))).toEqual(first);
  });
});

describe('targets', () => {
  it('accepts only plain http on 127.0.0.1 or [::1]', () => {
    expect(loopbackOrigin('http://127.0.0.1:8080/x')).toBe('http://127.0.0.1:8080');
    expect(loopbackOrigin('http://[::1]:8080')).toBe('http://[::1]:8080');
    for (const url of ['http://example.com', 'http://10.0.0.1:80', 'https://127.0.0.1:443', 'http://localhost:80', 'http://127.0.0.2:80', 'not a url']) {
      expect(() => loopbackOrigin(url), url).toThrow(NonLoopbackTargetError);
    }
    expect(() => loopbackOrigin('http://example.com')).toThrow(/example\.com is not a loopback address/);
  });
});
