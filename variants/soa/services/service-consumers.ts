/** The consumers a service puts on the bus: its request queue, and a subscription to OrderPlaced. */
import type { Logger } from 'pino';
import type { ContractRevision } from '../../../boundary/contracts.js';
import type { OrderPlaced } from '../../../shared-domain/types.js';
import { OrderPlacedReader } from '../../common/contracts/order-placed-reader.js';
import { CONTRACT_HEADER, CONTRACT_ORIGIN_HEADER } from '../../common/contracts/wire.js';
import type { Db } from '../../common/sqlite/database.js';
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

export interface OrderPlacedSubscription {
  /** The bus part that takes the events off the subscriber's queue. */
  readonly consumer: QueueConsumer;
  /** Reads each event in this build's contract revision, parks what it cannot read, replays it later. */
  readonly reader: OrderPlacedReader;
}

/**
 * A subscriber's events, as the ESB translated them (the origin header names the revision the event was
 * written in). Start `reader` for its replays; stop it with the service.
 */
export function orderPlacedConsumer(
  subscriber: keyof typeof ORDER_PLACED_QUEUES,
  service: ServiceName,
  { db, revision, apply }: { readonly db: Db; readonly revision: ContractRevision; readonly apply: (event: OrderPlaced) => Promise<void> },
  logger: Logger,
): OrderPlacedSubscription {
  const reader = new OrderPlacedReader({ db, consumer: subscriber, revision, apply, logger });
  const consumer = new QueueConsumer({
    name: 'order-placed',
    queue: ORDER_PLACED_QUEUES[subscriber],
    prefetch: SERVICE_PREFETCH,
    handlers: {
      [ORDER_PLACED]: (event: unknown, { headers }) => reader.deliver(event as object, {
        producer: headers[CONTRACT_ORIGIN_HEADER] ?? headers[CONTRACT_HEADER],
        translated: headers[CONTRACT_ORIGIN_HEADER] !== undefined,
      }),
    },
    component: service,
    logger,
  });
  return { consumer, reader };
}
