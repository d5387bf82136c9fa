/** The monolith's process: the public API over the in-process shop. */
import { createPublicApi } from '../common/http/public-api.js';
import { runComponent } from '../common/run-component.js';
import { serve } from '../common/server.js';
import { createMonolithShop } from './shop.js';
import { monolithTopology } from './topology.js';

await runComponent({
  topology: monolithTopology,
  env: process.env,
  start: async ({ config, logger, faults }) => {
    const monolith = createMonolithShop({ dataDir: config.dataDir, seed: config.seed, faults, logger, searchFullTextRounds: config.searchFullTextRounds });
    return serve(createPublicApi(monolith.shop, logger), config, () => monolith.stop());
  },
});
