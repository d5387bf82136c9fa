/**
 * Discovery as a micro component uses it, from its configuration:
 *
 *   fixed routes (ARCHLAB_SERVICES: a lab fault proxy on that edge, say) ─ used as they are
 *   every other service ─ the registry on NATS (ARCHLAB_NATS_URL), resolved and cached here
 *
 * The connection to NATS is opened in the background and reconnects forever: a component starts and
 * serves without it. Until the registry has been read once, a service without a fixed route has no
 * instance (calls to it fail fast with a 503); after that, an unreachable registry leaves the last known
 * instances in place (see ServiceResolver). Registering is retried in the background the same way.
 */
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { ConfigError, type AppConfig } from '../../../../boundary/app-env.js';
import type { InstanceSource } from './round-robin-balancer.js';
import type { ServiceInstance } from './service-instance.js';
import { ServiceRegistration } from './service-registration.js';
import { ServiceResolver } from './service-resolver.js';

const RETRY_MS = 500;
const NO_INSTANCES: readonly ServiceInstance[] = [];

/** One base URL as the only instance of a service: a fixed route. */
export function fixedRoute(service: string, url: string): InstanceSource {
  const only: readonly ServiceInstance[] = [{ service, instanceId: 'fixed', url, version: 'unknown', startedAt: new Date(0).toISOString() }];
  return { instances: () => only };
}

export class Discovery implements InstanceSource {
  #nats: NatsConnection | undefined;
  #resolver: ServiceResolver | undefined;
  #registration: ServiceRegistration | undefined;
  #stopped = false;
  #registered = false;
  readonly #fixed: ReadonlyMap<string, InstanceSource>;
  readonly #connected: Promise<NatsConnection | undefined>;

  private constructor(private readonly config: AppConfig, private readonly logger: Logger) {
    this.#fixed = new Map(Object.entries(config.services).map(([service, url]) => [service, fixedRoute(service, url)]));
    this.#connected = this.#connect();
  }

  /** `resolve`: this component calls other services and keeps a resolver for them. */
  static start(config: AppConfig, logger: Logger, { resolve }: { resolve: boolean }): Discovery {
    if (!config.natsUrl) throw new ConfigError(`${config.component} finds services in the registry on NATS and needs ARCHLAB_NATS_URL`);
    const discovery = new Discovery(config, logger);
    if (resolve) void discovery.#retry('resolver', async (nc) => { discovery.#resolver = await ServiceResolver.start(nc, { logger }); });
    return discovery;
  }

  /** Ready to route: the registry has been read once (fixed routes need nothing). */
  get ready(): boolean {
    return this.#resolver !== undefined;
  }

  /** This instance is in the registry (its first registration went through). */
  get registered(): boolean {
    return this.#registered;
  }

  instances(service: string): readonly ServiceInstance[] {
    return this.#fixed.get(service)?.instances(service) ?? this.#resolver?.instances(service) ?? NO_INSTANCES;
  }

  /** Puts this instance in the registry (in the background until it works) with a heartbeat. */
  register(url: string, version: string): void {
    const { component, instance } = this.config;
    void this.#retry('registration', async (nc) => {
      const registration = await ServiceRegistration.start(nc, { service: component, instanceId: this.#instanceId(instance), url, version, logger: this.logger });
      // Told to stop while the first put was on its way: take it back rather than leave it for a TTL.
      if (this.#stopped) return void (await registration.deregister());
      this.#registration = registration;
      this.#registered = true;
      this.logger.info({ key: registration.key, url }, 'registered with the service registry');
    });
  }

  /** Deregisters (callers stop sending here at once), stops resolving, closes the connection. */
  async stop(): Promise<void> {
    this.#stopped = true;
    const outcome = await this.#registration?.deregister();
    if (outcome) this.logger.info({ outcome }, 'deregistered from the service registry');
    await this.#resolver?.stop();
    // close, not drain: a drain waits for a flush that never comes while NATS is unreachable.
    await this.#nats?.close();
  }

  /** Replica index from the lab; in a container (scaled by compose, all with index 0) its hostname, which is unique. */
  #instanceId(instance: number): string {
    return this.config.host === '0.0.0.0' ? hostname().replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 64) : `i${instance}`;
  }

  async #connect(): Promise<NatsConnection | undefined> {
    const nc = await connect({
      servers: this.config.natsUrl, name: `${this.config.component}-${this.config.instance}-discovery`,
      maxReconnectAttempts: -1, reconnectTimeWait: 250, waitOnFirstConnect: true,
      // A server that hangs (paused) keeps the socket open: pings find it within a few seconds.
      pingInterval: 2_000, maxPingOut: 2,
    });
    if (this.#stopped) {
      await nc.close();
      return undefined;
    }
    this.#nats = nc;
    return nc;
  }

  async #retry(what: string, attempt: (nc: NatsConnection) => Promise<void>): Promise<void> {
    const nc = await this.#connected.catch((error: unknown) => this.logger.error({ err: error }, 'discovery: cannot connect to NATS'));
    let failures = 0;
    while (nc && !this.#stopped) {
      try {
        return await attempt(nc);
      } catch (error) {
        if (failures++ === 0) this.logger.warn({ err: error }, `discovery: ${what} failed, retrying every ${RETRY_MS} ms`);
        await sleep(RETRY_MS);
      }
    }
  }
}
