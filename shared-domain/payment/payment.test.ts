import { describe, expect, it } from 'vitest';
import type { PaymentRepository } from '../ports.js';
import type { Payment } from '../types.js';
import { authorizePayment, checkCardNumber, DECLINED_CARD_SUFFIX, voidPayment } from './payment.js';

class MemoryPayments implements PaymentRepository {
  readonly rows = new Map<string, Payment>();
  saves = 0;
  async find(orderId: string) {
    return this.rows.get(orderId);
  }
  async save(payment: Payment) {
    this.saves++;
    this.rows.set(payment.orderId, payment);
  }
}

describe('checkCardNumber', () => {
  it('accepts 12 to 19 digits', () => {
    expect(checkCardNumber('1'.repeat(12))).toBeUndefined();
    expect(checkCardNumber('4111111111111111')).toBeUndefined();
    expect(checkCardNumber('1'.repeat(19))).toBeUndefined();
  });

  it('refuses fewer than 12, more than 19 and anything but digits', () => {
    for (const bad of ['1'.repeat(11), '1'.repeat(20), '', '4111 1111 1111 1111', '4111-1111-1111-1111', '41111111111a1111', '４１１１１１１１１１１１', '411111111111\n']) {
      expect(checkCardNumber(bad), JSON.stringify(bad)).toBe('card.number must be 12 to 19 digits');
    }
  });
});

describe('authorizePayment', () => {
  it('authorizes a good card and remembers the last four digits', async () => {
    const repo = new MemoryPayments();
    const payment = { orderId: 'o1', amountCents: 1234, cardLast4: '1111', status: 'authorized' };
    expect(await authorizePayment(repo, 'o1', 1234, '4111111111111111')).toEqual({ ok: true, value: payment });
    expect(repo.rows.get('o1')).toEqual(payment);
  });

  it('declines a card ending 0002, and records the decline', async () => {
    expect(DECLINED_CARD_SUFFIX).toBe('0002');
    const repo = new MemoryPayments();
    expect(await authorizePayment(repo, 'o1', 500, '4000000000000002')).toEqual({
      ok: false,
      error: { code: 'PAYMENT.DECLINED', message: 'card ending 0002 was declined' },
    });
    expect(repo.rows.get('o1')?.status).toBe('declined');
  });

  it('does not decline a card that merely contains 0002', async () => {
    const repo = new MemoryPayments();
    expect(await authorizePayment(repo, 'o1', 500, '4000000200000012')).toMatchObject({ ok: true });
    expect(await authorizePayment(repo, 'o2', 500, '4000000000000020')).toMatchObject({ ok: true });
  });

  it('returns the first answer for the same order, whatever card comes next', async () => {
    const repo = new MemoryPayments();
    await authorizePayment(repo, 'o1', 500, '4000000000000002');
    expect(await authorizePayment(repo, 'o1', 500, '4111111111111111')).toMatchObject({ ok: false, error: { code: 'PAYMENT.DECLINED' } });
    await authorizePayment(repo, 'o2', 700, '4111111111111111');
    expect(await authorizePayment(repo, 'o2', 999, '4000000000000002')).toEqual({
      ok: true,
      value: { orderId: 'o2', amountCents: 700, cardLast4: '1111', status: 'authorized' },
    });
    expect(repo.saves).toBe(2);
  });

  it('refuses a bad card number or amount without saving anything', async () => {
    const repo = new MemoryPayments();
    expect(await authorizePayment(repo, 'o1', 500, '123')).toMatchObject({ ok: false, error: { code: 'REQUEST.INVALID' } });
    expect(await authorizePayment(repo, 'o1', 0, '4111111111111111')).toMatchObject({ ok: false, error: { code: 'REQUEST.INVALID' } });
    expect(await authorizePayment(repo, 'o1', -5, '4111111111111111')).toMatchObject({ ok: false, error: { code: 'REQUEST.INVALID' } });
    expect(await authorizePayment(repo, 'o1', 10.5, '4111111111111111')).toMatchObject({ ok: false, error: { code: 'REQUEST.INVALID' } });
    expect(repo.saves).toBe(0);
  });
});

describe('voidPayment', () => {
  it('voids an authorized payment, and only that', async () => {
    const repo = new MemoryPayments();
    await authorizePayment(repo, 'ok', 500, '4111111111111111');
    await authorizePayment(repo, 'declined', 500, '4000000000000002');
    await voidPayment(repo, 'ok');
    await voidPayment(repo, 'declined');
    await voidPayment(repo, 'unknown');
    expect(repo.rows.get('ok')?.status).toBe('voided');
    expect(repo.rows.get('declined')?.status).toBe('declined');
    expect(repo.rows.has('unknown')).toBe(false);
  });
});
