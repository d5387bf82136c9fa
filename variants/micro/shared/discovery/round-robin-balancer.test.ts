/** The balancer over a fixed list: even turns, breakers that skip and come back, and what it throws. */
import { BrokenCircuitError, ConsecutiveBreaker, circuitBreaker, handleAll, noop, type CircuitBreakerPolicy } from 'cockatiel';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { NoLiveInstanceError } from './errors.js';
import { RoundRobinBalancer, type InstanceSource } from './round-robin-balancer.js';
import type { ServiceInstance } from './service-instance.js';

const instance = (instanceId: string): ServiceInstance =>
  ({ service: 'catalog', instanceId, url: `http://127.0.0.1/${instanceId}`, version: '1', startedAt: '2026-01-01T00:00:00.000Z' });

function fixedSource(...ids: string[]): InstanceSource & { set(...ids: string[]): void } {
  let list: readonly ServiceInstance[] = ids.map(instance);
  return { instances: () => list, set: (...next) => { list = next.map(instance); } };
}

const breakerAfterTwo = (halfOpenAfter: number) => (): CircuitBreakerPolicy =>
  circuitBreaker(handleAll, { halfOpenAfter, breaker: new ConsecutiveBreaker(2) });

/** Runs `times` calls; `fails` lists the instances whose calls throw. Returns the calls each instance got. */
async function spread(balancer: RoundRobinBalancer, times: number, fails: readonly string[] = []): Promise<Record<string, number>> {
  const got: Record<string, number> = {};
  for (let i = 0; i < times; i += 1) {
    await balancer.execute(async ({ instanceId }) => {
      got[instanceId] = (got[instanceId] ?? 0) + 1;
      if (fails.includes(instanceId)) throw new Error(`${instanceId} is down`);
    }).catch(() => undefined);
  }
  return got;
}

describe('RoundRobinBalancer', () => {
  it('takes the instances in turn', async () => {
    const balancer = new RoundRobinBalancer(fixedSource('a', 'b', 'c'), 'catalog', { policyFor: () => noop });
    expect(await spread(balancer, 300)).toEqual({ a: 100, b: 100, c: 100 });
  });

  it('skips an instance whose circuit is open, without calling it, and offers it a trial call once half-open', async () => {
    const balancer = new RoundRobinBalancer(fixedSource('a', 'b', 'c'), 'catalog', { policyFor: breakerAfterTwo(200) });
    await spread(balancer, 6, ['b']);
    expect(await spread(balancer, 100)).toEqual({ a: 50, c: 50 });
    await sleep(250);
    expect((await spread(balancer, 30)).b).toBeGreaterThanOrEqual(10);
  });

  it('fails with NoLiveInstanceError when none is registered or every circuit is open', async () => {
    const source = fixedSource();
    const balancer = new RoundRobinBalancer(source, 'catalog', { policyFor: breakerAfterTwo(60_000) });
    await expect(balancer.execute(async () => 'x')).rejects.toThrow(new NoLiveInstanceError('catalog', 'no instance is registered'));
    source.set('a', 'b');
    await spread(balancer, 4, ['a', 'b']);
    const failure = await balancer.execute(async () => 'x').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NoLiveInstanceError);
    expect((failure as Error).message).toBe('catalog is unavailable: the circuit of every instance (2) is open');
  });

  it("throws the call's own errors as they are, a BrokenCircuitError from inside the call included", async () => {
    const balancer = new RoundRobinBalancer(fixedSource('a', 'b'), 'catalog', { policyFor: () => noop });
    const inner = new BrokenCircuitError();
    await expect(balancer.execute(async () => { throw inner; })).rejects.toBe(inner);
  });

  it('drops the policy of an instance that left: back again, it starts with a closed circuit', async () => {
    const source = fixedSource('a', 'b');
    const balancer = new RoundRobinBalancer(source, 'catalog', { policyFor: breakerAfterTwo(60_000) });
    await spread(balancer, 4, ['b']);
    expect(await spread(balancer, 4)).toEqual({ a: 4 });
    source.set('a');
    await spread(balancer, 1);
    source.set('a', 'b');
    expect(await spread(balancer, 4)).toEqual({ a: 2, b: 2 });
  });
});
