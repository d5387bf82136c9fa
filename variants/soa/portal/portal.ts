/** The portal: the public HTTP API, every call a request to the esb over RabbitMQ. */
import { createPublicApi } from '../../common/http/public-api.js';
import { REQUESTS_QUEUE } from '../amqp/bus-topology.js';
import { RpcClient } from '../amqp/rpc-client.js';
import { startBusComponent } from '../bus-component.js';
import type { ComponentOptions, RunningComponent } from '../component.js';
import type { EsbRequests } from '../messages.js';
import { esbShop } from './esb-shop.js';

export async function startPortal(options: ComponentOptions): Promise<RunningComponent> {
  const { logger } = options;
  const esb = new RpcClient<EsbRequests>('esb-client', logger, () => ({ queue: REQUESTS_QUEUE, upstream: 'esb' }));
  const running = await startBusComponent({
    name: options.name, port: options.port, host: options.host, amqpUrl: options.amqpUrl, logger, parts: [esb],
    api: (readiness) => createPublicApi(esbShop(esb, readiness, logger), logger),
  });
  return { url: running.url, stop: () => running.stop() };
}
