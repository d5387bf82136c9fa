/**
 * For a micro service's main.ts (runComponent's `afterListening`): put this instance in the service
 * registry once it listens; on stop, deregister before the server closes, so callers stop sending
 * here first. Inside a container (listening on 0.0.0.0) the instance is reached by its hostname.
 */
import { hostname } from 'node:os';
import type { ComponentContext, StartedComponent } from '../../common/run-component.js';
import { Discovery } from './discovery/index.js';

/** The version an instance registers with; the next step (deploys) sets it per build. */
const VERSION = 'v1';

export async function joinRegistry(started: StartedComponent, { config, logger }: ComponentContext): Promise<() => Promise<void>> {
  const discovery = Discovery.start(config, logger, { resolve: false });
  const url = new URL(started.url);
  if (config.host === '0.0.0.0') url.hostname = hostname();
  discovery.register(url.origin, VERSION);
  return () => discovery.stop();
}
