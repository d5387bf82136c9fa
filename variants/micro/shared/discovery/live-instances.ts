/**
 * The resolver's cache: the live instances of every service, and when each was last heard of.
 *
 * Age is counted on this process's monotonic clock from when an entry was received, never from the
 * server's timestamp, so clock skew between hosts cannot expire a live instance. An entry unheard of for
 * longer than the TTL is dropped (`expire`): on nats-server < 2.11 that is the only sign of an instance
 * that died without deregistering. While the registry cannot be watched the clock is not run at all;
 * `restartClocks` then gives every known instance one full TTL from the moment watching resumes.
 * Pure: the caller passes the time in.
 */
import { instanceKey, type ServiceInstance } from './service-instance.js';

export type RemovalReason = 'deregistered' | 'expired';

export type InstanceChange =
  | { readonly type: 'added'; readonly instance: ServiceInstance }
  | { readonly type: 'updated'; readonly instance: ServiceInstance; readonly previous: ServiceInstance }
  | { readonly type: 'removed'; readonly instance: ServiceInstance; readonly reason: RemovalReason };

interface Entry {
  readonly instance: ServiceInstance;
  heardAtMs: number;
}

const NONE: readonly ServiceInstance[] = Object.freeze([]);

export class LiveInstances {
  readonly #entries = new Map<string, Entry>();
  /** Per service, sorted by instance id; the same array until that service changes. */
  readonly #lists = new Map<string, readonly ServiceInstance[]>();

  /** How many instances are known, every service together. */
  get size(): number {
    return this.#entries.size;
  }

  instances(service: string): readonly ServiceInstance[] {
    let list = this.#lists.get(service);
    if (!list) {
      list = Object.freeze([...this.#entries.values()].map((e) => e.instance).filter((i) => i.service === service)
        .sort((a, b) => a.instanceId.localeCompare(b.instanceId)));
      if (list.length === 0) return NONE;
      this.#lists.set(service, list);
    }
    return list;
  }

  /** A value stored under `key` (a registration or its heartbeat). */
  put(key: string, instance: ServiceInstance, nowMs: number): InstanceChange | undefined {
    const known = this.#entries.get(key);
    if (known && sameInstance(known.instance, instance)) {
      known.heardAtMs = nowMs;
      return undefined;
    }
    if (known) this.#lists.delete(known.instance.service);
    this.#entries.set(key, { instance, heardAtMs: nowMs });
    this.#lists.delete(instance.service);
    return known ? { type: 'updated', instance, previous: known.instance } : { type: 'added', instance };
  }

  /** A delete or purge of `key`. */
  delete(key: string): InstanceChange | undefined {
    return this.#remove(key, 'deregistered');
  }

  /** Drops every entry unheard of for more than `ttlMs`. */
  expire(nowMs: number, ttlMs: number): InstanceChange[] {
    const changes: InstanceChange[] = [];
    for (const [key, entry] of this.#entries) {
      if (nowMs - entry.heardAtMs > ttlMs) changes.push(this.#remove(key, 'expired')!);
    }
    return changes;
  }

  /** Watching resumed after an outage: every instance known gets a full TTL to be heard of again. */
  restartClocks(nowMs: number): void {
    for (const entry of this.#entries.values()) entry.heardAtMs = nowMs;
  }

  #remove(key: string, reason: RemovalReason): InstanceChange | undefined {
    const known = this.#entries.get(key);
    if (!known) return undefined;
    this.#entries.delete(key);
    this.#lists.delete(known.instance.service);
    return { type: 'removed', instance: known.instance, reason };
  }
}

function sameInstance(a: ServiceInstance, b: ServiceInstance): boolean {
  return instanceKey(a) === instanceKey(b) && a.url === b.url && a.version === b.version && a.startedAt === b.startedAt;
}
