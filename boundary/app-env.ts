/**
 * The `ARCHLAB_*` environment: the one contract between whoever starts an app (the lab's runner, the
 * compose generator) and the app itself. Starters build it with `appEnvironmentVariables`, apps read it
 * with `parseAppConfig`; both go through the one schema below, so a field cannot be spelled two ways.
 */
import { z } from 'zod';
import { CONTRACT_REVISIONS, type ContractRevision } from './contracts.js';
import { VARIANT_NAMES, type VariantName } from './topology.js';

const url = z.string().url();

/** What an app is told about itself and its surroundings. */
export interface AppConfig {
  readonly port: number;
  /** 127.0.0.1 for the lab; 0.0.0.0 inside a container. */
  readonly host: '127.0.0.1' | '::1' | '0.0.0.0';
  readonly variant: VariantName;
  readonly component: string;
  /** The replica index, from 0. */
  readonly instance: number;
  /** The variant's data dir, shared by all its components: SQLite files go there. */
  readonly dataDir: string;
  readonly seed: number;
  readonly amqpUrl?: string;
  readonly natsUrl?: string;
  /** Component name → base URL where it is reached (its replica, or the load balancer in front of its replicas). */
  readonly services: Readonly<Record<string, string>>;
  /** The build this process runs (`v1` unless a deploy says otherwise): registered with it, logged with it. */
  readonly version: string;
  /** The wire format of the contracts between processes this build writes and reads (boundary/contracts.ts). */
  readonly contract: ContractRevision;
  /** Bus consumers (soa): unacknowledged messages one replica may hold; each consumer's own default unless set. */
  readonly prefetch?: number;
  /** Full-text passes per search in whatever hosts search (shared-domain/search): its CPU cost; 0 unless set. */
  readonly searchFullTextRounds: number;
  readonly logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
}

/** What a build calls itself when nobody deployed a new one (ARCHLAB_VERSION unset). */
export const DEFAULT_APP_VERSION = 'v1';

export const appConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535),
  ARCHLAB_HOST: z.enum(['127.0.0.1', '::1', '0.0.0.0']).default('127.0.0.1'),
  ARCHLAB_VARIANT: z.enum(VARIANT_NAMES as unknown as [VariantName, ...VariantName[]]),
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
  ARCHLAB_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  ARCHLAB_PREFETCH: z.coerce.number().int().min(1).max(10_000).optional(),
  ARCHLAB_SEARCH_FULL_TEXT_ROUNDS: z.coerce.number().int().min(0).max(100_000).default(0),
  ARCHLAB_VERSION: z.string().regex(/^[A-Za-z0-9._-]{1,32}$/, 'letters, digits, dots, dashes').default(DEFAULT_APP_VERSION),
  ARCHLAB_CONTRACT: z.enum(CONTRACT_REVISIONS).default('v1'),
});

/** The variables for the shop's own settings alone (a scenario's `app` block), on top of what a starter sets. */
export function shopSettingsVariables(settings: Partial<Pick<AppConfig, 'searchFullTextRounds'>>): Record<string, string> {
  return settings.searchFullTextRounds === undefined ? {} : { ARCHLAB_SEARCH_FULL_TEXT_ROUNDS: String(settings.searchFullTextRounds) };
}

/**
 * What an app process logs (with `module`) when it has answered the first call of a module it hosts,
 * once per module: the lab reads it off the central log as the moment a new replica took traffic.
 */
export const FIRST_CALL_ANSWERED_MESSAGE = 'first call of module answered';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** For an app's main.ts: its configuration, or a ConfigError naming every bad variable. */
export function parseAppConfig(env: NodeJS.ProcessEnv): AppConfig {
  const parsed = appConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT, host: e.ARCHLAB_HOST, variant: e.ARCHLAB_VARIANT, component: e.ARCHLAB_COMPONENT, instance: e.ARCHLAB_INSTANCE,
    dataDir: e.ARCHLAB_DATA_DIR, seed: e.ARCHLAB_SEED, amqpUrl: e.ARCHLAB_AMQP_URL, natsUrl: e.ARCHLAB_NATS_URL,
    services: e.ARCHLAB_SERVICES, logLevel: e.ARCHLAB_LOG_LEVEL, prefetch: e.ARCHLAB_PREFETCH, version: e.ARCHLAB_VERSION,
    contract: e.ARCHLAB_CONTRACT,
    searchFullTextRounds: e.ARCHLAB_SEARCH_FULL_TEXT_ROUNDS,
  };
}

/** For a starter: the variables that tell an app `config` (the inverse of `parseAppConfig`). */
export function appEnvironmentVariables(config: Partial<Pick<AppConfig, 'host' | 'instance' | 'seed' | 'logLevel' | 'prefetch' | 'version' | 'contract' | 'searchFullTextRounds'>> & Omit<AppConfig, 'host' | 'instance' | 'seed' | 'logLevel' | 'prefetch' | 'version' | 'contract' | 'searchFullTextRounds'>): Record<string, string> {
  const env: Record<string, string> = {
    PORT: String(config.port),
    ARCHLAB_VARIANT: config.variant,
    ARCHLAB_COMPONENT: config.component,
    ARCHLAB_DATA_DIR: config.dataDir,
    ARCHLAB_SERVICES: JSON.stringify(config.services),
  };
  if (config.host !== undefined) env.ARCHLAB_HOST = config.host;
  if (config.instance !== undefined) env.ARCHLAB_INSTANCE = String(config.instance);
  if (config.seed !== undefined) env.ARCHLAB_SEED = String(config.seed);
  if (config.logLevel !== undefined) env.ARCHLAB_LOG_LEVEL = config.logLevel;
  if (config.amqpUrl) env.ARCHLAB_AMQP_URL = config.amqpUrl;
  if (config.natsUrl) env.ARCHLAB_NATS_URL = config.natsUrl;
  if (config.prefetch !== undefined) env.ARCHLAB_PREFETCH = String(config.prefetch);
  if (config.version !== undefined) env.ARCHLAB_VERSION = config.version;
  if (config.contract !== undefined) env.ARCHLAB_CONTRACT = config.contract;
  Object.assign(env, shopSettingsVariables(config));
  // Checked here, at the starter, so a bad value is the starter's error rather than an app that exits at once.
  parseAppConfig(env);
  return env;
}
