/**
 * The event side of a micro service in one call: a NATS link that keeps the order stream (and, for a
 * consumer, its durable consumer) in place, and for a consumer the loop that applies the events.
 */
import type { Logger } from 'pino';
import type { OrderPlaced } from '../../../../shared-domain/types.js';
import { ConfigError, type AppConfig } from '../../../../boundary/app-env.js';
import { NatsLink } from './nats-link.js';
import { OrderPlacedConsumer } from './order-placed-consumer.js';
import { ensureOrderPlacedConsumer, ensureOrderStream } from './order-stream.js';

export interface OrderEventsOptions {
  readonly config: AppConfig;
  readonly logger: Logger;
  /** For a consumer: its durable consumer's name and what it does with each event. */
  readonly consume?: { readonly durable: string; readonly handle: (event: OrderPlaced) => Promise<void> };
}

export interface OrderEvents {
  readonly link: NatsLink;
  stop(): Promise<void>;
}

export function connectOrderEvents({ config, logger, consume }: OrderEventsOptions): OrderEvents {
  if (!config.natsUrl) throw new ConfigError(`${config.component} needs ARCHLAB_NATS_URL`);
  const link = NatsLink.start({
    url: config.natsUrl,
    name: `${config.component}-${config.instance}`,
    logger,
    setUp: async (connection) => {
      const jsm = await connection.jetstreamManager();
      await ensureOrderStream(jsm);
      if (consume) await ensureOrderPlacedConsumer(jsm, consume.durable);
    },
  });
  const consumer = consume && new OrderPlacedConsumer({ link, durable: consume.durable, handle: consume.handle, logger }).start();
  return {
    link,
    stop: async () => {
      consumer?.stop();
      await link.close();
    },
  };
}
