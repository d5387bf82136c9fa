/**
 * What every SOA process shares: one reconnecting AMQP connection with its parts, and an HTTP port
 * answering /healthz and /readyz (readiness: connected to RabbitMQ, every part's channel open). The
 * portal serves the public API on that port; the esb and the services serve only the two probes.
 */
import express from 'express';
import type { Logger } from 'pino';
import type { Readiness } from '../../shared-domain/shop.js';
import { ConfigError, type AppConfig } from '../../boundary/app-env.js';
import { listen } from '../common/server.js';
import { declareBus } from './amqp/bus-topology.js';
import { ReconnectingConnection, type BusPart } from './amqp/connection.js';

export interface BusComponentOptions {
  /** Its name, port and host, and the RabbitMQ URL it needs. */
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly parts: readonly BusPart[];
  /** Further readiness checks (an open database). */
  readonly checks?: () => Record<string, boolean>;
  /** The HTTP app to serve, given the readiness; the two probes alone unless told. */
  readonly api?: (readiness: () => Readiness) => express.Express;
}

export interface RunningBusComponent {
  readonly url: string;
  readonly port: number;
  readiness(): Readiness;
  stop(): Promise<void>;
}

export async function startBusComponent(options: BusComponentOptions): Promise<RunningBusComponent> {
  const { config } = options;
  if (!config.amqpUrl) throw new ConfigError(`${config.component} needs ARCHLAB_AMQP_URL`);
  const connection = await ReconnectingConnection.start({
    url: config.amqpUrl, name: config.component, logger: options.logger, parts: options.parts, declare: declareBus,
  });
  const readiness = (): Readiness => {
    const checks = { ...connection.checks(), ...options.checks?.() };
    return { ready: Object.values(checks).every(Boolean), checks };
  };
  const running = await listen((options.api ?? probesApi)(readiness), config.port, config.host).catch(async (error: unknown) => {
    await connection.stop();
    throw error;
  });
  return {
    url: running.url,
    port: running.port,
    readiness,
    stop: async () => {
      await running.stop();
      await connection.stop();
    },
  };
}

export function probesApi(readiness: () => Readiness): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => { res.json({ status: 'ok' }); });
  app.get('/readyz', (_req, res) => {
    const state = readiness();
    res.status(state.ready ? 200 : 503).json(state);
  });
  app.use((req, res) => { res.status(404).json({ error: { code: 'ROUTE.NOT_FOUND', message: `no route ${req.method} ${req.path}` } }); });
  return app;
}
