/**
 * What a crashed replica costs behind the load balancer: SIGKILL one of two under a request loop. The
 * requests it refuses, or drops half-way, are resent to the other one; health checks take it out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../process/test-helpers.js';
import { requestText, sendRequests, startBalancedReplicas, startReplica, type BalancedReplicas, type Replica } from './test-replicas.js';
import type { StartedLoadBalancer } from './types.js';

const REQUESTS = 800;
const KILL_AFTER = 200;

describe('a replica SIGKILLed under load', () => {
  let setup: BalancedReplicas;
  let balancer: StartedLoadBalancer;
  let replicas: Replica[];

  beforeAll(async () => {
    setup = await startBalancedReplicas(['r1', 'r2']);
    ({ balancer, replicas } = setup);
  });

  afterAll(() => setup?.stop());

  it('costs (almost) no failed request: at least 99% answered 200', async () => {
    const [victim] = replicas as [Replica, Replica];
    let markedDown: Promise<number> | undefined;
    // 5 ms per request and four in flight: the kill catches some requests half-way.
    const result = await sendRequests(balancer.url('shop'), {
      count: REQUESTS,
      concurrency: 4,
      path: '/?delayMs=5',
      onAnswer: (answered) => {
        if (answered !== KILL_AFTER) return;
        void victim.kill();
        markedDown = waitUntil('r1 is DOWN', async () => (await balancer.serverStats('shop'))[0]?.status === 'DOWN', 10_000);
      },
    });
    const downMs = await markedDown!;
    const resent = setup.logs.filter((line) => / shop shop\/r\d /.test(line)); // request lines: only those retried or failed

    const availability = result.ok / result.sent;
    console.log(
      `SIGKILL of 1 of 2 replicas under ${REQUESTS} requests (4 in flight): ${result.ok}/${result.sent} answered 200 ` +
        `(${(availability * 100).toFixed(2)}%), failures: ${JSON.stringify(result.failures)}; ` +
        `r1 marked DOWN by ${Math.round(downMs)} ms after the kill; HAProxy logged ${resent.length} request(s) as retried or failed`,
      Object.fromEntries(result.byServer),
    );
    expect(availability).toBeGreaterThanOrEqual(0.99);
    expect(result.byServer.get('r2')).toBeGreaterThan(REQUESTS - KILL_AFTER);
  });

  it('resends a request the dying replica was serving only when it is safe to repeat', async () => {
    const [r1, r2] = replicas as [Replica, Replica];
    const r3 = await startReplica('r3');
    replicas.push(r3);
    await balancer.addServer('shop', { name: 'r3', url: r3.url });
    for (const { name } of [r1, r2]) await balancer.setServerState('shop', name, 'maint'); // every request below lands on r3
    const url = `${balancer.url('shop')}/?delayMs=1000`;
    const inFlight = Promise.all([
      requestText(url),
      requestText(url, { method: 'POST' }),
      requestText(url, { method: 'POST', headers: { 'idempotency-key': 'checkout-1' } }),
    ]);
    await waitUntil('three requests on r3', async () => (await balancer.serverStats('shop')).find((s) => s.name === 'r3')?.currentSessions === 3, 5_000);
    await balancer.setServerState('shop', r2.name, 'ready');
    const r2Before = (await balancer.serverStats('shop')).find((s) => s.name === 'r2')!.totalSessions;
    await r3.kill();
    const [get, post, keyedPost] = await inFlight;
    expect(get).toMatchObject({ status: 200, body: 'r2' });
    expect(keyedPost).toMatchObject({ status: 200, body: 'r2' });
    // The plain POST reached r3, which may have acted on it: it fails rather than run twice. HAProxy
    // answers 502, or on a client connection that served requests before, closes it as a server would.
    expect(post.status === 502 || post.error === 'other side closed').toBe(true);
    expect((await balancer.serverStats('shop')).find((s) => s.name === 'r2')!.totalSessions).toBe(r2Before + 2);
  });
});
