/**
 * Hands events saved in the outbox to the transport, oldest first, and marks each one published only
 * after the transport accepted it. A transport that is down leaves the events in place for the next
 * round: nothing produced while the broker is away is lost (it may be delivered twice; consumers dedupe).
 */
import type { Logger } from 'pino';
import type { OrderPlaced } from '../../shared-domain/types.js';
import type { SqliteOutbox } from './sqlite/outbox.js';

export interface OutboxRelayOptions {
  readonly outbox: SqliteOutbox;
  readonly publish: (event: OrderPlaced) => Promise<void>;
  readonly logger: Logger;
  readonly intervalMs?: number;
  readonly batchSize?: number;
}

export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private again = false;
  private failing = false;

  constructor(private readonly options: OutboxRelayOptions) {}

  start(): this {
    this.timer = setInterval(() => this.poke(), this.options.intervalMs ?? 250);
    this.timer.unref();
    this.poke();
    return this;
  }

  /** Drains soon; a poke during a drain makes it run once more. */
  poke(): void {
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.again) {
        this.again = false;
        this.poke();
      }
    });
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.draining;
  }

  private async drain(): Promise<void> {
    const batchSize = this.options.batchSize ?? 100;
    try {
      for (let batch = this.options.outbox.pending(batchSize); batch.length > 0; batch = this.options.outbox.pending(batchSize)) {
        for (const event of batch) {
          await this.options.publish(event);
          this.options.outbox.published(event.id);
        }
        if (batch.length < batchSize) break;
      }
      if (this.failing) this.options.logger.info('outbox relay: publishing again');
      this.failing = false;
    } catch (error) {
      // Once per outage, not every round: a broker that is down for a minute is one line in the log.
      if (!this.failing) this.options.logger.warn({ err: error }, 'outbox relay: publish failed, retrying until the transport is back');
      this.failing = true;
    }
  }
}
