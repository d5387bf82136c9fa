/**
 * Request/reply over RabbitMQ: a persistent request on a durable queue, answered on direct reply-to.
 *
 *   call ─► publish {type, correlationId, replyTo, expiration, deadline} ─► reply with that correlationId ─► value
 *                     │ no connection: 503 at once      │ timer: UpstreamTimeoutError    └ fault: its error
 *                     └ channel closes while waiting: UpstreamUnavailableError for every pending call
 *
 * The request expires in its queue when the caller gives up, and consumers drop it past its deadline:
 * a service that comes back after an outage does not work through requests nobody waits for.
 */
import { randomUUID } from 'node:crypto';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { Logger } from 'pino';
import { UpstreamTimeoutError, UpstreamUnavailableError } from '../../common/errors.js';
import { currentCorrelationId } from '../../common/correlation.js';
import type { Contract, Reply } from '../messages.js';
import { DIRECT_REPLY_TO, HEADER } from './bus-topology.js';
import { errorOf } from './errors.js';
import { BROKER, ConfirmPublisher, notConnected } from './publisher.js';

export interface Destination {
  readonly queue: string;
  /** Named in errors: the component expected to answer. */
  readonly upstream: string;
}

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

export class RpcClient<C extends Contract> extends ConfirmPublisher {
  readonly #pending = new Map<string, Pending>();

  constructor(name: string, logger: Logger, private readonly route: (type: keyof C & string) => Destination) {
    super(name, logger);
  }

  /** `extraHeaders`: further AMQP headers for the request (its contract revision). */
  call<K extends keyof C & string>(type: K, request: C[K]['request'], timeoutMs: number, extraHeaders: Readonly<Record<string, string>> = {}): Promise<C[K]['value']> {
    const channel = this.channel;
    if (!channel) return Promise.reject(notConnected());
    const { queue, upstream } = this.route(type);
    const correlationId = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.#settle(correlationId, new UpstreamTimeoutError(upstream, timeoutMs)), timeoutMs);
      this.#pending.set(correlationId, { resolve, reject, timer });
      this.publish('', queue, request, {
        type, correlationId, replyTo: DIRECT_REPLY_TO, persistent: true, expiration: String(timeoutMs),
        headers: { ...extraHeaders, ...headers(Date.now() + timeoutMs) },
      }).catch((error: Error) => this.#settle(correlationId, error));
    });
  }

  /** A one-way command: resolves once the broker holds it durably. */
  send<K extends keyof C & string>(type: K, request: C[K]['request']): Promise<void> {
    return this.publish('', this.route(type).queue, request, { type, persistent: true, headers: headers(undefined) });
  }

  protected override async prepare(channel: ConfirmChannel): Promise<void> {
    // Direct reply-to needs its consumer on the publishing channel, before the first request.
    await channel.consume(DIRECT_REPLY_TO, (message) => { if (message) this.#onReply(message); }, { noAck: true });
  }

  protected override lost(channel: ConfirmChannel, reason: Error): void {
    if (this.channel !== channel) return;
    super.lost(channel, reason);
    // Replies to this channel can never arrive now.
    for (const id of [...this.#pending.keys()]) {
      this.#settle(id, new UpstreamUnavailableError(BROKER, `connection lost while waiting for a reply (${reason.message})`));
    }
  }

  #onReply(message: ConsumeMessage): void {
    const id = message.properties.correlationId as string | undefined;
    if (!id || !this.#pending.has(id)) return; // the caller gave up already
    let reply: Reply<unknown>;
    try {
      reply = JSON.parse(message.content.toString()) as Reply<unknown>;
    } catch (error) {
      this.#settle(id, new Error('a reply that is not JSON', { cause: error }));
      return;
    }
    this.#settle(id, 'fault' in reply ? errorOf(reply.fault) : undefined, 'value' in reply ? reply.value : undefined);
  }

  #settle(id: string, error: Error | undefined, value?: unknown): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    clearTimeout(pending.timer);
    if (error) pending.reject(error);
    else pending.resolve(value);
  }
}

function headers(deadlineMs: number | undefined): Record<string, string | number> {
  const correlationId = currentCorrelationId();
  return {
    ...(correlationId ? { [HEADER.correlationId]: correlationId } : {}),
    ...(deadlineMs === undefined ? {} : { [HEADER.deadlineMs]: deadlineMs }),
  };
}
