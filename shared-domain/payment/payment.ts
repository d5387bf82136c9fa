/**
 * A deterministic simulated card provider: a card number is 12 to 19 digits; one ending in 0002 is
 * declined, every other is authorized. Authorizing the same order twice returns the first answer.
 */
import { fail, ok, type Result } from '../result.js';
import type { PaymentRepository } from '../ports.js';
import type { Payment } from '../types.js';

export const DECLINED_CARD_SUFFIX = '0002';

export function checkCardNumber(cardNumber: string): string | undefined {
  return /^\d{12,19}$/.test(cardNumber) ? undefined : 'card.number must be 12 to 19 digits';
}

export async function authorizePayment(repo: PaymentRepository, orderId: string, amountCents: number, cardNumber: string): Promise<Result<Payment>> {
  const invalid = checkCardNumber(cardNumber);
  if (invalid) return fail('REQUEST.INVALID', invalid);
  if (!Number.isInteger(amountCents) || amountCents <= 0) return fail('REQUEST.INVALID', 'amount must be a positive number of cents');
  const previous = await repo.find(orderId);
  const payment: Payment = previous ?? {
    orderId,
    amountCents,
    cardLast4: cardNumber.slice(-4),
    status: cardNumber.endsWith(DECLINED_CARD_SUFFIX) ? 'declined' : 'authorized',
  };
  if (!previous) await repo.save(payment);
  return payment.status === 'declined' ? fail('PAYMENT.DECLINED', `card ending ${payment.cardLast4} was declined`) : ok(payment);
}

export async function voidPayment(repo: PaymentRepository, orderId: string): Promise<void> {
  const payment = await repo.find(orderId);
  if (payment?.status === 'authorized') await repo.save({ ...payment, status: 'voided' });
}
