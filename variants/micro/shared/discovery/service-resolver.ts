/**
 * Client-side discovery: the live instances of every service, from a watch on the registry bucket.
 *
 *   start ─ open bucket ─ read every entry ─ watch ──── put: added / updated (heard of now)
 *                                             │         delete, purge: removed (deregistered)
 *                                             │         every 250 ms: unheard of for a TTL → removed (expired)
 *             NATS disconnects, or the watch ends:
 *             stop watching, keep the cache, stop its clock ─ connected again ─ open, read, watch
 *             ─ every cached instance gets one TTL from then to be heard of again
 *
 * While the registry cannot be watched, the last known instances are served as they were, none
 * expires: an outage of the registry must not take every service-to-service call down with it
 * (Eureka's "self-preservation" makes the same choice). An instance that died meanwhile is found out by
 * its caller's circuit breaker (see round-robin-balancer.ts) and, once watching resumes, leaves within
 * one TTL. A resolver that (re)starts watching counts an entry's age from then, so an instance that
 * died just before may be listed for up to one TTL more than the server keeps its entry.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { KvEntry } from '@nats-io/kv';
import type { NatsConnection, QueuedIterator } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { ConnectionState } from './connection-state.js';
import { RegistryConfigError, RegistryUnavailableError } from './errors.js';
import { LiveInstances, type InstanceChange } from './live-instances.js';
import { DEFAULT_BUCKET, openRegistryBucket, type RegistryBucket, type RegistryBucketOptions } from './registry-bucket.js';
import { decodeInstance, instanceKey, type ServiceInstance } from './service-instance.js';

export interface ResolverOptions extends RegistryBucketOptions {
  readonly logger: Logger;
}

export type InstanceListener = (change: InstanceChange) => void;

const REQUEST_TIMEOUT_MS = 2_000;
const SWEEP_EVERY_MS = 250;
const CONNECTION_POLL_MS = 100;
const RESYNC_BACKOFF_MS = [100, 250, 500, 1_000, 2_000];

export class ServiceResolver {
  readonly #live = new LiveInstances();
  readonly #listeners = new Set<InstanceListener>();
  readonly #connection: ConnectionState;
  #watch: QueuedIterator<KvEntry> | undefined;
  #ttlMs = 0;
  /** When the registry last told us anything (a put from any instance). */
  #heardAtMs = performance.now();
  #stopped = false;
  readonly #sweeper: NodeJS.Timeout;

  private constructor(private readonly nc: NatsConnection, private readonly options: ResolverOptions) {
    this.#connection = ConnectionState.follow(nc, (connected) => {
      if (!connected) this.#stopWatching('disconnected');
    });
    this.#sweeper = setInterval(() => this.#sweep(), SWEEP_EVERY_MS).unref();
  }

  /** Reads the registry and starts watching it; rejects if the registry cannot be read now. */
  static async start(nc: NatsConnection, options: ResolverOptions): Promise<ServiceResolver> {
    const resolver = new ServiceResolver(nc, options);
    try {
      await resolver.#sync();
    } catch (error) {
      await resolver.stop();
      if (error instanceof RegistryConfigError) throw error;
      throw new RegistryUnavailableError(options.bucket ?? DEFAULT_BUCKET, `reading and watching it (${REQUEST_TIMEOUT_MS} ms per request)`, { cause: error });
    }
    return resolver;
  }

  /** The live instances of `service`, by instance id; the same array until that service changes. */
  instances(service: string): readonly ServiceInstance[] {
    return this.#live.instances(service);
  }

  /** True while updates arrive; false while the last known instances are served from the cache. */
  get watching(): boolean {
    return this.#watch !== undefined;
  }

  /** The bucket's max age: how long an instance unheard of stays listed. */
  get ttlMs(): number {
    return this.#ttlMs;
  }

  /** Calls `listener` on every change; returns the function that unsubscribes it. */
  onChange(listener: InstanceListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stops watching; the connection stays open (it is the caller's). */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#sweeper);
    this.#connection.stop();
    this.#watch?.stop();
    this.#watch = undefined;
  }

  async #sync(): Promise<void> {
    const bucket = await openRegistryBucket(this.nc, this.options, REQUEST_TIMEOUT_MS);
    this.#live.restartClocks(performance.now());
    for await (const key of await bucket.kv.keys()) {
      const entry = await bucket.kv.get(key);
      if (entry) this.#apply(entry);
    }
    // The watch replays every key's last value (deletes included): it closes the gap since the read.
    const watch = await bucket.kv.watch();
    if (this.#stopped) return watch.stop();
    if (!this.#connection.connected) {
      // Disconnected while reading: the outage began after the clocks restarted, so read again later.
      watch.stop();
      throw new Error('disconnected while reading the registry');
    }
    this.#ttlMs = bucket.ttlMs;
    this.#watch = watch;
    void this.#follow(watch, bucket);
  }

  async #follow(watch: QueuedIterator<KvEntry>, bucket: RegistryBucket): Promise<void> {
    try {
      for await (const entry of watch) this.#apply(entry);
    } catch (error) {
      this.options.logger.warn({ err: error, bucket: bucket.name }, 'discovery: watch failed');
    }
    if (this.#watch === watch) this.#stopWatching('watch ended');
  }

  #stopWatching(why: string): void {
    const watch = this.#watch;
    if (!watch) return;
    this.#watch = undefined;
    watch.stop();
    this.options.logger.warn({ why }, 'discovery: registry not watched, serving the last known instances');
    void this.#resync();
  }

  /** Waits for the connection without counting that as failing; backs off only from failed reads. */
  async #resync(): Promise<void> {
    let failures = 0;
    while (!this.#stopped && !this.nc.isClosed()) {
      if (!this.#connection.connected) {
        await sleep(CONNECTION_POLL_MS);
        continue;
      }
      try {
        await this.#sync();
        this.options.logger.info({ failures }, 'discovery: watching the registry again');
        return;
      } catch (error) {
        this.options.logger.warn({ err: error, failures }, 'discovery: registry not readable yet, retrying');
        await sleep(RESYNC_BACKOFF_MS[Math.min(failures, RESYNC_BACKOFF_MS.length - 1)]);
        failures += 1;
      }
    }
  }

  #apply(entry: KvEntry): void {
    if (entry.operation !== 'PUT') return this.#emit(this.#live.delete(entry.key));
    const instance = decodeInstance(entry.value);
    if (!instance || instanceKey(instance) !== entry.key) {
      this.options.logger.warn({ key: entry.key }, 'discovery: not a service instance, ignored');
      return;
    }
    this.#heardAtMs = performance.now();
    this.#emit(this.#live.put(entry.key, instance, performance.now()));
  }

  #sweep(): void {
    if (!this.watching) return;
    // Every live instance beats every second: when nothing at all was heard for half a TTL, the registry
    // is stuck (a paused server keeps its connections open), not every instance dead. Keep the cache.
    if (this.#live.size > 0 && performance.now() - this.#heardAtMs > this.#ttlMs / 2) return;
    for (const change of this.#live.expire(performance.now(), this.#ttlMs)) this.#emit(change);
  }

  #emit(change: InstanceChange | undefined): void {
    if (!change) return;
    for (const listener of this.#listeners) listener(change);
  }
}
