/**
 * The life of every app process, in every variant; each main.ts is one call to `runComponent`:
 *
 *   ARCHLAB_* parsed once ─ logger ─ module faults for the modules the topology says this component
 *   hosts ─ start(context) ─ "module operations gated" ─ "<component> listening" ─ afterListening
 *   ─ … SIGTERM, or the lab's IPC channel closes ─ what afterListening returned ─ stop()
 *
 * Nothing below main.ts reads process.env: main.ts hands it over, `start` gets the parsed config.
 */
import type { Logger } from 'pino';
import { ConfigError, parseAppConfig, type AppConfig } from '../../boundary/app-env.js';
import type { AppComponent, Topology } from '../../boundary/topology.js';
import { createLogger } from './logger.js';
import { ModuleFaults } from './module-faults.js';
import { ReadinessChecks } from './readiness-checks.js';
import { runUntilStopped } from './server.js';

/** Logged once at start with `gated`: module → the operations this process gated (a test reads it). */
export const GATED_OPERATIONS_MESSAGE = 'module operations gated';

export interface ComponentContext {
  readonly config: AppConfig;
  readonly logger: Logger;
  /** Gates for exactly the modules this component hosts. */
  readonly faults: ModuleFaults;
  /** Checks its /readyz adds to its own (see ReadinessChecks). */
  readonly readiness: ReadinessChecks;
}

export interface StartedComponent {
  readonly url: string;
  stop(): Promise<void>;
}

export type StartComponent = (context: ComponentContext) => Promise<StartedComponent>;

export interface ComponentRun {
  /** The variant's topology: which modules this component hosts is read off it, by component name. */
  readonly topology: Topology;
  /** main.ts's `process.env`, parsed here once. */
  readonly env: NodeJS.ProcessEnv;
  readonly start: StartComponent;
  /**
   * Runs once the component listens (to register it with a service registry, say). What it returns
   * runs when the component is told to stop, before `stop()` (to deregister it first).
   */
  readonly afterListening?: (component: StartedComponent, context: ComponentContext) => Promise<(() => Promise<void>) | void>;
}

export async function runComponent({ topology, env, start, afterListening }: ComponentRun): Promise<void> {
  const config = parseAppConfig(env);
  const { modules } = hostedBy(topology, config);
  const logger = createLogger({ variant: config.variant, component: config.component, instance: config.instance, level: config.logLevel });
  const faults = new ModuleFaults(modules, logger).listen();
  const context: ComponentContext = { config, logger, faults, readiness: new ReadinessChecks() };
  const started = await start(context);
  logger.info({ gated: faults.gated() }, GATED_OPERATIONS_MESSAGE);
  logger.info({ url: started.url, modules, version: config.version }, `${config.component} listening`);
  const beforeStop = await afterListening?.(started, context);
  runUntilStopped(async () => {
    await beforeStop?.();
    await started.stop();
  }, logger);
}

/** This process's component in its variant's topology, or a ConfigError saying what does not match. */
function hostedBy(topology: Topology, config: AppConfig): AppComponent {
  if (config.variant !== topology.variant) {
    throw new ConfigError(`ARCHLAB_VARIANT is ${config.variant}, but this entry belongs to the ${topology.variant} variant`);
  }
  const component = topology.components.find((c) => c.name === config.component);
  if (component?.kind !== 'app') {
    const apps = topology.components.filter((c) => c.kind === 'app').map((c) => c.name);
    throw new ConfigError(`ARCHLAB_COMPONENT ${config.component} is not an app of the ${topology.variant} topology (apps: ${apps.join(', ')})`);
  }
  return component;
}
