/**
 * Service discovery against a real private nats-server: instances register and deregister, a killed
 * one leaves within the TTL (measured), the resolver serves its cache through a NATS outage and
 * follows the registry again afterwards, and the balancer spreads calls and skips an open circuit.
 */
import { Kvm } from '@nats-io/kv';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { ConsecutiveBreaker, circuitBreaker, handleAll } from 'cockatiel';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findBrokerBinary, startBroker, type StartedBroker } from '../../../lab/brokers/index.js';
import {
  DEFAULT_HEARTBEAT_MS, DEFAULT_TTL_MS, RegistryConfigError, RoundRobinBalancer, ServiceRegistration, ServiceResolver, type InstanceChange,
} from '../../../variants/micro/shared/discovery/index.js';
import { eventually } from './micro-run.js';

const logger = pino({ level: 'silent' });
const SWEEP_MS = 250;

interface PrivateNats { readonly broker: StartedBroker; stop(): Promise<void> }

async function privateNats(): Promise<PrivateNats> {
  const dir = await mkdtemp(join(tmpdir(), 'archlab-discovery-'));
  const broker = await startBroker('nats', { dir });
  return { broker, stop: async () => { await broker.stop(); await rm(dir, { recursive: true, force: true }); } };
}

describe.skipIf(!findBrokerBinary('nats').found)('service discovery on a JetStream KV bucket', () => {
  let nats: PrivateNats;
  const connections: NatsConnection[] = [];
  const resolvers: ServiceResolver[] = [];

  beforeAll(async () => { nats = await privateNats(); });
  afterAll(async () => { await nats?.stop(); });
  afterEach(async () => {
    await Promise.all(resolvers.splice(0).map((r) => r.stop()));
    await Promise.all(connections.splice(0).map((c) => c.close()));
  });

  /** A connection as a service opens one: reconnecting forever. */
  async function connectLikeAService(url: string): Promise<NatsConnection> {
    const nc = await connect({ servers: url, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
    connections.push(nc);
    return nc;
  }

  /** One instance of `catalog`, as its own process would have it: its own connection and registration. */
  async function startInstance(url: string, bucket: string, instanceId: string) {
    const nc = await connectLikeAService(url);
    const registration = await ServiceRegistration.start(nc, { bucket, service: 'catalog', instanceId, url: `http://127.0.0.1:4100/${instanceId}`, version: '1.0.0', logger });
    return { nc, registration };
  }

  async function startResolver(url: string, bucket: string): Promise<ServiceResolver> {
    const resolver = await ServiceResolver.start(await connectLikeAService(url), { bucket, logger });
    resolvers.push(resolver);
    return resolver;
  }

  const ids = (resolver: ServiceResolver) => resolver.instances('catalog').map((i) => i.instanceId);

  /** The first change that `matches`, and when it came (performance.now()). */
  function nextChange(resolver: ServiceResolver, matches: (change: InstanceChange) => boolean): Promise<{ change: InstanceChange; atMs: number }> {
    return new Promise((resolve) => {
      const unsubscribe = resolver.onChange((change) => {
        if (!matches(change)) return;
        unsubscribe();
        resolve({ change, atMs: performance.now() });
      });
    });
  }

  it('lists three registered instances, adds a new one, and drops a deregistered one within a second', async () => {
    const bucket = 'discovery_register';
    const [, b] = await Promise.all(['a', 'b', 'c'].map((id) => startInstance(nats.broker.url, bucket, id)));
    const resolver = await startResolver(nats.broker.url, bucket);
    expect(ids(resolver)).toEqual(['a', 'b', 'c']);
    expect(resolver.instances('catalog')[0]).toMatchObject({ service: 'catalog', url: 'http://127.0.0.1:4100/a', version: '1.0.0' });

    const added = nextChange(resolver, (c) => c.type === 'added');
    await startInstance(nats.broker.url, bucket, 'd');
    expect((await added).change).toMatchObject({ instance: { instanceId: 'd' } });

    const removed = nextChange(resolver, (c) => c.type === 'removed');
    const deregisteredAt = performance.now();
    expect(await b!.registration.deregister()).toBe('deleted');
    const { change, atMs } = await removed;
    expect(change).toMatchObject({ reason: 'deregistered', instance: { instanceId: 'b' } });
    expect(atMs - deregisteredAt).toBeLessThan(1_000);
    expect(ids(resolver)).toEqual(['a', 'c', 'd']);
  });

  it('drops an instance that stops heartbeating (its process killed) within the TTL and a margin', async () => {
    const bucket = 'discovery_silent';
    const [, , c] = await Promise.all(['a', 'b', 'c'].map((id) => startInstance(nats.broker.url, bucket, id)));
    const resolver = await startResolver(nats.broker.url, bucket);
    expect(resolver.ttlMs).toBe(DEFAULT_TTL_MS);
    const observer = await new Kvm(await connectLikeAService(nats.broker.url)).open(bucket);

    const expired = nextChange(resolver, (change) => change.type === 'removed');
    const lastBeat = await observer.get('catalog.c');
    const killedAt = performance.now();
    await c!.nc.close(); // no deregistration, no more heartbeats: what SIGKILL leaves behind
    const sinceLastBeatMs = Date.now() - lastBeat!.created.getTime();
    const serverDroppedAfterMs = await eventually('the server dropped catalog.c', DEFAULT_TTL_MS + 3_000, async () => (await observer.get('catalog.c')) === null);
    const { change, atMs } = await expired;
    const windowMs = Math.round(atMs - killedAt);

    expect(change).toMatchObject({ reason: 'expired', instance: { instanceId: 'c' } });
    // Dropped a TTL after its last heartbeat was heard, plus at most one sweep (and a generous margin).
    expect(windowMs + sinceLastBeatMs).toBeGreaterThan(DEFAULT_TTL_MS - 200);
    expect(windowMs + sinceLastBeatMs).toBeLessThan(DEFAULT_TTL_MS + SWEEP_MS + 1_500);
    expect(ids(resolver)).toEqual(['a', 'b']);
    console.info(`discovery: a killed instance left the resolver ${windowMs} ms after it stopped, ${windowMs + sinceLastBeatMs} ms after its last heartbeat ` +
      `(TTL ${DEFAULT_TTL_MS} ms, heartbeat ${DEFAULT_HEARTBEAT_MS} ms, sweep ${SWEEP_MS} ms); the server dropped its entry, without a delete marker, ${serverDroppedAfterMs} ms after it stopped`);
  });

  it('refuses, when it starts, a registration that could not work', async () => {
    const nc = await connectLikeAService(nats.broker.url);
    const registration = { bucket: 'discovery_refused', service: 'catalog', instanceId: 'a', url: 'http://127.0.0.1:4100', version: '1', logger };
    await expect(ServiceRegistration.start(nc, { ...registration, instanceId: 'a.b' })).rejects.toThrow(RegistryConfigError);
    await expect(ServiceRegistration.start(nc, { ...registration, heartbeatMs: 2_000 }))
      .rejects.toThrow('a heartbeat every 2000 ms needs a TTL of at least twice that; bucket discovery_refused has 3000 ms');
  });

  it('spreads calls evenly over the live instances and skips one whose circuit is open', async () => {
    const bucket = 'discovery_balance';
    await Promise.all(['a', 'b', 'c'].map((id) => startInstance(nats.broker.url, bucket, id)));
    const resolver = await startResolver(nats.broker.url, bucket);
    const balancer = new RoundRobinBalancer(resolver, 'catalog', {
      policyFor: () => circuitBreaker(handleAll, { halfOpenAfter: 60_000, breaker: new ConsecutiveBreaker(2) }),
    });
    const served = async (calls: number, down: string[] = []) => {
      const counts: Record<string, number> = {};
      for (let i = 0; i < calls; i += 1) {
        await balancer.execute(async ({ instanceId }) => {
          counts[instanceId] = (counts[instanceId] ?? 0) + 1;
          if (down.includes(instanceId)) throw new Error(`${instanceId} refused`);
        }).catch(() => undefined);
      }
      return counts;
    };

    expect(await served(300)).toEqual({ a: 100, b: 100, c: 100 });
    expect((await served(6, ['b'])).b).toBe(2);
    expect(await served(200, ['b'])).toEqual({ a: 100, c: 100 });
  });

  it('keeps serving the last known instances while NATS is down, and follows the registry again once it is back', async () => {
    const own = await privateNats();
    try {
      const bucket = 'discovery_outage';
      const [a] = await Promise.all(['a', 'b', 'c'].map((id) => startInstance(own.broker.url, bucket, id)));
      const resolver = await startResolver(own.broker.url, bucket);
      const removals: InstanceChange[] = [];
      resolver.onChange((change) => { if (change.type === 'removed') removals.push(change); });

      await own.broker.kill();
      const killedAt = performance.now();
      await eventually('the resolver noticed the outage', 5_000, () => !resolver.watching);
      await sleep(2 * DEFAULT_TTL_MS); // well past the TTL: nothing expires while the registry is not watched
      expect(ids(resolver)).toEqual(['a', 'b', 'c']);
      expect(removals).toEqual([]);

      const restartedAt = performance.now();
      await own.broker.restart();
      const downMs = Math.round(restartedAt - killedAt);
      await eventually('the resolver watches again', 15_000, () => resolver.watching);
      const watchingAfterMs = Math.round(performance.now() - restartedAt);
      // The bucket lived in memory: it is back because every instance registered itself again.
      const kv = await new Kvm(await connectLikeAService(own.broker.url)).open(bucket);
      const storedAgainAfterMs = await eventually('every instance stored again', 2 * DEFAULT_TTL_MS, async () => {
        const keys: string[] = [];
        for await (const key of await kv.keys()) keys.push(key);
        return keys.length === 3;
      });
      await sleep(DEFAULT_TTL_MS + SWEEP_MS); // the grace the resolver gave its cache has run out
      expect(ids(resolver)).toEqual(['a', 'b', 'c']);
      expect(removals).toEqual([]);

      // The clock runs again: an instance killed now leaves as usual.
      await a!.nc.close();
      await eventually('a killed instance expired after the outage', DEFAULT_TTL_MS + 2_000, () => ids(resolver).join() === 'b,c');
      expect(removals).toMatchObject([{ reason: 'expired', instance: { instanceId: 'a' } }]);
      console.info(`discovery: NATS down ${downMs} ms, the cache served 3 instances throughout; watching again ${watchingAfterMs} ms after the restart, every instance stored again ${storedAgainAfterMs} ms later, none dropped`);
    } finally {
      await own.stop();
    }
  });
});
