/**
 * Changing a running variant's replicas: one added (scale-out), one removed (scale-in), one replaced by a
 * new build on its own index and port (the stop-first step of a rolling deploy). Behind the edge's
 * HAProxy a removal drains first; in micro the registry follows. Real processes; request loops count
 * what users saw.
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

let fixture: VariantFixture | undefined;
afterEach(async () => {
  await fixture?.dispose();
  fixture = undefined;
});

async function start(topology: Topology, envFor?: (component: string) => Record<string, string> | undefined): Promise<RunningVariant> {
  fixture = await startTopology(topology, { envFor });
  return fixture.running;
}


describe('scaling a running variant', () => {
  it('monolith behind HAProxy: add a shop, drain and remove one, replace one with v2 — nobody sees an error', async () => {
    const variant = await start(withReplicas(monolithTopology, { shop: 2 }));
    const lb = variant.loadBalancer!.handle;
    const loop = requestLoop(`${variant.edgeUrl}/api/products/p0042`, 4);
    await sleep(500);
    const added = await variant.addInstance('shop');
    expect(added).toBe(2);
    expect((await lb.serverStats('shop')).map((s) => s.name).sort()).toEqual(['shop-0', 'shop-1', 'shop-2']);
    await sleep(500);
    await variant.removeInstance('shop', 0);
    expect(variant.replicaIndexes('shop')).toEqual([1, 2]);
    await variant.replaceInstance('shop', 1, { env: { ARCHLAB_VERSION: 'v2' } });
    expect(variant.replicaIndexes('shop')).toEqual([1, 2]);
    await sleep(500);
    const tally = await loop.stop();
    console.log(`monolith scale-out, drain + scale-in, replace with v2 under load: ${tally.ok} ok, ${tally.failed} failed ${tally.failures.slice(0, 3).join(', ')}`);
    expect(tally.failed).toBe(0);
    expect(tally.ok).toBeGreaterThan(100);
    // The new shop served, and the replaced one came back as v2.
    expect((await lb.serverStats('shop')).find((s) => s.name === 'shop-2')!.totalSessions).toBeGreaterThan(0);
    const versions = readFileSync(variant.centralLogPath, 'utf8').split('\n').filter((l) => l.includes('shop listening'))
      .map((l) => JSON.parse(l) as { instance: number; msg: { version?: string } | string });
    expect(versions.some((v) => v.instance === 1 && JSON.stringify(v).includes('"v2"'))).toBe(true);
  }, 120_000);

  it('micro: a catalog added joins the registry and takes calls; one removed leaves it first', async () => {
    const variant = await start(microTopology);
    const nc = await connect({ servers: variant.broker('nats').url });
    const resolver = await ServiceResolver.start(nc, { logger: pino({ level: 'silent' }) });
    try {
      const loop = requestLoop(`${variant.edgeUrl}/api/products/p0042`, 4);
      const index = await variant.addInstance('catalog', { env: { ARCHLAB_VERSION: 'v2' } });
      await sleep(300);
      expect(resolver.instances('catalog').map((i) => i.version).sort()).toEqual(['v1', 'v2']);
      await variant.removeInstance('catalog', 0);
      await sleep(300);
      expect(resolver.instances('catalog').map((i) => i.instanceId)).toEqual([`i${index}`]);
      const tally = await loop.stop();
      console.log(`micro catalog scale-out (v2) then scale-in of the v1 under load: ${tally.ok} ok, ${tally.failed} failed`);
      expect(tally.failed).toBe(0);
    } finally {
      await resolver.stop();
      await nc.close();
    }
  }, 120_000);
});
