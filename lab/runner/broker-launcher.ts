/**
 * The seam to `lab/brokers`: the runner starts brokers through this function type, so tests can pass
 * a fake and the runner does not load the broker module until a topology has a broker.
 */
import type { BrokerKind } from '../topology/types.js';

/** The broker module's `StartedBroker`, as far as the runner relies on it. */
export interface StartedBroker {
  readonly kind: BrokerKind;
  readonly url: string;
  readonly port: number;
  pid(): number | undefined;
  kill(): Promise<void>;
  restart(): Promise<void>;
  isRunning(): boolean;
  stop(): Promise<void>;
}

export interface BrokerStartOptions {
  readonly dir: string;
  readonly onLog?: (line: string, stream: 'stdout' | 'stderr') => void;
  readonly readyTimeoutMs?: number;
}

export type BrokerLauncher = (kind: BrokerKind, options: BrokerStartOptions) => Promise<StartedBroker>;

/** `startBroker` from `lab/brokers`, loaded on first use. */
export async function loadDefaultBrokerLauncher(): Promise<BrokerLauncher> {
  // A computed specifier: the runner builds and runs with app-only topologies even where lab/brokers is absent.
  const specifier = '../brokers/index.js';
  const brokers = (await import(specifier)) as { startBroker: BrokerLauncher };
  return brokers.startBroker;
}
