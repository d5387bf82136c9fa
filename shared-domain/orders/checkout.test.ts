import { describe, expect, it } from 'vitest';
import { fail, ok } from '../result.js';
import type { Order } from '../types.js';
import { checkout, orderPlaced, type CheckoutDeps } from './checkout.js';

const cart = { id: 'c1', lines: [{ productId: 'p1', quantity: 2, unitPriceCents: 300 }, { productId: 'p2', quantity: 1, unitPriceCents: 50 }], subtotalCents: 650 };

/** Ports that record every call; each can be told to fail or throw. */
function fakes(overrides: Partial<{ authorize: CheckoutDeps['payments']['authorize']; create: CheckoutDeps['orders']['create']; reserve: CheckoutDeps['inventory']['reserve'] }> = {}) {
  const calls: string[] = [];
  const saved: Order[] = [];
  const deps: CheckoutDeps = {
    carts: {
      get: async (id) => (calls.push(`cart.get ${id}`), id === cart.id ? ok(cart) : fail('CART.NOT_FOUND', 'no cart')),
      clear: async (id) => { calls.push(`cart.clear ${id}`); },
    },
    inventory: {
      reserve: overrides.reserve ?? (async (orderId, lines) => (calls.push(`reserve ${orderId}`), ok({ orderId, lines, status: 'reserved' as const }))),
      release: async (orderId) => { calls.push(`release ${orderId}`); },
    },
    payments: {
      authorize: overrides.authorize ?? (async (orderId, amountCents) => (calls.push(`authorize ${orderId} ${amountCents}`), ok({ orderId, amountCents, cardLast4: '1111', status: 'authorized' as const }))),
      void: async (orderId) => { calls.push(`void ${orderId}`); },
    },
    orders: {
      get: async () => undefined,
      findByIdempotencyKey: async (key) => saved.find((o) => o.id === `order-for-${key}`),
      create: overrides.create ?? (async (order) => (calls.push(`create ${order.id}`), saved.push(order), { created: true, order })),
      claimKey: async (key, orderId) => (calls.push(`claim ${key}`), saved.find((o) => o.id === `order-for-${key}`)?.id ?? orderId),
      releaseKey: async (key) => { calls.push(`release key ${key}`); },
    },
    ids: { newId: (prefix) => `${prefix}-1` },
    clock: { now: () => new Date('2024-05-01T10:00:00.000Z') },
  };
  return { deps, calls, saved };
}

const request = { cartId: 'c1', cardNumber: '4111111111111111' };

describe('checkout (with in-memory ports)', () => {
  it('reserves, authorizes the subtotal, creates the order and clears the cart, in that order', async () => {
    const { deps, calls } = fakes();
    const placed = await checkout(deps, request);
    expect(placed).toEqual({
      ok: true,
      value: {
        id: 'order-1', cartId: 'c1', status: 'placed', cardLast4: '1111', totalCents: 650, createdAt: '2024-05-01T10:00:00.000Z',
        lines: [
          { productId: 'p1', quantity: 2, unitPriceCents: 300, lineTotalCents: 600 },
          { productId: 'p2', quantity: 1, unitPriceCents: 50, lineTotalCents: 50 },
        ],
      },
    });
    expect(calls).toEqual(['cart.get c1', 'reserve order-1', 'authorize order-1 650', 'create order-1', 'cart.clear c1']);
  });

  it('refuses a bad card number or idempotency key before touching any port', async () => {
    for (const bad of [{ ...request, cardNumber: '12' }, { ...request, idempotencyKey: '' }, { ...request, idempotencyKey: 'k'.repeat(201) }]) {
      const { deps, calls } = fakes();
      expect(await checkout(deps, bad)).toMatchObject({ ok: false, error: { code: 'REQUEST.INVALID' } });
      expect(calls).toEqual([]);
    }
  });

  it('passes on an unknown cart and reserves nothing', async () => {
    const { deps, calls } = fakes();
    expect(await checkout(deps, { ...request, cartId: 'nope' })).toMatchObject({ ok: false, error: { code: 'CART.NOT_FOUND' } });
    expect(calls).toEqual(['cart.get nope']);
  });

  it('passes on an out-of-stock reservation without charging the card', async () => {
    const { deps, calls } = fakes({ reserve: async () => fail('ORDER.OUT_OF_STOCK', 'gone') });
    expect(await checkout(deps, request)).toMatchObject({ ok: false, error: { code: 'ORDER.OUT_OF_STOCK' } });
    expect(calls).toEqual(['cart.get c1']);
  });

  it('releases the stock on a decline and keeps the cart', async () => {
    const { deps, calls } = fakes({ authorize: async () => fail('PAYMENT.DECLINED', 'no') });
    expect(await checkout(deps, request)).toMatchObject({ ok: false, error: { code: 'PAYMENT.DECLINED' } });
    expect(calls).toEqual(['cart.get c1', 'reserve order-1', 'void order-1', 'release order-1']);
  });

  it('voids, releases and rethrows when the order cannot be saved', async () => {
    const { deps, calls } = fakes({ create: async () => { throw new Error('disk full'); } });
    await expect(checkout(deps, request)).rejects.toThrow('disk full');
    expect(calls).toEqual(['cart.get c1', 'reserve order-1', 'authorize order-1 650', 'void order-1', 'release order-1']);
  });

  it('releases and rethrows when the payment provider cannot be reached', async () => {
    const { deps, calls } = fakes({ authorize: async () => { throw new Error('timeout'); } });
    await expect(checkout(deps, request)).rejects.toThrow('timeout');
    expect(calls).toEqual(['cart.get c1', 'reserve order-1', 'void order-1', 'release order-1']);
  });

  it('answers with the order that won a race on the same key, and undoes its own reservation and payment', async () => {
    const winner = { id: 'order-0', cartId: 'c1', lines: [], totalCents: 650, status: 'placed', cardLast4: '1111', createdAt: 'x' } as const;
    const { deps, calls } = fakes({ create: async () => (calls.push('create lost'), { created: false, order: winner }) });
    expect(await checkout(deps, { ...request, idempotencyKey: 'k1' })).toEqual({ ok: true, value: winner });
    expect(calls).toEqual(['cart.get c1', 'claim k1', 'reserve order-1', 'authorize order-1 650', 'create lost', 'void order-1', 'release order-1', 'cart.clear c1']);
  });

  it('returns the earlier order for a known key without touching cart, stock or payment', async () => {
    const { deps, calls, saved } = fakes();
    const earlier = { id: 'order-for-k1', cartId: 'c1', lines: [], totalCents: 1, status: 'placed', cardLast4: '1111', createdAt: 'x' } as const;
    saved.push(earlier);
    expect(await checkout(deps, { ...request, idempotencyKey: 'k1' })).toEqual({ ok: true, value: earlier });
    expect(calls).toEqual([]);
  });
});

describe('orderPlaced', () => {
  it('carries the order id, lines, total and time, with an id derived from the order', () => {
    const order: Order = {
      id: 'o9', cartId: 'c', status: 'placed', cardLast4: '1111', totalCents: 700, createdAt: '2024-01-01T00:00:00.000Z',
      lines: [{ productId: 'p1', quantity: 2, unitPriceCents: 350, lineTotalCents: 700 }],
    };
    expect(orderPlaced(order)).toEqual({
      id: 'evt-o9', type: 'OrderPlaced', orderId: 'o9', lines: [{ productId: 'p1', quantity: 2 }], totalCents: 700, occurredAt: '2024-01-01T00:00:00.000Z',
    });
  });
});
