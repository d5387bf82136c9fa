/**
 * Whether a NATS connection is up, from its status events, for someone who does not own the
 * connection: `stop()` ends only this follower, never the connection.
 */
import type { NatsConnection, Status } from '@nats-io/transport-node';

export class ConnectionState {
  #connected: boolean;
  readonly #statuses: AsyncIterable<Status>;

  private constructor(nc: NatsConnection, private readonly onChange: (connected: boolean) => void) {
    this.#connected = !nc.isClosed();
    this.#statuses = nc.status();
  }

  static follow(nc: NatsConnection, onChange: (connected: boolean) => void): ConnectionState {
    const state = new ConnectionState(nc, onChange);
    void state.#run();
    return state;
  }

  get connected(): boolean {
    return this.#connected;
  }

  stop(): void {
    // status() hands out a QueuedIterator; its stop() unhooks it from the connection at once.
    const statuses = this.#statuses as Partial<{ stop(): void }>;
    statuses.stop?.();
  }

  async #run(): Promise<void> {
    for await (const status of this.#statuses) {
      const connected = status.type === 'reconnect' ? true : status.type === 'disconnect' || status.type === 'close' ? false : undefined;
      if (connected === undefined || connected === this.#connected) continue;
      this.#connected = connected;
      this.onChange(connected);
    }
  }
}
