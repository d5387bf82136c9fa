/**
 * A component's connection to NATS, kept for the whole life of the process:
 *
 *   connect (waits for a first server, reconnects forever) ─ set up ─ ready
 *        disconnect → not ready ─ reconnect ─ set up again ─ ready
 *
 * `setUp` creates what the component needs on the server (stream, durable consumer) and runs after
 * every reconnect, so a server that lost its state gets it back. Readiness is "connected and set up".
 * Nothing waits for NATS to start serving HTTP: without it, only the events wait.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { NatsNotReadyError } from './errors.js';

export interface NatsLinkOptions {
  readonly url: string;
  /** Shown by the server for this client: the component's name. */
  readonly name: string;
  readonly logger: Logger;
  /** Idempotent: creates the streams and consumers this component relies on. */
  readonly setUp: (connection: LinkedConnection) => Promise<void>;
}

/** The link's connection with the JetStream API the event code uses (a client of one connection). */
export interface LinkedConnection {
  readonly nats: NatsConnection;
  jetstream(): JetStreamClient;
  jetstreamManager(): Promise<JetStreamManager>;
}

export class NatsLink {
  #connection: LinkedConnection | undefined;
  #ready = false;
  #closed = false;
  /** Bumped on every disconnect: a set-up that began before one does not make the link ready. */
  #epoch = 0;

  private constructor(private readonly options: NatsLinkOptions) {}

  static start(options: NatsLinkOptions): NatsLink {
    const link = new NatsLink(options);
    link.#open().catch((error: unknown) => options.logger.error({ err: error }, 'nats: cannot connect'));
    return link;
  }

  get ready(): boolean {
    return this.#ready;
  }

  /** The connection, while connected and set up. */
  connection(): LinkedConnection {
    if (!this.#ready || !this.#connection) throw new NatsNotReadyError(this.options.url);
    return this.#connection;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#ready = false;
    await this.#connection?.nats.close();
  }

  async #open(): Promise<void> {
    const { url, name, logger } = this.options;
    const connection = await connect({
      servers: url,
      name,
      waitOnFirstConnect: true,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
      // A hung (SIGSTOPped) server is noticed within about 6 s, not the default 4 minutes.
      pingInterval: 2_000,
      maxPingOut: 2,
    });
    if (this.#closed) return void (await connection.close());
    const js = jetstream(connection);
    this.#connection = { nats: connection, jetstream: () => js, jetstreamManager: () => jetstreamManager(connection) };
    logger.info({ server: connection.getServer() }, 'nats: connected');
    void this.#watch(this.#connection);
    await this.#setUp(this.#connection);
  }

  async #watch(connection: LinkedConnection): Promise<void> {
    for await (const status of connection.nats.status()) {
      if (status.type === 'disconnect') {
        this.#epoch += 1;
        this.#ready = false;
        this.options.logger.warn({ server: status.server }, 'nats: disconnected, reconnecting');
      } else if (status.type === 'reconnect') {
        this.options.logger.info({ server: status.server }, 'nats: reconnected');
        void this.#setUp(connection);
      }
    }
  }

  async #setUp(connection: LinkedConnection): Promise<void> {
    const epoch = this.#epoch;
    for (let attempt = 0; !this.#closed && !connection.nats.isClosed() && epoch === this.#epoch; attempt += 1) {
      try {
        await this.options.setUp(connection);
        if (epoch === this.#epoch && !this.#closed) this.#ready = true;
        return;
      } catch (error) {
        // Right after a restart JetStream may still be recovering its streams: try again shortly.
        this.options.logger.warn({ err: error, attempt }, 'nats: set-up failed, retrying');
        await sleep(Math.min(2_000, 100 * 2 ** attempt));
      }
    }
  }
}
