/**
 * The ESB's half of every OrderPlaced: the event arrives as its producer's contract revision wrote it,
 * is translated into the canonical model (a message every revision the ESB knows can read: a renamed
 * field carried under both names) and published to the subscribers, acknowledged only once RabbitMQ
 * confirmed the translated one. An event the ESB cannot read goes on untranslated: its subscribers
 * park it, nothing is dropped here.
 *
 *   soa.esb.order-placed ─► esb: read any revision ─► canonical ─► soa.events ─ order.placed ─► subscribers
 *
 * The price of the classic argument: every contract change is an ESB change too (the ESB must know every
 * revision before a service ships one), and every event takes one more hop.
 */
import type { Logger } from 'pino';
import { CONTRACT_HEADER, CONTRACT_ORIGIN_HEADER, canonicalContract, revisionOf } from '../../common/contracts/wire.js';
import { ESB_EVENTS_QUEUE, EVENTS_EXCHANGE, ORDER_PLACED_ROUTING_KEY } from '../amqp/bus-topology.js';
import type { ConfirmPublisher } from '../amqp/publisher.js';
import { QueueConsumer } from '../amqp/queue-consumer.js';
import { ORDER_PLACED } from '../messages.js';

/** Events in translation at once. */
const EVENTS_PREFETCH = 50;

export function eventTranslation(events: ConfirmPublisher, logger: Logger): QueueConsumer {
  return new QueueConsumer({
    name: 'event-translation',
    queue: ESB_EVENTS_QUEUE,
    prefetch: EVENTS_PREFETCH,
    component: 'esb',
    logger,
    handlers: {
      [ORDER_PLACED]: async (event: unknown, { headers }) => {
        const origin = revisionOf(headers[CONTRACT_HEADER]);
        const canonical = canonicalContract('OrderPlaced', event);
        if (!canonical) logger.warn({ origin }, 'OrderPlaced the ESB cannot read: passed on untranslated');
        const id = (event as { id?: unknown } | null)?.id;
        await events.publish(EVENTS_EXCHANGE, ORDER_PLACED_ROUTING_KEY, canonical ?? event, {
          persistent: true, type: ORDER_PLACED, ...(typeof id === 'string' ? { messageId: id } : {}),
          headers: canonical ? { [CONTRACT_HEADER]: 'v2-expand', [CONTRACT_ORIGIN_HEADER]: origin } : { [CONTRACT_HEADER]: origin },
        });
        return null;
      },
    },
  });
}
