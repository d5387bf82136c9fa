/**
 * The event side of a micro service in one call: a NATS link that keeps the order stream (and, for a
 * consumer, its durable consumer) in place, and for a consumer the loop that applies the events.
 */
import type { Logger } from 'pino';
import type { OrderPlaced } from '../../../../shared-domain/types.js';
import { ConfigError, type AppConfig } from '../../../../boundary/app-env.js';
import { OrderPlacedReader } from '../../../common/contracts/order-placed-reader.js';
import type { Db } from '../../../common/sqlite/database.js';
import { NatsLink } from './nats-link.js';
import { OrderPlacedConsumer } from './order-placed-consumer.js';
import { ensureOrderPlacedConsumer, ensureOrderStream } from './order-stream.js';

export interface OrderEventsOptions {
  readonly config: AppConfig;
  readonly logger: Logger;
  /**
   * For a consumer: its durable consumer's name, what it does with each event, and the database where
   * it parks the events its contract revision cannot read.
   */
  readonly consume?: { readonly durable: string; readonly handle: (event: OrderPlaced) => Promise<void>; readonly db: Db };
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
  const reader = consume && new OrderPlacedReader({ db: consume.db, consumer: consume.durable, revision: config.contract, apply: consume.handle, logger }).start();
  const consumer = reader && new OrderPlacedConsumer({ link, durable: consume.durable, reader, logger }).start();
  return {
    link,
    stop: async () => {
      consumer?.stop();
      reader?.stop();
      await link.close();
    },
  };
}
