/** Private broker instances for the lab: the public surface of lab/brokers. */
import { startNats } from './nats.js';
import { startRabbitMq } from './rabbitmq.js';
import type { BrokerKind, BrokerStartOptions, ShareableBroker } from './types.js';

export { findBrokerBinary } from './binaries.js';
export {
  BrokerBinaryMissingError,
  BrokerError,
  BrokerExitedError,
  BrokerSpawnError,
  BrokerStartTimeoutError,
  BrokerStoppedError,
  BrokerUnhealthyError,
  RabbitMqCtlError,
} from './errors.js';
export { startNats } from './nats.js';
export { startRabbitMq } from './rabbitmq.js';
export type { BrokerBinaryLookup, BrokerKind, BrokerScope, BrokerStartOptions, ShareableBroker, StartedBroker } from './types.js';

export function startBroker(kind: BrokerKind, options: BrokerStartOptions): Promise<ShareableBroker> {
  return kind === 'rabbitmq' ? startRabbitMq(options) : startNats(options);
}
