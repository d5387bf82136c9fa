/**
 * sales-service: carts and orders. Carts are priced from the seeded catalog, reference data that is
 * the same in every process. Orders are saved with their OrderPlaced in the outbox (one transaction);
 * the relay hands each event to the events exchange (for the ESB to translate) and marks it sent once
 * RabbitMQ confirmed it, so an outage delays events but loses none.
 */
import { Catalog, generateCatalog, getOrder } from '../../../../shared-domain/index.js';
import { uuidIds } from '../../../common/ids.js';
import { cartOperations } from '../../../common/module-operations.js';
import { OutboxRelay } from '../../../common/outbox-relay.js';
import { SqliteCartRepository } from '../../../common/sqlite/cart-repository.js';
import { SqliteOrderRepository } from '../../../common/sqlite/order-repository.js';
import { SqliteOutbox } from '../../../common/sqlite/outbox.js';
import type { ComponentContext, StartedComponent } from '../../../common/run-component.js';
import { CONTRACT_HEADER, writeContract } from '../../../common/contracts/wire.js';
import { EVENTS_EXCHANGE, ORDER_PLACED_RAW_ROUTING_KEY } from '../../amqp/bus-topology.js';
import { ConfirmPublisher } from '../../amqp/publisher.js';
import { startBusComponent } from '../../bus-component.js';
import { openEnterpriseDatabase } from '../../enterprise-database.js';
import { ORDER_PLACED } from '../../messages.js';
import { requestConsumer } from '../service-consumers.js';
import { OrderPlacement } from './order-placement.js';

export async function startSalesService({ config, faults, logger }: ComponentContext): Promise<StartedComponent> {
  const db = openEnterpriseDatabase(config.dataDir);
  const carts = new SqliteCartRepository(db);
  const orders = new SqliteOrderRepository(db);
  const placement = new OrderPlacement(db, orders);
  const events = new ConfirmPublisher('events', logger);
  const relay = new OutboxRelay({
    outbox: new SqliteOutbox(db),
    logger,
    // As this build's contract revision writes it, to the ESB, which translates it for the subscribers.
    publish: (event) => events.publish(EVENTS_EXCHANGE, ORDER_PLACED_RAW_ROUTING_KEY, writeContract('OrderPlaced', config.contract, event), {
      persistent: true, messageId: event.id, type: ORDER_PLACED, headers: { [CONTRACT_HEADER]: config.contract },
    }),
  });
  const cartModule = faults.gate('cart', cartOperations({ carts, catalog: new Catalog(generateCatalog(config.seed)).asPort(), ids: uuidIds }));
  // Reading orders is this part of the orders module; the esb runs the checkout (see its mediator).
  const ordersModule = faults.gatePart('orders', { get: (orderId: string) => getOrder(orders, orderId) });

  const requests = requestConsumer('sales-service', {
    'cart.create': () => cartModule.create(),
    'cart.get': ({ cartId }) => cartModule.get(cartId),
    'cart.addItem': ({ cartId, productId, quantity }) => cartModule.addItem(cartId, productId, quantity),
    'cart.removeItem': ({ cartId, productId }) => cartModule.removeItem(cartId, productId),
    'cart.clear': async ({ cartId }) => (await cartModule.clear(cartId), null),
    'order.get': ({ orderId }) => ordersModule.get(orderId),
    'order.findByIdempotencyKey': async ({ idempotencyKey }) => (await orders.findByIdempotencyKey(idempotencyKey)) ?? null,
    'order.claimKey': ({ idempotencyKey, orderId }) => orders.claimKey(idempotencyKey, orderId),
    'order.releaseKey': async ({ idempotencyKey, orderId }) => (await orders.releaseKey(idempotencyKey, orderId), null),
    'order.create': async ({ order, idempotencyKey, event }) => {
      const creation = await placement.create(order, idempotencyKey ?? undefined, event);
      if (creation.created) relay.poke();
      return creation;
    },
  }, logger, config.prefetch);

  const running = await startBusComponent({
    config, logger, parts: [requests, events],
    checks: () => ({ database: db.open }),
  });
  relay.start();
  return {
    url: running.url,
    stop: async () => {
      await relay.stop();
      await running.stop();
      db.close();
    },
  };
}

