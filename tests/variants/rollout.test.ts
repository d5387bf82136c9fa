/**
 * A rolling deploy as the scenario runs it (injectFault), on real processes behind HAProxy: with
 * maxSurge 2 both new shops start before either old one goes, in one round; nobody sees an error.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { FaultEvent } from '../../lab/faults/index.js';
import { injectFault, parseFaultSpec } from '../../lab/faults/registry.js';
import type { EdgeProxies } from '../../lab/faults/edge-proxies.js';
import { withReplicas } from '../../lab/topology/replicas.js';
import { monolithTopology } from '../../variants/monolith/topology.js';
import { requestLoop } from '../support/request-loop.js';
import { startTopology, type VariantFixture } from '../support/variant-fixture.js';

let fixture: VariantFixture | undefined;
afterEach(async () => {
  await fixture?.dispose();
  fixture = undefined;
});

describe('a rolling deploy with Kubernetes counts', () => {
  it('maxSurge 2 on two shops: both new ones ready, then both old ones drained, in one round, without an error', async () => {
    const topology = withReplicas(monolithTopology, { shop: 2 });
    fixture = await startTopology(topology);
    const { running } = fixture;
    const events: FaultEvent[] = [];
    const loop = requestLoop(`${running.edgeUrl}/api/products/p0042`, 4);
    await sleep(300);
    const spec = parseFaultSpec({ kind: 'deploy', target: 'shop', atMs: 0, durationMs: 1, params: { version: 'v2', maxSurge: 2, graceMs: 1_000 } });
    const fault = await injectFault(spec, { running, topology, proxies: undefined as unknown as EdgeProxies, log: (e) => events.push(e) });
    await fault.heal();
    const tally = await loop.stop();
    expect(running.replicaIndexes('shop')).toEqual([2, 3]);
    const rounds = events.filter((e) => e.action === 'repeated');
    expect(rounds.map((e) => e.detail)).toEqual(['shop[2], shop[3] on v2 ready, shop[0], shop[1] drained and stopped']);
    expect(events.find((e) => e.action === 'injected')?.detail).toContain('surge 2, unavailable 0');
    expect(tally.failed).toBe(0);
    expect(tally.ok).toBeGreaterThan(20);
  }, 120_000);
});
