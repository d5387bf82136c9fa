/** The environment contract between the runner and every app (see README.md). */
import type { VariantName } from '../topology/types.js';

export interface AppEnvironmentInputs {
  readonly variant: VariantName;
  readonly component: string;
  readonly instance: number;
  readonly port: number;
  readonly dataDir: string;
  /** Component name → base URL of its replica 0, for every app component of the variant. */
  readonly services: Readonly<Record<string, string>>;
  readonly amqpUrl?: string;
  readonly natsUrl?: string;
  readonly seed: number;
  readonly token: string;
}

/** The lab's own environment, less anything that would tell an app the wrong port or variant. */
export function appEnvironment(
  inputs: AppEnvironmentInputs,
  inherited: NodeJS.ProcessEnv = process.env,
  extra: Readonly<Record<string, string>> = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(inherited)) {
    if (key !== 'PORT' && !key.startsWith('ARCHLAB_')) env[key] = value;
  }
  Object.assign(env, {
    PORT: String(inputs.port),
    ARCHLAB_VARIANT: inputs.variant,
    ARCHLAB_COMPONENT: inputs.component,
    ARCHLAB_INSTANCE: String(inputs.instance),
    ARCHLAB_DATA_DIR: inputs.dataDir,
    ARCHLAB_SERVICES: JSON.stringify(inputs.services),
    ARCHLAB_SEED: String(inputs.seed),
    ARCHLAB_RUN_TOKEN: inputs.token,
  });
  if (inputs.amqpUrl) env.ARCHLAB_AMQP_URL = inputs.amqpUrl;
  if (inputs.natsUrl) env.ARCHLAB_NATS_URL = inputs.natsUrl;
  return { ...env, ...extra };
}
