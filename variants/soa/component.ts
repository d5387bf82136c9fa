/**
 * The start-up every SOA process shares: its main.ts parses the environment once and hands the result
 * to the component's `start(options)`; nothing below main.ts reads process.env.
 */
import { join } from 'node:path';
import type { Logger } from 'pino';
import { MODULE_NAMES } from '../../shared-domain/modules.js';
import type { Product } from '../../shared-domain/types.js';
import { ConfigError, parseAppConfig } from '../../boundary/app-env.js';
import { createLogger } from '../common/logger.js';
import { ModuleFaults } from '../common/module-faults.js';
import { runUntilStopped } from '../common/server.js';
import { openDatabase, type Db } from '../common/sqlite/database.js';
import { ENTERPRISE_DB, hostedModules } from './topology.js';

export interface ComponentOptions {
  readonly name: string;
  readonly port: number;
  readonly host?: string;
  readonly amqpUrl: string;
  readonly dataDir: string;
  readonly seed: number;
  readonly logger: Logger;
  readonly faults: ModuleFaults;
}

export interface RunningComponent {
  readonly url: string;
  stop(): Promise<void>;
}

/** For a main.ts: read the environment, start the component, stop it on SIGTERM or when the lab goes. */
export async function runComponent(start: (options: ComponentOptions) => Promise<RunningComponent>, env: NodeJS.ProcessEnv): Promise<void> {
  const config = parseAppConfig(env);
  if (!config.amqpUrl) throw new ConfigError(`${config.component} needs ARCHLAB_AMQP_URL`);
  const logger = createLogger({ variant: config.variant, component: config.component, instance: config.instance, level: config.logLevel });
  const faults = new ModuleFaults(hostedModules(config.component), logger).listen();
  const running = await start({
    name: config.component, port: config.port, host: config.host, amqpUrl: config.amqpUrl, dataDir: config.dataDir, seed: config.seed, logger, faults,
  });
  logger.info({ url: running.url }, `${config.component} listening`);
  runUntilStopped(() => running.stop(), logger);
}

/**
 * The shared enterprise database: one schema with every module's tables, whoever opens it first.
 * Stock is seeded by the inventory-service, which passes the catalog.
 */
export function openEnterpriseDatabase(dataDir: string, products?: readonly Product[]): Db {
  return openDatabase({ path: join(dataDir, ENTERPRISE_DB), modules: MODULE_NAMES, products });
}
