/**
 * A real HAProxy in front of real replicas (Node HTTP servers in their own processes): balancing, the
 * administrative states, health checks, servers added and removed under load, and a clean stop.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveCommand, processesOfInstanceDir, waitUntil } from '../process/test-helpers.js';
import { HaproxyCommandError, InvalidLoadBalancerOptionsError, LoadBalancerStoppedError, UnknownFrontendError } from './errors.js';
import { startLoadBalancer } from './start.js';
import { sendRequests, startBalancedReplicas, startReplica, type BalancedReplicas, type Replica } from './test-replicas.js';
import type { ServerStats, StartedLoadBalancer } from './types.js';

describe('a private HAProxy in front of two replicas', () => {
  let setup: BalancedReplicas;
  let balancer: StartedLoadBalancer;
  let replicas: Replica[];
  const stats = async (name: string): Promise<ServerStats | undefined> => (await balancer.serverStats('shop')).find((s) => s.name === name);
  const statusOf = async (name: string) => (await stats(name))?.status;

  beforeAll(async () => {
    setup = await startBalancedReplicas(['r1', 'r2']);
    ({ balancer, replicas } = setup);
  });

  afterAll(() => setup?.stop());

  it('listens on 127.0.0.1 and spreads requests round robin over both replicas', async () => {
    expect(balancer.url('shop')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await liveCommand(balancer.pid()!)).toBe('haproxy');
    const result = await sendRequests(balancer.url('shop'), { count: 40 });
    expect(result.failures).toEqual([]);
    expect(Object.fromEntries(result.byServer)).toEqual({ r1: 20, r2: 20 });
    expect((await balancer.serverStats('shop')).map(({ name, status }) => ({ name, status }))).toEqual([
      { name: 'r1', status: 'UP' },
      { name: 'r2', status: 'UP' },
    ]);
  });

  it('drain: no new request goes to the server, and its requests in flight finish', async () => {
    const slow = sendRequests(balancer.url('shop'), { count: 4, concurrency: 4, path: '/?delayMs=1500' });
    await waitUntil('r1 has requests in flight', async () => ((await stats('r1'))?.currentSessions ?? 0) > 0, 5_000);
    await balancer.setServerState('shop', 'r1', 'drain');
    expect(await statusOf('r1')).toBe('DRAIN');

    const meanwhile = await sendRequests(balancer.url('shop'), { count: 20 });
    expect(meanwhile.failures).toEqual([]);
    expect(Object.fromEntries(meanwhile.byServer)).toEqual({ r2: 20 });
    expect((await stats('r1'))?.currentSessions).toBeGreaterThan(0);
    await waitUntil('r1 has finished its requests', async () => (await stats('r1'))?.currentSessions === 0, 10_000);
    expect((await slow).failures).toEqual([]);

    await balancer.setServerState('shop', 'r1', 'ready');
    expect(await statusOf('r1')).toBe('UP');
  });

  it('maint: the server gets no request at all until it is ready again', async () => {
    await balancer.setServerState('shop', 'r2', 'maint');
    expect(await statusOf('r2')).toBe('MAINT');
    const during = await sendRequests(balancer.url('shop'), { count: 20, concurrency: 2 });
    expect(Object.fromEntries(during.byServer)).toEqual({ r1: 20 });

    await balancer.setServerState('shop', 'r2', 'ready');
    await waitUntil('r2 is UP', async () => (await statusOf('r2')) === 'UP', 5_000);
    const after = await sendRequests(balancer.url('shop'), { count: 20 });
    expect(Object.fromEntries(after.byServer)).toEqual({ r1: 10, r2: 10 });
  });

  it('health checks take a replica whose /readyz fails out within seconds, and back once it passes', async () => {
    const r2 = replicas.find((r) => r.name === 'r2')!;
    r2.toggleReadiness();
    const downMs = await waitUntil('r2 is DOWN', async () => (await statusOf('r2')) === 'DOWN', 5_000);
    const during = await sendRequests(balancer.url('shop'), { count: 10 });
    expect(Object.fromEntries(during.byServer)).toEqual({ r1: 10 });

    r2.toggleReadiness();
    const upMs = await waitUntil('r2 is UP', async () => (await statusOf('r2')) === 'UP', 5_000);
    console.log(`/readyz 503 → DOWN after ${Math.round(downMs)} ms; 200 again → UP after ${Math.round(upMs)} ms`);
    expect(setup.logs.join('\n')).toMatch(/Server shop\/r2 is DOWN/);
  });

  it('adds a server and removes one while requests flow, failing none of them', async () => {
    const r3 = await startReplica('r3');
    replicas.push(r3);
    let answered = 0;
    const load = sendRequests(balancer.url('shop'), { count: 600, concurrency: 4, path: '/?delayMs=5', onAnswer: (n) => void (answered = n) });
    await waitUntil('100 answers', async () => answered >= 100, 10_000);
    await balancer.addServer('shop', { name: 'r3', url: r3.url });
    await waitUntil('r3 takes requests', async () => ((await stats('r3'))?.totalSessions ?? 0) > 0, 5_000);
    await balancer.removeServer('shop', 'r1');
    const removedAt = answered;
    const result = await load;

    console.log(`add r3 after 100 answers, r1 removed after ${removedAt}: ${result.ok}/${result.sent} answered 200`, Object.fromEntries(result.byServer));
    expect(removedAt).toBeLessThan(600); // the removal happened under load
    expect(result.failures).toEqual([]);
    expect((await balancer.serverStats('shop')).map((s) => s.name)).toEqual(['r2', 'r3']);
    const after = await sendRequests(balancer.url('shop'), { count: 20 });
    expect(Object.fromEntries(after.byServer)).toEqual({ r2: 10, r3: 10 });
  });

  it('names what it refuses: an unknown frontend, a name that is no name, a server HAProxy does not have', async () => {
    expect(() => balancer.url('admin')).toThrow(new UnknownFrontendError('admin', ['shop']));
    await expect(balancer.setServerState('shop', 'r2; shutdown sessions server shop/r2', 'maint')).rejects.toThrow(InvalidLoadBalancerOptionsError);
    await expect(balancer.setServerState('shop', 'r9', 'drain')).rejects.toThrow(new HaproxyCommandError('set server shop/r9 state drain', 'No such server.'));
    await expect(balancer.addServer('shop', { name: 'r2', url: replicas[1]!.url })).rejects.toThrow(/Already exists a server with the same name/);
    await expect(balancer.removeServer('shop', 'r9')).rejects.toThrow(HaproxyCommandError);
  });

  it('stop() leaves no haproxy process, and may be called twice', async () => {
    const pid = balancer.pid()!;
    await balancer.stop();
    await balancer.stop();
    expect(balancer.pid()).toBeUndefined();
    expect(await liveCommand(pid)).toBeUndefined();
    expect(await processesOfInstanceDir(setup.dir)).toEqual([]);
    await expect(balancer.serverStats('shop')).rejects.toThrow(LoadBalancerStoppedError);
  });
});

describe('a load balancer with two frontends', () => {
  it('gives each its own free port and its own servers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'archlab-haproxy-two-'));
    const [a, b] = await Promise.all(['a1', 'b1'].map(startReplica)) as [Replica, Replica];
    const balancer = await startLoadBalancer({
      dir,
      frontends: [
        { name: 'a', port: 0, healthPath: '/readyz', servers: [{ name: a.name, url: a.url }] },
        { name: 'b', port: 0, healthPath: '/readyz', servers: [{ name: b.name, url: b.url }] },
      ],
    });
    try {
      expect(balancer.url('a')).not.toBe(balancer.url('b'));
      expect(Object.fromEntries((await sendRequests(balancer.url('a'), { count: 3 })).byServer)).toEqual({ a1: 3 });
      expect(Object.fromEntries((await sendRequests(balancer.url('b'), { count: 3 })).byServer)).toEqual({ b1: 3 });
      expect((await balancer.serverStats('b')).map((s) => s.name)).toEqual(['b1']);
    } finally {
      await balancer.stop();
      await Promise.all([a.kill(), b.kill()]);
      await rm(dir, { recursive: true, force: true });
    }
  });
});
