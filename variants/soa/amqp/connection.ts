/**
 * One AMQP connection per process that comes back by itself:
 *
 *   connect ─► declare the bus ─► open every part (channels, consumers) ─► connected
 *      ▲                                                                      │ broker gone, socket closed,
 *      └── back-off 100 ms, doubling to 0.5 s, jittered ◄── parts told closed ◄┘ or a channel error
 *
 * amqplib's recovery runs the loop; this class adds the parts and the state readiness reads. A part's
 * channel that the broker closes while the connection lives on recycles the whole connection, so every
 * part always runs on the same, fresh connection.
 */
import { connect, type Channel, type ChannelModel, type RecoveringChannelModel } from 'amqplib';
import type { Logger } from 'pino';

/** Something that lives on the connection: a publisher, an RPC client, a consumer. */
export interface BusPart {
  readonly name: string;
  /** Its channel is open and (for a consumer) consuming. */
  readonly ready: boolean;
  /** Opens its channel on a fresh connection; a throw fails this connection attempt (retried). */
  open(model: ChannelModel): Promise<void>;
  /** The connection is gone: forget the channel, fail whatever waits on it, at once. */
  close(reason: Error): void;
}

export interface ConnectionOptions {
  readonly url: string;
  /** Shown in RabbitMQ's connection list. */
  readonly name: string;
  readonly logger: Logger;
  readonly parts: readonly BusPart[];
  /** Runs on every connection before the parts open: declare exchanges and queues. */
  readonly declare: (model: ChannelModel) => Promise<void>;
  readonly heartbeatSeconds?: number;
  readonly maxReconnectDelayMs?: number;
}

export class ReconnectingConnection {
  #model: ChannelModel | undefined;
  #blocked = false;
  #outageStartedMs: number | undefined;

  private constructor(private readonly recovering: RecoveringChannelModel, private readonly options: ConnectionOptions) {
    const { logger } = options;
    recovering.on('connect', (model: ChannelModel) => {
      this.#model = model;
      this.#blocked = false;
      const outageMs = this.#outageStartedMs === undefined ? undefined : Date.now() - this.#outageStartedMs;
      this.#outageStartedMs = undefined;
      logger.info({ outageMs }, 'connected to RabbitMQ');
    });
    recovering.on('disconnect', (error: Error) => {
      this.#model = undefined;
      this.#outageStartedMs ??= Date.now();
      for (const part of options.parts) part.close(error);
      logger.warn({ err: error }, 'lost RabbitMQ: reconnecting');
    });
    recovering.on('connect-failed', (error: Error) => {
      this.#outageStartedMs ??= Date.now();
      for (const part of options.parts) part.close(error);
      logger.debug({ err: error }, 'RabbitMQ connection attempt failed');
    });
    recovering.on('reconnect-failed', (error: Error) => logger.error({ err: error }, 'gave up reconnecting to RabbitMQ'));
    recovering.on('blocked', (reason: string) => { this.#blocked = true; logger.warn({ reason }, 'RabbitMQ blocked publishing'); });
    recovering.on('unblocked', () => { this.#blocked = false; logger.info('RabbitMQ unblocked publishing'); });
    recovering.on('error', (error: Error) => logger.warn({ err: error }, 'RabbitMQ connection error'));
  }

  /** Returns at once; the first connection (and every later one) is made in the background. */
  static async start(options: ConnectionOptions): Promise<ReconnectingConnection> {
    const url = new URL(options.url);
    url.searchParams.set('heartbeat', String(options.heartbeatSeconds ?? 5));
    const recovering = await connect(url.toString(), {
      noDelay: true,
      timeout: 2_000,
      clientProperties: { connection_name: options.name },
      recovery: {
        initialDelay: 100,
        maxDelay: options.maxReconnectDelayMs ?? 500,
        factor: 2,
        jitter: 0.2,
        maxRetries: Infinity,
        waitForConnect: false,
        setup: async (model: ChannelModel) => {
          model.on('error', () => undefined); // reported through the recovering model once connected
          await options.declare(model);
          for (const part of options.parts) await part.open(model);
        },
      },
    });
    return new ReconnectingConnection(recovering, options);
  }

  get connected(): boolean {
    return this.#model !== undefined && !this.#blocked;
  }

  checks(): Record<string, boolean> {
    return Object.fromEntries([['rabbitmq', this.connected], ...this.options.parts.map((p) => [p.name, this.connected && p.ready])]);
  }

  async stop(): Promise<void> {
    await this.recovering.close().catch(() => undefined);
    for (const part of this.options.parts) part.close(new Error('stopping'));
  }
}

/**
 * Opens a channel for a part. `lost` runs once when it closes, whatever the reason; a channel the broker
 * closed on its own (a channel error) also closes its connection, which recovery then replaces.
 */
export async function openChannel<C extends Channel>(
  model: ChannelModel,
  create: (model: ChannelModel) => Promise<C>,
  lost: (channel: C) => void,
  logger: Logger,
): Promise<C> {
  const channel = await create(model);
  let channelError: Error | undefined;
  channel.on('error', (error: Error) => { channelError = error; logger.warn({ err: error }, 'AMQP channel error'); });
  channel.once('close', () => {
    lost(channel);
    if (channelError) void Promise.resolve().then(() => model.close()).catch(() => undefined);
  });
  return channel;
}
