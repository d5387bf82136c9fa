/**
 * The checkout use case's ports, each an AMQP call through the esb to the service that owns it:
 *
 *   cart.get ─► order.claimKey ─► inventory.reserve ─► payment.authorize ─► order.create ─► cart.clear
 *   compensation: payment.void, inventory.release, order.releaseKey (deferred commands)
 *
 * Where an answer can be lost, the port makes the outcome safe: a key claim or a reserve that got no
 * answer is given back; an order.create that got no answer is asked again (it is idempotent per order
 * id) until the deadline. The services refuse to release or void for an order that exists, and to save one whose
 * stock or payment was given back, so the two sides cannot disagree.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { ContractRevision } from '../../../boundary/contracts.js';
import type { CheckoutDeps } from '../../../shared-domain/index.js';
import { CONTRACT_HEADER, CONTRACT_ORIGIN_HEADER, writeContract } from '../../common/contracts/wire.js';
import { systemClock, uuidIds } from '../../common/ids.js';
import { isTransportFailure } from '../amqp/errors.js';
import type { ServiceOperations } from '../messages.js';
import type { DeferredCommands } from './deferred-commands.js';

export type ServiceCall = <K extends keyof ServiceOperations>(
  type: K, request: ServiceOperations[K]['request'], headers?: Readonly<Record<string, string>>,
) => Promise<ServiceOperations[K]['value']>;

const RETRY_PAUSE_MS = 200;

/** `contract`: the ESB build's revision, named as the origin of the canonical payment requests it writes. */
export function checkoutPorts(call: ServiceCall, commands: DeferredCommands, deadlineMs: number, contract: ContractRevision = 'v1'): CheckoutDeps {
  return {
    carts: {
      get: (cartId) => call('cart.get', { cartId }),
      clear: (cartId) => commands.send('cart.clear', { cartId }),
    },
    inventory: {
      reserve: (orderId, lines) =>
        givenBackOnSilence(() => call('inventory.reserve', { orderId, lines }), () => commands.send('inventory.release', { orderId })),
      release: (orderId) => commands.send('inventory.release', { orderId }),
    },
    payments: {
      // In the canonical model: every payment-service revision reads it (see event-translation.ts).
      authorize: (orderId, amountCents, cardNumber) => call('payment.authorize',
        writeContract('payment.authorize', 'v2-expand', { orderId, amountCents, cardNumber }) as ServiceOperations['payment.authorize']['request'],
        { [CONTRACT_HEADER]: 'v2-expand', [CONTRACT_ORIGIN_HEADER]: contract }),
      void: (orderId) => commands.send('payment.void', { orderId }),
    },
    orders: {
      get: async (orderId) => {
        const found = await call('order.get', { orderId });
        return found.ok ? found.value : undefined;
      },
      findByIdempotencyKey: async (idempotencyKey) => (await call('order.findByIdempotencyKey', { idempotencyKey })) ?? undefined,
      claimKey: (idempotencyKey, orderId) =>
        givenBackOnSilence(() => call('order.claimKey', { idempotencyKey, orderId }), () => commands.send('order.releaseKey', { idempotencyKey, orderId })),
      releaseKey: (idempotencyKey, orderId) => commands.send('order.releaseKey', { idempotencyKey, orderId }),
      create: (order, idempotencyKey, event) =>
        untilAnswered(() => call('order.create', { order, idempotencyKey: idempotencyKey ?? null, event }), deadlineMs),
    },
    ids: uuidIds,
    clock: systemClock,
  };
}

/** A call whose answer was lost may have taken something all the same: give it back, then fail. */
async function givenBackOnSilence<T>(attempt: () => Promise<T>, giveBack: () => Promise<void>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (isTransportFailure(error)) await giveBack();
    throw error;
  }
}

async function untilAnswered<T>(attempt: () => Promise<T>, deadlineMs: number): Promise<T> {
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!isTransportFailure(error) || Date.now() + RETRY_PAUSE_MS >= deadlineMs) throw error;
      await sleep(RETRY_PAUSE_MS);
    }
  }
}
