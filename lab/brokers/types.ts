/** The lab's private broker instances: what a caller gives to start one and what it gets back. */

export type BrokerKind = 'rabbitmq' | 'nats';

export interface BrokerStartOptions {
  /** Private folder for this instance's data, logs and HOME; created if missing. */
  readonly dir: string;
  /** Every line the broker writes, as it writes it (its restarts included). */
  readonly onLog?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** How long to wait for the broker to accept clients, on start and on every restart. */
  readonly readyTimeoutMs?: number;
  /** Where the live instance is registered for `sweepStaleInstances`; `<repository>/.archlab/instances` unless told. */
  readonly registryDir?: string;
  /** Start at this niceness (19: only CPU nobody else wants), until `setNiceness` says otherwise. */
  readonly niceness?: number;
}

/** A running (or crashed, restartable) broker. Only `start…()` makes one, so its ports are always known. */
export interface StartedBroker {
  readonly kind: BrokerKind;
  /** `amqp://guest:guest@127.0.0.1:PORT` or `nats://127.0.0.1:PORT`. */
  readonly url: string;
  readonly port: number;
  /** The OS pid of the broker process (RabbitMQ: beam.smp); undefined while it is down. */
  pid(): number | undefined;
  /** SIGKILL the broker's process group now, as a crash would; resolves once it is gone. Data is kept. */
  kill(): Promise<void>;
  /** Start again on the same port and data dir; resolves when ready. A no-op while running. */
  restart(): Promise<void>;
  isRunning(): boolean;
  /** Graceful stop (SIGTERM, SIGKILL after a grace period), epmd included. Safe to call twice. */
  stop(): Promise<void>;
}

/** One run's own, empty part of a shared broker, and the URL that reaches it. */
export interface BrokerScope {
  /** The broker's URL narrowed to the scope (RabbitMQ: `amqp://…:PORT/<vhost>`). */
  readonly url: string;
  /** Removes what the run left there (a vhost with its queues). The broker must be up. */
  close(): Promise<void>;
}

/** A broker that several runs may use one after another, each in a fresh scope. */
export interface ShareableBroker extends StartedBroker {
  /**
   * Checks that a client gets in now (else `BrokerUnhealthyError`), then opens a fresh, empty scope:
   * RabbitMQ a new vhost (through rabbitmqctl, no plugin needed); NATS the whole server with every
   * JetStream stream, and so every consumer, deleted. `name`: [a-z0-9-], unique per broker.
   */
  openScope(name: string): Promise<BrokerScope>;
  /** Sets the priority of every process and thread of the instance, and of any restart of it. */
  setNiceness(niceness: number): void;
}

export type BrokerBinaryLookup =
  | { readonly found: true; readonly path: string }
  | { readonly found: false; readonly installHint: string };
