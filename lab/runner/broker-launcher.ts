/**
 * The seam to `lab/brokers`: the runner starts brokers through this function type, so tests can pass
 * a fake, and the broker module (with its amqplib and nats clients) loads only for a topology with a broker.
 */
import type { BrokerKind, BrokerStartOptions, ShareableBroker, StartedBroker } from '../brokers/index.js';

export type { BrokerStartOptions, ShareableBroker, StartedBroker };

export type BrokerLauncher = (kind: BrokerKind, options: BrokerStartOptions) => Promise<StartedBroker>;

/** What the broker pool needs: brokers that can open a fresh scope per run. */
export type ShareableBrokerLauncher = (kind: BrokerKind, options: BrokerStartOptions) => Promise<ShareableBroker>;

/** `startBroker` from `lab/brokers`, loaded on first use. */
export async function loadDefaultBrokerLauncher(): Promise<ShareableBrokerLauncher> {
  const { startBroker } = await import('../brokers/index.js');
  return startBroker;
}
