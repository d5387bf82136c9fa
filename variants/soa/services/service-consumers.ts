/** The consumers a service puts on the bus: its request queue, and a subscription to OrderPlaced. */
import type { Logger } from 'pino';
import type { OrderPlaced } from '../../../shared-domain/types.js';
import { ORDER_PLACED_QUEUES, SERVICE_QUEUES } from '../amqp/bus-topology.js';
import { QueueConsumer, type Handlers } from '../amqp/queue-consumer.js';
import { ORDER_PLACED, type ServiceName, type ServiceOperations } from '../messages.js';

/** Enough in flight to keep a service busy while one handler waits on the database; bounded all the same. */
export const SERVICE_PREFETCH = 50;

export function requestConsumer<K extends keyof ServiceOperations>(
  service: ServiceName,
  handlers: Handlers<ServiceOperations, K>,
  logger: Logger,
  /** ARCHLAB_PREFETCH when set: how many requests one replica takes from the queue before acking. */
  prefetch = SERVICE_PREFETCH,
): QueueConsumer {
  return new QueueConsumer({ name: 'requests', queue: SERVICE_QUEUES[service], prefetch, handlers, component: service, logger });
}

export function orderPlacedConsumer(
  subscriber: keyof typeof ORDER_PLACED_QUEUES,
  service: ServiceName,
  apply: (event: OrderPlaced) => Promise<void>,
  logger: Logger,
): QueueConsumer {
  return new QueueConsumer({
    name: 'order-placed',
    queue: ORDER_PLACED_QUEUES[subscriber],
    prefetch: SERVICE_PREFETCH,
    handlers: { [ORDER_PLACED]: (event: OrderPlaced) => apply(event) },
    component: service,
    logger,
  });
}
