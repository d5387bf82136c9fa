/** The monolith's process: the public API over the in-process shop. */
import { parseAppConfig } from '../../boundary/app-env.js';
import { createPublicApi } from '../common/http/public-api.js';
import { createLogger } from '../common/logger.js';
import { ModuleFaults } from '../common/module-faults.js';
import { listen, runUntilStopped } from '../common/server.js';
import { MODULE_NAMES } from '../../shared-domain/modules.js';
import { createMonolithShop } from './shop.js';

const config = parseAppConfig(process.env);
const logger = createLogger({ variant: config.variant, component: config.component, instance: config.instance, level: config.logLevel });
const faults = new ModuleFaults(MODULE_NAMES, logger).listen();
const monolith = createMonolithShop({ dataDir: config.dataDir, seed: config.seed, faults, logger });
const server = await listen(createPublicApi(monolith.shop, logger), config.port, config.host);
logger.info({ url: server.url }, 'monolith listening');
runUntilStopped(async () => {
  await server.stop();
  await monolith.stop();
}, logger);
