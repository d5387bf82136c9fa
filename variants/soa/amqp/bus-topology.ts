/**
 * The bus as RabbitMQ sees it. Every component declares all of it on every (re)connection: the
 * declarations are idempotent, so start order never matters and no message is ever published to a
 * queue that does not exist yet.
 *
 *   portal ──► soa.esb.requests ──► esb ──► soa.<service>.requests ──► <service>
 *        ◄──────── amq.rabbitmq.reply-to ◄──────── amq.rabbitmq.reply-to ◄────┘
 *
 *   sales-service ──► soa.events (topic) ─ order.placed.raw ─► soa.esb.order-placed ─► esb (translates
 *   to the canonical model) ──► soa.events ─ order.placed ─┬─► soa.inventory-service.order-placed
 *                                                          └─► soa.product-service.order-placed
 */
import type { ChannelModel } from 'amqplib';
import type { ServiceName } from '../messages.js';

export const REQUESTS_QUEUE = 'soa.esb.requests';
export const EVENTS_EXCHANGE = 'soa.events';
export const ORDER_PLACED_ROUTING_KEY = 'order.placed';
/** OrderPlaced as its producer wrote it, on its way to the ESB's translation. */
export const ORDER_PLACED_RAW_ROUTING_KEY = 'order.placed.raw';
export const ESB_EVENTS_QUEUE = 'soa.esb.order-placed';
/** Message headers every request carries: who asked (for the logs) and until when the answer is wanted. */
export const HEADER = { correlationId: 'x-correlation-id', deadlineMs: 'x-deadline-ms' } as const;
/** RabbitMQ's direct reply-to pseudo-queue: replies without a queue per caller. */
export const DIRECT_REPLY_TO = 'amq.rabbitmq.reply-to';

export const SERVICE_QUEUES: Readonly<Record<ServiceName, string>> = {
  'product-service': 'soa.product-service.requests',
  'sales-service': 'soa.sales-service.requests',
  'inventory-service': 'soa.inventory-service.requests',
  'payment-service': 'soa.payment-service.requests',
};

/** One durable queue per subscriber of OrderPlaced. */
export const ORDER_PLACED_QUEUES = {
  inventory: 'soa.inventory-service.order-placed',
  recommendations: 'soa.product-service.order-placed',
} as const;

export async function declareBus(model: ChannelModel): Promise<void> {
  const channel = await model.createChannel();
  try {
    await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
    for (const queue of [REQUESTS_QUEUE, ESB_EVENTS_QUEUE, ...Object.values(SERVICE_QUEUES), ...Object.values(ORDER_PLACED_QUEUES)]) {
      await channel.assertQueue(queue, { durable: true });
    }
    for (const queue of Object.values(ORDER_PLACED_QUEUES)) {
      await channel.bindQueue(queue, EVENTS_EXCHANGE, ORDER_PLACED_ROUTING_KEY);
    }
    await channel.bindQueue(ESB_EVENTS_QUEUE, EVENTS_EXCHANGE, ORDER_PLACED_RAW_ROUTING_KEY);
  } finally {
    await channel.close().catch(() => undefined);
  }
}
