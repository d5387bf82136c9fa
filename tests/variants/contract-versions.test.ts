/**
 * Contract revisions on real processes: a v2-breaking order side beside v1 consumers. In micro the old
 * payment service refuses the new requests (checkout fails) and the old inventory service parks the new
 * events, which it reads once it is upgraded; in soa the ESB translates, so nothing is refused or
 * parked. Checkouts go through the public API; what the consumers read comes from the central log.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTRACT_READ, type ContractRead } from '../../boundary/contracts.js';
import type { Topology } from '../../boundary/topology.js';
import type { RunningVariant } from '../../lab/runner/index.js';
import { microTopology } from '../../variants/micro/topology.js';
import { soaTopology } from '../../variants/soa/topology.js';
import { startTopology, type VariantFixture } from '../support/variant-fixture.js';

let fixture: VariantFixture | undefined;
afterEach(async () => {
  await fixture?.dispose();
  fixture = undefined;
});

async function start(topology: Topology): Promise<RunningVariant> {
  fixture = await startTopology(topology);
  return fixture.running;
}

const BREAKING = { ARCHLAB_VERSION: 'v2', ARCHLAB_CONTRACT: 'v2-breaking' };

/** One checkout through the public API: its HTTP status. */
async function checkout(edgeUrl: string): Promise<number> {
  const cart = await fetch(`${edgeUrl}/api/carts`, { method: 'POST' });
  const { id } = await cart.json() as { id: string };
  await fetch(`${edgeUrl}/api/carts/${id}/items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ productId: 'p0042', quantity: 1 }) });
  const placed = await fetch(`${edgeUrl}/api/checkout`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() }, body: JSON.stringify({ cartId: id, card: { number: '4111111111111111' } }),
  });
  await placed.arrayBuffer();
  return placed.status;
}

type Read = ContractRead & { component: string };
function reads(variant: RunningVariant): Read[] {
  return readFileSync(variant.centralLogPath, 'utf8').split('\n').filter((l) => l.includes(CONTRACT_READ))
    .map((l) => JSON.parse(l) as Read & { msg: string }).filter((r) => r.msg === CONTRACT_READ);
}
const count = (list: readonly Read[], where: Partial<Read>) => list.filter((r) => Object.entries(where).every(([k, v]) => r[k as keyof Read] === v)).length;

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(100);
  }
}

describe('contract revisions between processes', () => {
  it('micro: the old payment refuses a v2-breaking order; the old inventory parks its events and replays them once upgraded', async () => {
    const variant = await start(microTopology);
    expect(await checkout(variant.edgeUrl)).toBe(201);
    await variant.replaceInstance('order', 0, { env: BREAKING, drain: true, graceMs: 2_000 });

    // New producer, old consumer: the payment request lacks amountCents.
    expect(await checkout(variant.edgeUrl)).toBeGreaterThanOrEqual(500);
    await until(() => count(reads(variant), { contract: 'payment.authorize', producer: 'v2-breaking', outcome: 'rejected' }) >= 1);

    // Payment upgraded: checkouts go through; old inventory and recommendation park the new events.
    await variant.replaceInstance('payment', 0, { env: BREAKING, drain: true, graceMs: 2_000 });
    expect(await checkout(variant.edgeUrl)).toBe(201);
    await until(() => count(reads(variant), { contract: 'OrderPlaced', component: 'inventory', producer: 'v2-breaking', outcome: 'parked' }) >= 1);
    // Each consumer reads on its own schedule: wait for the other one too.
    await until(() => count(reads(variant), { contract: 'OrderPlaced', component: 'recommendation', producer: 'v2-breaking', outcome: 'parked' }) >= 1);

    // Inventory upgraded: it reads what it parked.
    await variant.replaceInstance('inventory', 0, { env: BREAKING, drain: true, graceMs: 2_000 });
    await until(() => count(reads(variant), { contract: 'OrderPlaced', component: 'inventory', outcome: 'replayed' })
      === count(reads(variant), { contract: 'OrderPlaced', component: 'inventory', outcome: 'parked' }));
    // Old events before the upgrade were read by v1; none was read by a revision that could not read it.
    await until(() => count(reads(variant), { contract: 'OrderPlaced', producer: 'v1', consumer: 'v1', outcome: 'read' }) >= 2);
  }, 180_000);

  it('soa: the ESB translates, so a v2-breaking sales-service and payment-service beside v1 services refuse and park nothing', async () => {
    const variant = await start(soaTopology);
    await variant.replaceInstance('sales-service', 0, { env: BREAKING, drain: true, graceMs: 2_000 });
    expect(await checkout(variant.edgeUrl)).toBe(201);
    await variant.replaceInstance('payment-service', 0, { env: BREAKING, drain: true, graceMs: 2_000 });
    expect(await checkout(variant.edgeUrl)).toBe(201);
    await until(() => count(reads(variant), { contract: 'OrderPlaced', component: 'inventory-service', producer: 'v2-breaking', consumer: 'v1' }) >= 2);
    await until(() => count(reads(variant), { contract: 'payment.authorize', consumer: 'v2-breaking', outcome: 'read' }) >= 1);
    const all = reads(variant);
    expect(count(all, { outcome: 'parked' }) + count(all, { outcome: 'rejected' })).toBe(0);
    // Every read under soa went through the ESB's translation.
    expect(all.every((r) => r.translated === true)).toBe(true);
    expect(count(all, { contract: 'payment.authorize', consumer: 'v2-breaking', outcome: 'read' })).toBe(1);
  }, 180_000);
});
