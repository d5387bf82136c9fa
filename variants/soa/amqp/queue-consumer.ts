/**
 * Consumes one durable queue with manual acks and a bounded prefetch, and dispatches each message by
 * its `type` to a handler, inside the sender's correlation id:
 *
 *   request (has replyTo)    → handler → reply {value} or {fault} → ack
 *   command or event         → handler → ack;  handler threw → nack and requeue after a pause
 *   past its deadline        → ack, dropped: the caller has given up and answered its own client
 *
 * The ack follows the work, so a message whose consumer dies half-way is delivered again: handlers of
 * commands and events are idempotent.
 */
import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import type { Logger } from 'pino';
import { withCorrelationId } from '../../common/correlation.js';
import type { Contract, Reply } from '../messages.js';
import { HEADER } from './bus-topology.js';
import { openChannel, type BusPart } from './connection.js';
import { faultOf, InvalidMessageError } from './errors.js';
import { encode } from './publisher.js';

const REDELIVERY_PAUSE_MS = 1_000;

export interface Delivery {
  /** Epoch ms after which nobody waits for the answer; undefined for commands and events. */
  readonly deadlineMs: number | undefined;
  readonly redelivered: boolean;
  /** The message's AMQP headers (contract revisions among them). */
  readonly headers: Readonly<Record<string, unknown>>;
}

export type Handler = (body: never, delivery: Delivery) => Promise<unknown>;

/** A typed handler per message type of a contract. */
export type Handlers<C extends Contract, K extends keyof C = keyof C> = {
  readonly [P in K]: (request: C[P]['request'], delivery: Delivery) => Promise<C[P]['value']>;
};

export interface QueueConsumerOptions {
  readonly name: string;
  readonly queue: string;
  readonly prefetch: number;
  readonly handlers: Readonly<Record<string, Handler>>;
  /** This component's name, for faults it answers with. */
  readonly component: string;
  readonly logger: Logger;
}

export class QueueConsumer implements BusPart {
  #channel: Channel | undefined;

  constructor(private readonly options: QueueConsumerOptions) {}

  get name(): string { return this.options.name; }
  get ready(): boolean { return this.#channel !== undefined; }

  async open(model: ChannelModel): Promise<void> {
    let closed = false;
    const channel = await openChannel(model, (m) => m.createChannel(), (c) => { closed = true; this.#lost(c); }, this.options.logger);
    await channel.prefetch(this.options.prefetch);
    await channel.consume(this.options.queue, (message) => {
      if (message) void this.#deliver(channel, message);
      else this.#cancelled(model);
    }, { noAck: false });
    if (closed) throw new Error(`${this.name}: the channel closed while it opened`);
    this.#channel = channel;
  }

  close(): void {
    if (this.#channel) this.#lost(this.#channel);
  }

  /** The broker cancelled the consumer (its queue was deleted): start afresh, which declares the queue again. */
  #cancelled(model: ChannelModel): void {
    this.options.logger.warn({ queue: this.options.queue }, 'the broker cancelled the consumer: reconnecting');
    void Promise.resolve().then(() => model.close()).catch(() => undefined);
  }

  #lost(channel: Channel): void {
    if (this.#channel === channel) this.#channel = undefined;
  }

  async #deliver(channel: Channel, message: ConsumeMessage): Promise<void> {
    const { type, replyTo, correlationId, headers } = message.properties as { type?: string; replyTo?: string; correlationId?: string; headers?: Record<string, unknown> };
    const deadline = headers?.[HEADER.deadlineMs];
    const deadlineMs = typeof deadline === 'number' ? deadline : undefined;
    const incoming = headers?.[HEADER.correlationId];
    const incomingId = typeof incoming === 'string' ? incoming : undefined;
    await withCorrelationId(incomingId, async () => {
      const { logger } = this.options;
      if (deadlineMs !== undefined && Date.now() > deadlineMs) {
        logger.debug({ type, lateMs: Date.now() - deadlineMs }, 'dropped a request past its deadline');
        return settle(() => channel.ack(message));
      }
      let reply: Reply<unknown>;
      try {
        reply = { value: (await this.#handle(type, message, { deadlineMs, redelivered: message.fields.redelivered, headers: headers ?? {} })) ?? null };
      } catch (error) {
        if (!replyTo && !(error instanceof InvalidMessageError)) {
          logger.warn({ err: error, type }, 'handler failed: the message goes back to the queue');
          setTimeout(() => settle(() => channel.nack(message, false, true)), REDELIVERY_PAUSE_MS).unref();
          return;
        }
        reply = { fault: faultOf(error, this.options.component) };
        logger[error instanceof InvalidMessageError ? 'error' : 'warn']({ err: error, type }, 'request failed');
      }
      if (replyTo) settle(() => channel.publish('', replyTo, encode(reply), { correlationId, contentType: 'application/json' }));
      settle(() => channel.ack(message));
      logger.debug({ queue: this.options.queue, type }, 'message handled');
    });
  }

  async #handle(type: string | undefined, message: ConsumeMessage, delivery: Delivery): Promise<unknown> {
    const handler = type === undefined ? undefined : this.options.handlers[type];
    if (!handler) throw new InvalidMessageError(`${this.options.queue} has no handler for message type ${String(type)}`);
    let body: unknown;
    try {
      body = JSON.parse(message.content.toString());
    } catch (error) {
      throw new InvalidMessageError(`a ${type} message whose body is not JSON`, { cause: error });
    }
    return handler(body as never, delivery);
  }
}

/** Acks, nacks and replies on a channel that closed meanwhile throw: the broker redelivers, nothing to do. */
function settle(action: () => unknown): void {
  try {
    action();
  } catch {
    // the channel is gone; see above
  }
}
