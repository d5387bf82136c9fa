/**
 * The esb's routing table: each portal message is validated (zod), transformed to the canonical model
 * and routed to the service that provides it; PlaceOrder runs the checkout use case over AMQP ports.
 *
 * Every call a message causes shares its deadline: a call waits at most until the portal's deadline
 * less a margin, so the esb answers with a precise fault before the portal gives up on its own.
 */
import type { ContractRevision } from '../../../boundary/contracts.js';
import { checkout } from '../../../shared-domain/index.js';
import type { ModuleFaults } from '../../common/module-faults.js';
import { InvalidMessageError } from '../amqp/errors.js';
import type { Delivery, Handlers } from '../amqp/queue-consumer.js';
import type { RpcClient } from '../amqp/rpc-client.js';
import { esbRequestSchemas, type EsbRequests, type ServiceOperations } from '../messages.js';
import { checkoutPorts, type ServiceCall } from './checkout-ports.js';
import type { DeferredCommands } from './deferred-commands.js';

export const DEADLINE_MARGIN_MS = 100;
/** No single call waits longer than this, whatever the deadline. */
export const MAX_CALL_MS = 10_000;

interface RouteContext {
  readonly call: ServiceCall;
  readonly deadlineMs: number;
}
type Routes = { readonly [K in keyof EsbRequests]: (request: EsbRequests[K]['request'], context: RouteContext) => Promise<EsbRequests[K]['value']> };

export interface MediatorDeps {
  readonly services: RpcClient<ServiceOperations>;
  readonly commands: DeferredCommands;
  readonly faults: ModuleFaults;
  /** The ESB build's own contract revision: named as the origin of the requests it writes. */
  readonly contract?: ContractRevision;
}

export function mediator({ services, commands, faults, contract = 'v1' }: MediatorDeps): Handlers<EsbRequests> {
  // Running the checkout is this part of the orders module; sales-service reads and saves the orders.
  const ordersModule = faults.gatePart('orders', {
    checkout: ({ cartId, card, idempotencyKey }: EsbRequests['PlaceOrder']['request'], { call, deadlineMs }: RouteContext) =>
      checkout(checkoutPorts(call, commands, deadlineMs - DEADLINE_MARGIN_MS, contract), { cartId, cardNumber: card.number, idempotencyKey }),
  });
  const routes: Routes = {
    SearchProducts: (query, { call }) => call('product.search', query),
    GetProduct: ({ id }, { call }) => call('product.get', { productId: id }),
    GetRecommendations: ({ id }, { call }) => call('product.recommend', { productId: id }),
    CreateCart: (_request, { call }) => call('cart.create', {}),
    GetCart: ({ id }, { call }) => call('cart.get', { cartId: id }),
    AddCartItem: ({ cartId, productId, quantity }, { call }) => call('cart.addItem', { cartId, productId, quantity }),
    RemoveCartItem: ({ cartId, productId }, { call }) => call('cart.removeItem', { cartId, productId }),
    PlaceOrder: (request, context) => ordersModule.checkout(request, context),
    GetOrder: ({ id }, { call }) => call('order.get', { orderId: id }),
  };

  const handler = <K extends keyof EsbRequests>(type: K) => async (body: unknown, delivery: Delivery): Promise<EsbRequests[K]['value']> => {
    const parsed = esbRequestSchemas[type].safeParse(body);
    if (!parsed.success) throw new InvalidMessageError(`${type}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const deadlineMs = delivery.deadlineMs ?? Date.now() + MAX_CALL_MS;
    const call: ServiceCall = (operation, request, headers) => services.call(operation, request, callTimeoutMs(deadlineMs), headers);
    return routes[type](parsed.data, { call, deadlineMs });
  };
  return Object.fromEntries(Object.keys(routes).map((type) => [type, handler(type as keyof EsbRequests)])) as unknown as Handlers<EsbRequests>;
}

function callTimeoutMs(deadlineMs: number): number {
  return Math.max(1, Math.min(MAX_CALL_MS, deadlineMs - DEADLINE_MARGIN_MS - Date.now()));
}
