/** The portal: the public HTTP API, every call a request to the esb over RabbitMQ. */
import { createPublicApi } from '../../common/http/public-api.js';
import type { ComponentContext, StartedComponent } from '../../common/run-component.js';
import { REQUESTS_QUEUE } from '../amqp/bus-topology.js';
import { RpcClient } from '../amqp/rpc-client.js';
import { startBusComponent } from '../bus-component.js';
import type { EsbRequests } from '../messages.js';
import { esbShop } from './esb-shop.js';

export async function startPortal({ config, logger }: ComponentContext): Promise<StartedComponent> {
  const esb = new RpcClient<EsbRequests>('esb-client', logger, () => ({ queue: REQUESTS_QUEUE, upstream: 'esb' }));
  const running = await startBusComponent({
    config, logger, parts: [esb],
    api: (readiness) => createPublicApi(esbShop(esb, readiness, logger), logger),
  });
  return { url: running.url, stop: () => running.stop() };
}
