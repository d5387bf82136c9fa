/**
 * The registry: one JetStream KV bucket whose max age is the registrations' TTL. An instance that stops
 * heartbeating has its entry removed by the server after the TTL. On nats-server before 2.11 that
 * removal leaves no delete marker, so a watcher never hears of it: readers also age entries out
 * themselves (see live-instances.ts).
 *
 * In memory, not on disk: the registry is soft state that heartbeats rebuild within a second after a
 * restart of the server, so writing it to disk would only cost.
 */
import { jetstream, StorageType } from '@nats-io/jetstream';
import { Kvm, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { RegistryConfigError } from './errors.js';

export const DEFAULT_BUCKET = 'archlab_services';
export const DEFAULT_TTL_MS = 3_000;

export interface RegistryBucketOptions {
  /** The KV bucket; default `archlab_services`. */
  readonly bucket?: string;
  /**
   * Max age of an entry that is not refreshed; default 3 000 ms. Applied by whoever creates the bucket:
   * an existing bucket keeps its own, and everybody reads the TTL from the bucket.
   */
  readonly ttlMs?: number;
}

export interface RegistryBucket {
  readonly kv: KV;
  readonly name: string;
  /** The bucket's max age, as the server has it. */
  readonly ttlMs: number;
}

/** Opens the bucket, creating it if it is missing (a fresh or restarted server). */
export async function openRegistryBucket(
  nc: NatsConnection, options: RegistryBucketOptions, requestTimeoutMs: number,
): Promise<RegistryBucket> {
  const name = options.bucket ?? DEFAULT_BUCKET;
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  if (!(ttlMs > 0)) throw new RegistryConfigError(`the registry's TTL must be positive, not ${ttlMs} ms`);
  const kvm = new Kvm(jetstream(nc, { timeout: requestTimeoutMs }));
  const kv = await kvm.create(name, { ttl: ttlMs, history: 1, storage: StorageType.Memory });
  const status = await kv.status();
  if (!(status.ttl > 0)) throw new RegistryConfigError(`bucket ${name} has no max age: its entries would never expire`);
  return { kv, name, ttlMs: status.ttl };
}
