/** The environment the runner gives every app: the boundary's `ARCHLAB_*` contract (see README.md). */
import { appEnvironmentVariables, type AppConfig } from '../../boundary/app-env.js';

export type AppEnvironmentInputs = Pick<AppConfig, 'variant' | 'component' | 'instance' | 'port' | 'dataDir' | 'services' | 'amqpUrl' | 'natsUrl' | 'seed'>;

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
  return { ...env, ...appEnvironmentVariables(inputs), ...extra };
}
