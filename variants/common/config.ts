/**
 * The one configuration schema of every app component, parsed once in its main.ts from the
 * environment the runner sets (see lab/runner/README.md). A bad value fails the start at once.
 */
import { z } from 'zod';

const url = z.string().url();

export const appConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535),
  /** 127.0.0.1 for the lab; 0.0.0.0 inside a container (the compose files set it). */
  ARCHLAB_HOST: z.enum(['127.0.0.1', '::1', '0.0.0.0']).default('127.0.0.1'),
  ARCHLAB_VARIANT: z.enum(['monolith', 'soa', 'micro']),
  ARCHLAB_COMPONENT: z.string().min(1),
  ARCHLAB_INSTANCE: z.coerce.number().int().min(0).default(0),
  ARCHLAB_DATA_DIR: z.string().min(1),
  ARCHLAB_SEED: z.coerce.number().int().default(42),
  ARCHLAB_AMQP_URL: url.optional(),
  ARCHLAB_NATS_URL: url.optional(),
  ARCHLAB_SERVICES: z.string().default('{}').transform((text, ctx) => {
    try {
      return z.record(z.string(), url).parse(JSON.parse(text));
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `not a JSON object of service URLs: ${(error as Error).message}` });
      return z.NEVER;
    }
  }),
  ARCHLAB_RUN_TOKEN: z.string().optional(),
  ARCHLAB_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
});

export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly variant: 'monolith' | 'soa' | 'micro';
  readonly component: string;
  readonly instance: number;
  readonly dataDir: string;
  readonly seed: number;
  readonly amqpUrl?: string;
  readonly natsUrl?: string;
  readonly services: Readonly<Record<string, string>>;
  readonly runToken?: string;
  readonly logLevel: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function parseAppConfig(env: NodeJS.ProcessEnv): AppConfig {
  const parsed = appConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT, host: e.ARCHLAB_HOST, variant: e.ARCHLAB_VARIANT, component: e.ARCHLAB_COMPONENT, instance: e.ARCHLAB_INSTANCE,
    dataDir: e.ARCHLAB_DATA_DIR, seed: e.ARCHLAB_SEED, amqpUrl: e.ARCHLAB_AMQP_URL, natsUrl: e.ARCHLAB_NATS_URL,
    services: e.ARCHLAB_SERVICES, runToken: e.ARCHLAB_RUN_TOKEN, logLevel: e.ARCHLAB_LOG_LEVEL,
  };
}

/** A service's URL from ARCHLAB_SERVICES, or a clear error naming what is missing. */
export function serviceUrl(config: AppConfig, name: string): string {
  const found = config.services[name];
  if (!found) throw new ConfigError(`ARCHLAB_SERVICES has no URL for ${name} (has: ${Object.keys(config.services).join(', ') || 'none'})`);
  return found;
}
