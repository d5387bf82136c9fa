/** The gateway's process: the public API over the micro services, stateless. */
import { createPublicApi } from '../../common/http/public-api.js';
import { runComponent } from '../../common/run-component.js';
import { serve } from '../../common/server.js';
import { microTopology } from '../topology.js';
import { downstreamClients } from './downstreams.js';
import { createGatewayShop } from './gateway-shop.js';

await runComponent({
  topology: microTopology,
  env: process.env,
  start: async ({ config, logger }) => {
    const clients = downstreamClients(config, logger);
    const app = createPublicApi(createGatewayShop(clients, logger), logger);
    return serve(app, config, async () => {
      await Promise.all(Object.values(clients).map((client) => client.close()));
    });
  },
});
