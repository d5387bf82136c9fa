/**
 * Reads OrderPlaced events through a durable JetStream consumer and hands each to the contract reader
 * (common/contracts): ack after it applied or parked the event, nak (redeliver in a second) when
 * applying threw.
 * Delivery is at least once; the handlers de-duplicate by event id (`applied_events`).
 *
 * A loop of short pull requests rather than one endless subscription: every round asks the server
 * afresh, so a restarted broker or a reconnect needs no special path, and after a failed round the
 * consumer is looked up again (and recreated if the server lost it).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Consumer, JsMsg } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import type { OrderPlacedReader } from '../../../common/contracts/order-placed-reader.js';
import { CONTRACT_HEADER } from '../../../common/contracts/wire.js';
import type { NatsLink } from './nats-link.js';
import { ORDER_STREAM, ensureOrderPlacedConsumer, ensureOrderStream } from './order-stream.js';

export interface OrderPlacedConsumerOptions {
  readonly link: NatsLink;
  readonly durable: string;
  readonly reader: OrderPlacedReader;
  readonly logger: Logger;
}

const BATCH_SIZE = 100;
const PULL_EXPIRES_MS = 1_000;
const REDELIVER_AFTER_MS = 1_000;

export class OrderPlacedConsumer {
  #stopped = false;
  #consumer: Consumer | undefined;

  constructor(private readonly options: OrderPlacedConsumerOptions) {}

  start(): this {
    void this.#run();
    return this;
  }

  stop(): void {
    this.#stopped = true;
  }

  async #run(): Promise<void> {
    const { link, durable, logger } = this.options;
    while (!this.#stopped) {
      if (!link.ready) {
        this.#consumer = undefined;
        await sleep(100);
        continue;
      }
      try {
        this.#consumer ??= await this.#acquire();
        const messages = await this.#consumer.fetch({ max_messages: BATCH_SIZE, expires: PULL_EXPIRES_MS });
        for await (const message of messages) await this.#process(message);
      } catch (error) {
        if (this.#stopped) return;
        this.#consumer = undefined;
        logger.warn({ err: error, durable }, 'order events: pull failed, retrying');
        await sleep(250);
      }
    }
  }

  /** After any failure: makes sure the consumer exists (it may have been deleted), then binds to it. */
  async #acquire(): Promise<Consumer> {
    const connection = this.options.link.connection();
    const jsm = await connection.jetstreamManager();
    await ensureOrderStream(jsm);
    await ensureOrderPlacedConsumer(jsm, this.options.durable);
    return connection.jetstream().consumers.get(ORDER_STREAM, this.options.durable);
  }

  async #process(message: JsMsg): Promise<void> {
    try {
      await this.options.reader.deliver(message.data, { producer: message.headers?.get(CONTRACT_HEADER) });
      message.ack();
    } catch (error) {
      this.options.logger.warn({ err: error, seq: message.seq }, 'order events: handler failed, redelivering');
      message.nak(REDELIVER_AFTER_MS);
    }
  }
}
