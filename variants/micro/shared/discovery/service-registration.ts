/**
 * One instance's entry in the registry, kept alive by a heartbeat:
 *
 *   start ─ put <service>.<instanceId> ─ every heartbeatMs: put again ─ deregister(): delete
 *                  no heartbeat for a TTL (a SIGKILLed process, a closed connection): the server drops it
 *
 * A failed heartbeat is logged once and retried on the next beat, reopening the bucket (a restarted
 * server may have lost it). Beats never overlap: the next is scheduled when the last one ended.
 */
import type { KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { RegistryConfigError, RegistryUnavailableError } from './errors.js';
import { DEFAULT_BUCKET, openRegistryBucket, type RegistryBucketOptions } from './registry-bucket.js';
import { encodeInstance, instanceKey, validInstance, type ServiceInstance } from './service-instance.js';

export const DEFAULT_HEARTBEAT_MS = 1_000;

export interface RegistrationOptions extends RegistryBucketOptions {
  readonly service: string;
  readonly instanceId: string;
  readonly url: string;
  readonly version: string;
  /** Default: now. */
  readonly startedAt?: Date;
  /** How often the entry is refreshed: at most half the bucket's TTL, so one lost beat is survived. Default 1 000 ms. */
  readonly heartbeatMs?: number;
  readonly logger: Logger;
}

/** `deleted`: gone from the registry now; `left-to-expire`: the delete failed, the TTL removes it. */
export type DeregisterOutcome = 'deleted' | 'left-to-expire';

export class ServiceRegistration {
  readonly key: string;
  #kv: KV | undefined;
  #timer: NodeJS.Timeout | undefined;
  #beat: Promise<void> = Promise.resolve();
  #failing = false;
  #deregistered: Promise<DeregisterOutcome> | undefined;

  private constructor(
    private readonly nc: NatsConnection,
    readonly instance: ServiceInstance,
    readonly heartbeatMs: number,
    private readonly options: RegistrationOptions,
  ) {
    this.key = instanceKey(instance);
  }

  /** Registers the instance and starts its heartbeat; rejects if the registry cannot store it now. */
  static async start(nc: NatsConnection, options: RegistrationOptions): Promise<ServiceRegistration> {
    const { service, instanceId, url, version, startedAt = new Date(), heartbeatMs = DEFAULT_HEARTBEAT_MS } = options;
    const instance = validInstance({ service, instanceId, url, version, startedAt: startedAt.toISOString() });
    const registration = new ServiceRegistration(nc, instance, heartbeatMs, options);
    try {
      const opened = await openRegistryBucket(nc, options, heartbeatMs);
      if (!(heartbeatMs > 0 && heartbeatMs * 2 <= opened.ttlMs)) {
        throw new RegistryConfigError(`a heartbeat every ${heartbeatMs} ms needs a TTL of at least twice that; bucket ${opened.name} has ${opened.ttlMs} ms`);
      }
      registration.#kv = opened.kv;
      await opened.kv.put(registration.key, encodeInstance(instance));
    } catch (error) {
      if (error instanceof RegistryConfigError) throw error;
      throw new RegistryUnavailableError(options.bucket ?? DEFAULT_BUCKET, `registering ${registration.key} (${heartbeatMs} ms per request)`, { cause: error });
    }
    registration.#schedule();
    return registration;
  }

  /** Stops the heartbeat and deletes the entry, once: a graceful stop. Never throws. */
  deregister(): Promise<DeregisterOutcome> {
    this.#deregistered ??= this.#deregister();
    return this.#deregistered;
  }

  async #deregister(): Promise<DeregisterOutcome> {
    clearTimeout(this.#timer);
    await this.#beat;
    try {
      const kv = this.#kv ?? (await openRegistryBucket(this.nc, this.options, this.heartbeatMs)).kv;
      await kv.delete(this.key);
      return 'deleted';
    } catch (error) {
      this.options.logger.warn({ err: error, key: this.key }, 'discovery: deregistration failed, the entry will expire');
      return 'left-to-expire';
    }
  }

  #schedule(): void {
    this.#timer = setTimeout(() => {
      this.#beat = this.#heartbeat().finally(() => {
        if (!this.#deregistered && !this.nc.isClosed()) this.#schedule();
      });
    }, this.heartbeatMs).unref();
  }

  async #heartbeat(): Promise<void> {
    const { logger } = this.options;
    try {
      this.#kv ??= (await openRegistryBucket(this.nc, this.options, this.heartbeatMs)).kv;
      await this.#kv.put(this.key, encodeInstance(this.instance));
      if (this.#failing) logger.info({ key: this.key }, 'discovery: heartbeat stored again');
      this.#failing = false;
    } catch (error) {
      this.#kv = undefined;
      if (!this.#failing) logger.warn({ err: error, key: this.key }, 'discovery: heartbeat failed, retrying every beat');
      this.#failing = true;
    }
  }
}
