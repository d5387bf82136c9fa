/** The esb's routing table over a recording fake of the service client: validation, transformation, deadlines, the orders module. */
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { generateCatalog, ok } from '../../../shared-domain/index.js';
import { UpstreamUnavailableError } from '../../common/errors.js';
import { ModuleFaults } from '../../common/module-faults.js';
import { errorOf, faultOf, InvalidMessageError } from '../amqp/errors.js';
import type { Delivery } from '../amqp/queue-consumer.js';
import type { RpcClient } from '../amqp/rpc-client.js';
import type { ServiceOperations } from '../messages.js';
import type { DeferredCommands } from './deferred-commands.js';
import { DEADLINE_MARGIN_MS, mediator } from './mediator.js';

const logger = pino({ level: 'silent' });
const [PRODUCT] = generateCatalog(42, 1);

function recordingMediator(answers: Partial<Record<keyof ServiceOperations, unknown>>) {
  const calls: Array<{ type: string; request: unknown; timeoutMs: number }> = [];
  const services = {
    call: async (type: keyof ServiceOperations, request: unknown, timeoutMs: number) => {
      calls.push({ type, request, timeoutMs });
      return answers[type];
    },
  } as unknown as RpcClient<ServiceOperations>;
  const handlers = mediator({ services, commands: {} as DeferredCommands, faults: new ModuleFaults(['orders'], logger) });
  return { handlers, calls };
}

function failingOrders(): ModuleFaults {
  const faults = new ModuleFaults(['orders'], logger);
  faults.apply({ type: 'module-fault', action: 'inject', module: 'orders', kind: 'error' });
  return faults;
}

const delivery = (inMs: number): Delivery => ({ deadlineMs: Date.now() + inMs, redelivered: false, headers: {} });

describe('esb mediator', () => {
  it('transforms a portal message to the canonical operation, within the portal\'s deadline', async () => {
    const { handlers, calls } = recordingMediator({ 'product.get': ok(PRODUCT) });
    expect(await handlers.GetProduct({ id: PRODUCT!.id }, delivery(2_000))).toEqual(ok(PRODUCT));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ type: 'product.get', request: { productId: PRODUCT!.id } });
    expect(calls[0]!.timeoutMs).toBeLessThanOrEqual(2_000 - DEADLINE_MARGIN_MS);
    expect(calls[0]!.timeoutMs).toBeGreaterThan(2_000 - DEADLINE_MARGIN_MS - 100);
  });

  it('runs a checkout as the orders module: a fault in orders reaches the esb', async () => {
    const { handlers, calls } = recordingMediator({});
    const faulty = mediator({ services: {} as RpcClient<ServiceOperations>, commands: {} as DeferredCommands, faults: failingOrders() });
    await expect(faulty.PlaceOrder({ cartId: 'cart-1', card: { number: '4111111111111111' } }, delivery(2_000))).rejects.toThrow(/orders/);
    await expect(handlers.PlaceOrder({ cartId: 'cart-1', card: { number: '12' } }, delivery(2_000))).resolves.toMatchObject({ ok: false, error: { code: 'REQUEST.INVALID' } });
    expect(calls).toEqual([]);
  });

  it('refuses a message that is not the schema, without calling anyone', async () => {
    const { handlers, calls } = recordingMediator({});
    await expect(handlers.GetCart({ cartId: 'x' } as never, delivery(2_000))).rejects.toBeInstanceOf(InvalidMessageError);
    await expect(handlers.PlaceOrder({ cartId: 'cart-1', card: '4111' } as never, delivery(2_000))).rejects.toBeInstanceOf(InvalidMessageError);
    expect(calls).toEqual([]);
  });

  it('carries transport failures across a hop as the same error, and anything else as a remote failure', () => {
    const unavailable = errorOf(faultOf(new UpstreamUnavailableError('rabbitmq', 'not connected'), 'esb'));
    expect(unavailable).toBeInstanceOf(UpstreamUnavailableError);
    expect(unavailable.message).toBe('rabbitmq is unavailable: not connected');
    expect(errorOf(faultOf(new Error('boom'), 'sales-service'))).toMatchObject({ name: 'RemoteOperationError', upstream: 'sales-service' });
  });
});
