/**
 * The life of one micro component's process: configuration, logger, module faults, start, and
 * stop on SIGTERM or when the lab goes away. Each `main.ts` is one call to `runComponent`.
 */
import type express from 'express';
import type { Logger } from 'pino';
import type { ModuleName } from '../../../shared-domain/modules.js';
import { parseAppConfig, type AppConfig } from '../../../boundary/app-env.js';
import { createLogger } from '../../common/logger.js';
import { ModuleFaults } from '../../common/module-faults.js';
import { listen, runUntilStopped } from '../../common/server.js';

export interface ComponentContext {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly faults: ModuleFaults;
}

export interface StartedComponent {
  readonly url: string;
  stop(): Promise<void>;
}

export type StartComponent = (context: ComponentContext) => Promise<StartedComponent>;

export async function runComponent(env: NodeJS.ProcessEnv, modules: readonly ModuleName[], start: StartComponent): Promise<void> {
  const config = parseAppConfig(env);
  const logger = createLogger({ variant: config.variant, component: config.component, instance: config.instance, level: config.logLevel });
  const faults = new ModuleFaults(modules, logger).listen();
  const running = await start({ config, logger, faults });
  logger.info({ url: running.url, modules }, `${config.component} listening`);
  runUntilStopped(() => running.stop(), logger);
}

/** Serves `app` on `port`; `stop()` closes the server first, then whatever else the component holds. */
export async function serve(app: express.Express, at: { port: number; host: string }, closeRest: () => Promise<void> | void): Promise<StartedComponent> {
  const server = await listen(app, at.port, at.host);
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      await closeRest();
    },
  };
}
