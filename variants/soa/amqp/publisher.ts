/**
 * Publishes on a confirm channel: a promise per message that resolves when the broker has taken it
 * (a persistent message to a durable queue: written to disk) and rejects when it refused it or the
 * channel closed first. While disconnected it rejects at once: callers never wait for a broker that
 * is not there.
 */
import type { ChannelModel, ConfirmChannel, Options } from 'amqplib';
import type { Logger } from 'pino';
import { UpstreamUnavailableError } from '../../common/errors.js';
import { openChannel, type BusPart } from './connection.js';

export const BROKER = 'rabbitmq';

export class ConfirmPublisher implements BusPart {
  protected channel: ConfirmChannel | undefined;

  constructor(readonly name: string, protected readonly logger: Logger) {}

  get ready(): boolean {
    return this.channel !== undefined;
  }

  async open(model: ChannelModel): Promise<void> {
    let closed = false;
    const channel = await openChannel(model, (m) => m.createConfirmChannel(), (c) => { closed = true; this.lost(c, new Error('channel closed')); }, this.logger);
    await this.prepare(channel);
    if (closed) throw new Error(`${this.name}: the channel closed while it opened`);
    this.channel = channel;
  }

  close(reason: Error): void {
    if (this.channel) this.lost(this.channel, reason);
  }

  /** Resolves once the broker confirmed the message. */
  publish(exchange: string, routingKey: string, body: unknown, options: Options.Publish): Promise<void> {
    const channel = this.channel;
    if (!channel) return Promise.reject(notConnected());
    return new Promise((resolve, reject) => {
      try {
        channel.publish(exchange, routingKey, encode(body), { contentType: 'application/json', timestamp: Date.now(), ...options }, (error) => {
          if (error) reject(new UpstreamUnavailableError(BROKER, 'the broker did not confirm the message', { cause: error }));
          else resolve();
        });
      } catch (error) {
        reject(new UpstreamUnavailableError(BROKER, 'the channel closed', { cause: error }));
      }
    });
  }

  /** Runs on the new channel before it is handed out (consumers for replies, say). */
  protected async prepare(_channel: ConfirmChannel): Promise<void> {}

  protected lost(channel: ConfirmChannel, _reason: Error): void {
    if (this.channel === channel) this.channel = undefined;
  }
}

export function notConnected(): UpstreamUnavailableError {
  return new UpstreamUnavailableError(BROKER, 'not connected');
}

export function encode(body: unknown): Buffer {
  return Buffer.from(JSON.stringify(body));
}
