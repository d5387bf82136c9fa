/**
 * The esb: consumes every portal request from its durable queue (prefetch bounds how many it works on
 * at once), mediates it, and answers on the portal's reply-to; and translates every OrderPlaced into the
 * canonical model for its subscribers. It keeps no state but the commands waiting for the broker.
 */
import { REQUESTS_QUEUE, SERVICE_QUEUES } from '../amqp/bus-topology.js';
import { QueueConsumer } from '../amqp/queue-consumer.js';
import { ConfirmPublisher } from '../amqp/publisher.js';
import { RpcClient } from '../amqp/rpc-client.js';
import { startBusComponent } from '../bus-component.js';
import type { ComponentContext, StartedComponent } from '../../common/run-component.js';
import { PROVIDER_OF, type ServiceOperations } from '../messages.js';
import { DeferredCommands } from './deferred-commands.js';
import { eventTranslation } from './event-translation.js';
import { mediator } from './mediator.js';

/** Requests in flight at once: each mostly waits on a service, so many fit; bounded all the same. */
export const ESB_PREFETCH = 100;

export async function startEsb({ config, faults, logger }: ComponentContext): Promise<StartedComponent> {
  const services = new RpcClient<ServiceOperations>('services', logger, (type) => ({ queue: SERVICE_QUEUES[PROVIDER_OF[type]], upstream: PROVIDER_OF[type] }));
  const commands = new DeferredCommands(services, logger);
  const requests = new QueueConsumer({
    name: 'requests', queue: REQUESTS_QUEUE, prefetch: ESB_PREFETCH, handlers: mediator({ services, commands, faults, contract: config.contract }), component: 'esb', logger,
  });
  const events = new ConfirmPublisher('events', logger);
  // The clients open first: requests and events may arrive the moment the consumers start.
  const running = await startBusComponent({ config, logger, parts: [services, events, requests, eventTranslation(events, logger)] });
  return {
    url: running.url,
    stop: async () => {
      await running.stop();
      commands.stop();
    },
  };
}
