/** The gateway's process: the public API over the micro services, stateless. */
import { createPublicApi } from '../../common/http/public-api.js';
import { runComponent } from '../../common/run-component.js';
import { serve } from '../../common/server.js';
import { Discovery } from '../shared/discovery/index.js';
import { microTopology } from '../topology.js';
import { downstreamClients } from './downstreams.js';
import { createGatewayShop } from './gateway-shop.js';

await runComponent({
  topology: microTopology,
  env: process.env,
  start: async ({ config, logger }) => {
    const discovery = Discovery.start(config, logger, { resolve: true });
    const clients = downstreamClients(discovery, logger);
    const app = createPublicApi(createGatewayShop(clients, logger, () => discovery.ready), logger);
    return serve(app, config, async () => {
      await Promise.all(Object.values(clients).map((client) => client.close()));
      await discovery.stop();
    });
  },
});
