/**
 * The checkout use case's ports, as HTTP calls to cart, inventory and payment. Reserve, release,
 * authorize and void are keyed by the order id and applied once by their services, and emptying a
 * cart is idempotent: every call here is safe to retry, and is retried when no answer came.
 */
import type { Logger } from 'pino';
import type { ContractRevision } from '../../../../boundary/contracts.js';
import { CONTRACT_HEADER, writeContract } from '../../../common/contracts/wire.js';
import type { CartPort, InventoryPort, PaymentPort } from '../../../../shared-domain/ports.js';
import type { Result } from '../../../../shared-domain/result.js';
import type { Cart, Payment, Reservation } from '../../../../shared-domain/types.js';
import { ServiceClient, segment } from '../../shared/service-client.js';

export interface CheckoutClients {
  readonly cart: ServiceClient;
  readonly inventory: ServiceClient;
  readonly payment: ServiceClient;
}

export interface CheckoutPorts {
  readonly carts: CartPort;
  readonly inventory: InventoryPort;
  readonly payments: PaymentPort;
}

/** `revision`: the contract revision this build writes its payment requests in (boundary/contracts.ts). */
export function httpCheckoutPorts({ cart, inventory, payment }: CheckoutClients, revision: ContractRevision, logger: Logger): CheckoutPorts {
  const release = async (orderId: string) => {
    expectOk('release', await inventory.call('DELETE', `/reservations/${segment(orderId)}`, { idempotent: true }));
  };
  return {
    carts: {
      get: (id) => cart.get<Cart>(`/carts/${segment(id)}`),
      // The order is placed by now: a cart left full is a nuisance, compensating the order would be a loss.
      clear: async (id) => {
        try {
          expectOk('clear cart', await cart.call('DELETE', `/carts/${segment(id)}/items`, { idempotent: true }));
        } catch (error) {
          logger.warn({ err: error, cartId: id }, 'checkout: cart not emptied after the order was placed');
        }
      },
    },
    inventory: {
      reserve: async (orderId, lines) => {
        try {
          return await inventory.call<Reservation>('PUT', `/reservations/${segment(orderId)}`, { body: { lines }, idempotent: true });
        } catch (error) {
          // No answer: the stock may be reserved all the same. The use case only compensates what it
          // saw succeed, so undo this one here (a release of nothing changes nothing).
          await release(orderId).catch((cause: unknown) => logger.error({ err: cause, orderId }, 'checkout: reservation may be stranded'));
          throw error;
        }
      },
      release,
    },
    payments: {
      authorize: (orderId, amountCents, cardNumber) =>
        payment.call<Payment>('PUT', `/payments/${segment(orderId)}`, {
          body: writeContract('payment.authorize', revision, { amountCents, card: { number: cardNumber } }),
          headers: { [CONTRACT_HEADER]: revision },
          idempotent: true,
        }),
      // Compensation voids, then releases: a void that cannot get through must not keep the stock reserved.
      void: async (orderId) => {
        try {
          expectOk('void', await payment.call('DELETE', `/payments/${segment(orderId)}`, { idempotent: true }));
        } catch (error) {
          logger.error({ err: error, orderId }, 'checkout: payment authorization left to expire, void failed');
        }
      },
    },
  };
}

function expectOk(what: string, result: Result<unknown>): void {
  if (!result.ok) throw new Error(`${what} refused: ${result.error.code} ${result.error.message}`);
}
