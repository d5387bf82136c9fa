/**
 * Replicas, load balancing and discovery on the real processes, one packaging at a time:
 * - monolith: two shops behind HAProxy; one SIGKILLed under a request loop;
 * - micro: three catalog instances in the registry; one SIGKILLed without deregistering (how long it
 *   stays listed, what callers saw meanwhile), one stopped gracefully (nothing seen);
 * - soa: two product-service replicas, competing consumers on its queue: both take requests.
 * Figures are printed; assertions are generous windows and shares.
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect } from '@nats-io/transport-node';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { requestLoop } from '../support/request-loop.js';
import type { Topology } from '../../boundary/topology.js';
import type { RunningVariant } from '../../lab/runner/index.js';
import { startTopology, type VariantFixture } from '../support/variant-fixture.js';
import { withReplicas } from '../../lab/topology/replicas.js';
import { ServiceResolver } from '../../variants/micro/shared/discovery/index.js';
import { microTopology } from '../../variants/micro/topology.js';
import { monolithTopology } from '../../variants/monolith/topology.js';
import { soaTopology } from '../../variants/soa/topology.js';

let fixture: VariantFixture | undefined;
afterEach(async () => {
  await fixture?.dispose();
  fixture = undefined;
});

async function start(topology: Topology, envFor?: (component: string) => Record<string, string> | undefined): Promise<RunningVariant> {
  fixture = await startTopology(topology, { envFor });
  return fixture.running;
}


const withoutRestart = (topology: Topology, component: string): Topology => ({
  ...topology,
  components: topology.components.map((c) => (c.name === component && c.kind === 'app' ? { ...c, restart: 'no' as const } : c)),
});

describe('replicas', () => {
  it('monolith: two shops behind one HAProxy; SIGKILL one under a request loop and HAProxy answers nearly everything', async () => {
    const variant = await start(withReplicas(monolithTopology, { shop: 2 }));
    expect(variant.loadBalancer).toBeDefined();
    expect(variant.edgeUrl).toBe(variant.loadBalancer!.url);
    const stats = await variant.loadBalancer!.handle.serverStats('shop');
    expect(stats.map((s) => s.status)).toEqual(['UP', 'UP']);
    const loop = requestLoop(`${variant.edgeUrl}/api/products/p0042`);
    await sleep(1_000);
    variant.kill('shop', 0);
    await sleep(3_000);
    const tally = await loop.stop();
    const share = tally.ok / (tally.ok + tally.failed);
    console.log(`monolith shop×2, one SIGKILLed: ${tally.ok}/${tally.ok + tally.failed} answered 200 (${(share * 100).toFixed(2)}%)${tally.failed ? `; failures: ${tally.failures.slice(0, 5).join(', ')}` : ''}`);
    expect(tally.ok + tally.failed).toBeGreaterThan(100);
    expect(share).toBeGreaterThanOrEqual(0.99);
    // Both shops served: HAProxy spread the requests over the two replicas before the kill.
    const served = (await variant.loadBalancer!.handle.serverStats('shop')).map((s) => s.totalSessions);
    expect(served.every((n) => n > 10)).toBe(true);
  }, 120_000);

  it('micro: the registry lists three catalogs; a SIGKILLed one leaves it within the TTL, callers barely notice; a graceful stop costs nothing', async () => {
    const variant = await start(withoutRestart(withReplicas(microTopology, { catalog: 3 }), 'catalog'));
    const nc = await connect({ servers: variant.broker('nats').url });
    const resolver = await ServiceResolver.start(nc, { logger: pino({ level: 'silent' }) });
    try {
      await waitFor('three catalog instances registered', 10_000, () => resolver.instances('catalog').length === 3);
      expect(resolver.instances('catalog').map((i) => i.url).sort()).toEqual([...variant.components.find((c) => c.name === 'catalog')!.urls].sort());

      const loop = requestLoop(`${variant.edgeUrl}/api/products/p0042`);
      await sleep(1_000);
      const killedAt = Date.now();
      variant.kill('catalog', 1);
      const staleMs = await waitFor('the killed catalog to leave the registry', 15_000, () => resolver.instances('catalog').length === 2);
      await sleep(500);
      const killed = await loop.stop();
      console.log(`micro catalog×3, one SIGKILLed: listed ${staleMs} ms after the kill (${Date.now() - killedAt} ms incl. settling); callers: ${killed.ok} ok, ${killed.failed} failed${killed.failed ? ` (${killed.failures.slice(0, 3).join(', ')})` : ''}`);
      expect(staleMs).toBeLessThan(8_000);
      expect(killed.ok / (killed.ok + killed.failed)).toBeGreaterThanOrEqual(0.95);

      const graceful = requestLoop(`${variant.edgeUrl}/api/products/p0042`);
      await sleep(500);
      await variant.stopInstance('catalog', 2);
      await waitFor('the stopped catalog to leave the registry', 5_000, () => resolver.instances('catalog').length === 1);
      await sleep(1_000);
      const gracefulTally = await graceful.stop();
      console.log(`micro catalog, one stopped gracefully: ${gracefulTally.ok} ok, ${gracefulTally.failed} failed`);
      expect(gracefulTally.failed).toBe(0);
      expect(gracefulTally.ok).toBeGreaterThan(20);
    } finally {
      await resolver.stop();
      await nc.close();
    }
  }, 120_000);

  it('micro: a paused NATS (the registry hangs, its sockets stay open) does not empty the callers\' cache', async () => {
    const variant = await start(microTopology);
    const loop = requestLoop(`${variant.edgeUrl}/api/products/p0042`);
    await sleep(500);
    variant.pause('nats');
    await sleep(8_000);
    variant.resume('nats');
    await sleep(500);
    const tally = await loop.stop();
    console.log(`micro with NATS paused for 8 s: ${tally.ok} product reads ok, ${tally.failed} failed`);
    expect(tally.failed).toBe(0);
    expect(tally.ok).toBeGreaterThan(100);
  }, 120_000);

  it('soa: two product-service replicas are competing consumers on its queue, and both take requests', async () => {
    const variant = await start(withReplicas(soaTopology, { 'product-service': 2 }), (component) => (component === 'product-service' ? { ARCHLAB_LOG_LEVEL: 'debug' } : undefined));
    const loop = requestLoop(`${variant.edgeUrl}/api/products/p0042`);
    await sleep(3_000);
    const tally = await loop.stop();
    expect(tally.failed).toBe(0);
    const handled = [0, 0];
    for (const line of readFileSync(variant.centralLogPath, 'utf8').split('\n')) {
      if (!line.includes('message handled')) continue;
      const entry = JSON.parse(line) as { component: string; instance: number; msg: unknown };
      if (entry.component === 'product-service') handled[entry.instance] = (handled[entry.instance] ?? 0) + 1;
    }
    console.log(`soa product-service×2 over ${tally.ok} product pages: replica 0 handled ${handled[0]}, replica 1 handled ${handled[1]} messages`);
    expect(handled[0]).toBeGreaterThan(tally.ok / 10);
    expect(handled[1]).toBeGreaterThan(tally.ok / 10);
  }, 120_000);
});

async function waitFor(what: string, timeoutMs: number, check: () => boolean): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
  return Date.now() - started;
}
