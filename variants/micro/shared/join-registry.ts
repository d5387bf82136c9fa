/**
 * For a micro service's main.ts (runComponent's `afterListening`): put this instance in the service
 * registry once it listens; on stop, deregister before the server closes, so callers stop sending
 * here first. Inside a container (listening on 0.0.0.0) the instance is reached by its hostname.
 */
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ComponentContext, StartedComponent } from '../../common/run-component.js';
import { Discovery } from './discovery/index.js';

const DEREGISTER_SETTLE_MS = 200;

export async function joinRegistry(started: StartedComponent, { config, logger, readiness }: ComponentContext): Promise<() => Promise<void>> {
  const discovery = Discovery.start(config, logger, { resolve: false });
  const url = new URL(started.url);
  if (config.host === '0.0.0.0') url.hostname = hostname();
  discovery.register(url.origin, config.version);
  // Not ready until callers can find it: the lab starts sending load once every component is ready.
  readiness.add('registered', () => discovery.registered);
  return async () => {
    await discovery.stop();
    // Callers' watches see the deregistration within milliseconds; let them, before the server closes.
    await sleep(DEREGISTER_SETTLE_MS);
  };
}
