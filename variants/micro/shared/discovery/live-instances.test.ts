/** The resolver's cache on a synthetic clock: adds, heartbeats, deletes, expiry by age and the restart of the clocks. */
import { describe, expect, it } from 'vitest';
import { LiveInstances } from './live-instances.js';
import type { ServiceInstance } from './service-instance.js';

const TTL_MS = 3_000;
const instance = (instanceId: string, port = 4000): ServiceInstance =>
  ({ service: 'catalog', instanceId, url: `http://127.0.0.1:${port}`, version: '1', startedAt: '2026-01-01T00:00:00.000Z' });

describe('LiveInstances', () => {
  it('adds an instance once: its heartbeats change nothing, a new address is an update', () => {
    const live = new LiveInstances();
    expect(live.put('catalog.a', instance('a'), 0)).toEqual({ type: 'added', instance: instance('a') });
    expect(live.put('catalog.a', instance('a'), 1_000)).toBeUndefined();
    expect(live.put('catalog.a', instance('a', 4001), 2_000)).toEqual({ type: 'updated', instance: instance('a', 4001), previous: instance('a') });
    expect(live.instances('catalog')).toEqual([instance('a', 4001)]);
  });

  it('lists a service by instance id, the same array until that service changes', () => {
    const live = new LiveInstances();
    live.put('catalog.b', instance('b'), 0);
    live.put('catalog.a', instance('a'), 0);
    live.put('cart.x', { ...instance('x'), service: 'cart' }, 0);
    const first = live.instances('catalog');
    expect(first.map((i) => i.instanceId)).toEqual(['a', 'b']);
    live.put('catalog.a', instance('a'), 500);
    live.put('cart.y', { ...instance('y'), service: 'cart' }, 500);
    expect(live.instances('catalog')).toBe(first);
    live.delete('catalog.b');
    expect(live.instances('catalog')).not.toBe(first);
    expect(live.instances('payment')).toEqual([]);
  });

  it('removes a deleted instance as deregistered, and one unheard of for longer than the TTL as expired', () => {
    const live = new LiveInstances();
    live.put('catalog.a', instance('a'), 0);
    live.put('catalog.b', instance('b'), 0);
    expect(live.delete('catalog.a')).toEqual({ type: 'removed', instance: instance('a'), reason: 'deregistered' });
    expect(live.delete('catalog.a')).toBeUndefined();
    live.put('catalog.b', instance('b'), 1_000);
    expect(live.expire(1_000 + TTL_MS, TTL_MS)).toEqual([]);
    expect(live.expire(1_001 + TTL_MS, TTL_MS)).toEqual([{ type: 'removed', instance: instance('b'), reason: 'expired' }]);
    expect(live.instances('catalog')).toEqual([]);
  });

  it('gives every known instance a full TTL again when watching resumes', () => {
    const live = new LiveInstances();
    live.put('catalog.a', instance('a'), 0);
    // Not watched from 500 to 60 000: the caller does not expire meanwhile, then restarts the clocks.
    live.restartClocks(60_000);
    expect(live.expire(60_000 + TTL_MS, TTL_MS)).toEqual([]);
    expect(live.expire(60_001 + TTL_MS, TTL_MS)).toHaveLength(1);
  });
});
