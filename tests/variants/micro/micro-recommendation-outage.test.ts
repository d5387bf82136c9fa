/**
 * SIGKILL the recommendation service while shoppers keep coming: product pages answer 200 without
 * recommendations (`degraded: true`) until the supervisor has it back, and browse, cart and checkout
 * never notice. Asserts windows, not exact timings (the host may be busy).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../shop-client.js';
import { eventually } from './micro-run.js';
import { useMicroVariant } from './micro-suite.js';

/** One journey run: when it started, when its last answer came, what was answered. */
interface Probe { readonly tMs: number; readonly endMs: number; readonly journey: string; readonly answers: readonly Answer[] }

describe('micro variant: recommendation killed', () => {
  const micro = useMicroVariant();

  it('degrades product pages only, and recovers when the supervisor restarts it', async () => {
    const { run, shop } = micro;
    // Warm: the first calls of a fresh process (connections, JIT) are not what this test is about.
    await eventually('a first full product page', 10_000, async () =>
      (await shop.call<{ degraded: boolean }>('GET', '/api/products/p0042/recommendations')).body?.degraded === false);
    const probes: Probe[] = [];
    let probing = true;
    let n = 0;
    const journeys: Record<string, () => Promise<Answer[]>> = {
      product: async () => Promise.all([shop.call('GET', '/api/products/p0042'), shop.call('GET', '/api/products/p0042/recommendations')]),
      browse: async () => [await shop.call('GET', '/api/products?q=lamp&pageSize=5')],
      cart: async () => {
        const created = await shop.call<{ id: string }>('POST', '/api/carts');
        return created.status === 201 ? [created, await shop.call('POST', `/api/carts/${created.body.id}/items`, { productId: 'p0007', quantity: 1 })] : [created];
      },
      checkout: async () => {
        const { cartId, failed } = await shop.fillCart([{ productId: 'p0008', quantity: 1 }, { productId: 'p0042', quantity: 1 }]);
        return failed ? [failed] : [await shop.checkout(cartId!, `micro-b-${n++}`)];
      },
    };
    const loops = Object.entries(journeys).map(async ([journey, once]) => {
      while (probing) {
        const tMs = Date.now();
        const answers = await once();
        probes.push({ tMs, endMs: Date.now(), journey, answers });
        await sleep(journey === 'product' ? 25 : 100);
      }
    });

    await sleep(1_500);
    const killedAt = Date.now();
    run.running.kill('recommendation');
    const recommendationsOf = (p: Probe) => p.answers[1]?.body as { degraded?: boolean } | undefined;
    const pages = () => probes.filter((p) => p.journey === 'product' && p.endMs >= killedAt);
    const firstDegraded = () => pages().find((p) => recommendationsOf(p)?.degraded === true);
    const firstBack = () => pages().find((p) => p.tMs > firstDegraded()!.endMs && recommendationsOf(p)?.degraded === false);
    await eventually('a degraded product page', 10_000, () => firstDegraded() !== undefined);
    await eventually('recommendations back after the restart', 60_000, () => firstBack() !== undefined);
    await sleep(1_000);
    probing = false;
    await Promise.all(loops);

    const failures = probes.filter((p) => p.answers.some((a) => a.status < 200 || a.status >= 300));
    expect(failures.map((p) => ({ journey: p.journey, answers: p.answers.map((a) => `${a.status} ${a.cause ?? JSON.stringify(a.body)}`) }))).toEqual([]);
    for (const journey of Object.keys(journeys)) expect(probes.filter((p) => p.tMs > killedAt && p.journey === journey).length, journey).toBeGreaterThan(3);
    const restarted = run.running.events().filter((e) => e.component === 'recommendation' && e.tMs >= killedAt);
    expect(restarted.map((e) => e.type)).toEqual(expect.arrayContaining(['exited', 'restarting', 'starting', 'ready']));
    const readyAt = restarted.find((e) => e.type === 'ready')!.tMs;
    const degradedPages = probes.filter((p) => p.journey === 'product' && recommendationsOf(p)?.degraded === true);
    // Degraded only around the outage: nothing before the kill, nothing long after it was ready again.
    expect(degradedPages.filter((p) => p.endMs < killedAt || p.tMs > readyAt + 3_000).map((p) => ({ atMs: p.tMs - killedAt, readyMs: readyAt - killedAt, ms: p.answers.map((a) => Math.round(a.ms)) }))).toEqual([]);
    const productMs = probes.filter((p) => p.journey === 'product' && p.tMs < killedAt).flatMap((p) => p.answers.map((a) => a.ms)).sort((a, b) => a - b);
    console.info(`micro recommendation kill: degraded after ${firstDegraded()!.endMs - killedAt} ms, back after ${firstBack()!.endMs - killedAt} ms `
      + `(ready again ${readyAt - killedAt} ms after the kill); product request median ${productMs[Math.floor(productMs.length / 2)]?.toFixed(1)} ms`);
  });
});
