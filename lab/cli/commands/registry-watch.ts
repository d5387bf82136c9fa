/**
 * For `up` on a packaging with a service registry (micro): what the registry lists now, then every
 * instance that joins or leaves it as it happens, in the words of the lifecycle events.
 */
import { connect } from '@nats-io/transport-node';
import { pino } from 'pino';
import type { RunningVariant } from '../../runner/index.js';
import { ServiceResolver, type InstanceChange, type ServiceInstance } from '../../../variants/micro/shared/discovery/index.js';

export interface RegistryWatch {
  /** One line per service: its instances and their URLs. */
  listing(services: readonly string[]): string;
  stop(): Promise<void>;
}

export async function watchRegistry(running: RunningVariant, print: (line: string) => void): Promise<RegistryWatch> {
  const nc = await connect({ servers: running.broker('nats').url, name: 'archlab-up-registry', maxReconnectAttempts: -1, pingInterval: 2_000, maxPingOut: 2 });
  let resolver: ServiceResolver;
  try {
    resolver = await ServiceResolver.start(nc, { logger: pino({ level: 'silent' }) });
  } catch (error) {
    await nc.close();
    throw error;
  }
  const unsubscribe = resolver.onChange((change) => print(describeChange(change)));
  return {
    listing: (services) => services.map((service) => {
      const instances = resolver.instances(service);
      return `  ${service.padEnd(15)} ×${instances.length}  ${instances.map((i) => `${i.instanceId} ${i.url}`).join(', ') || '(none registered)'}`;
    }).join('\n'),
    stop: async () => {
      unsubscribe();
      await resolver.stop();
      await nc.close();
    },
  };
}

function describeChange(change: InstanceChange): string {
  const time = new Date().toISOString().slice(11, 23);
  const who = (i: ServiceInstance) => `${i.service} ${i.instanceId} (${i.url})`;
  switch (change.type) {
    case 'added': return `${time}  registry: ${who(change.instance)} joined`;
    case 'updated': return `${time}  registry: ${who(change.instance)} re-registered`;
    case 'removed': return `${time}  registry: ${who(change.instance)} left (${change.reason === 'expired' ? 'no heartbeat for a TTL' : 'deregistered'})`;
  }
}
