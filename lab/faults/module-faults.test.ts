/** Module faults against the real monolith (run `npm run build` first): the same bug, over IPC. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryRunDir, waitFor } from '../runner/fixtures/process-probes.js';
import { startVariant, type RunningVariant } from '../runner/index.js';
import { monolithTopology } from '../../variants/monolith/topology.js';
import { EdgeProxies, injectFault, parseFaultSpec, type FaultContext, type FaultEvent } from './index.js';

let running: RunningVariant;
const events: FaultEvent[] = [];
let context: FaultContext;
beforeAll(async () => {
  running = await startVariant(monolithTopology, { runDir: temporaryRunDir() });
  context = { running, topology: monolithTopology, proxies: EdgeProxies.none(), log: (event) => events.push(event) };
});
afterAll(() => running?.stop());

const spec = (fault: object) => parseFaultSpec({ atMs: 0, durationMs: 5_000, ...fault });
const search = () => timed(`${running.edgeUrl}/api/products?q=cotton`);
const product = () => timed(`${running.edgeUrl}/api/products/p0001`);

/** Status (0 when the connection failed) and how long the answer took. */
async function timed(url: string): Promise<{ status: number; ms: number }> {
  const startedAt = performance.now();
  const status = await fetch(url, { signal: AbortSignal.timeout(5_000) }).then((r) => r.status, () => 0);
  return { status, ms: performance.now() - startedAt };
}

describe('module faults on the monolith', () => {
  it('module-error on search: search answers 500, product pages still 200; healed (twice): 200', async () => {
    const fault = await injectFault(spec({ kind: 'module-error', target: 'search' }), context);
    expect((await search()).status).toBe(500);
    expect((await product()).status).toBe(200);
    await Promise.all([fault.heal(), fault.heal()]);
    expect((await search()).status).toBe(200);
    expect(events.filter((e) => e.kind === 'module-error').map((e) => e.action)).toEqual(['injected', 'healed']);
  });

  it('module-slow adds at least delayMs to each call of the module, and only to it', async () => {
    const baseline = await search();
    const fault = await injectFault(spec({ kind: 'module-slow', target: 'search', params: { delayMs: 300 } }), context);
    const slowed = await search();
    expect(slowed.status).toBe(200);
    expect(slowed.ms).toBeGreaterThanOrEqual(300);
    expect((await product()).ms).toBeLessThan(300);
    await fault.heal();
    expect((await search()).ms).toBeLessThan(baseline.ms + 250);
  });

  it('module-hog burns delayMs of CPU on the event loop: the whole process stalls meanwhile', async () => {
    const fault = await injectFault(spec({ kind: 'module-hog', target: 'search', params: { delayMs: 400 } }), context);
    const hogging = search();
    await new Promise((r) => setTimeout(r, 50));
    const bystander = await product(); // waits for the loop the search is burning
    expect((await hogging).status).toBe(200);
    expect(bystander.ms).toBeGreaterThanOrEqual(200);
    await fault.heal();
  });

  it('module-crash: the process exits on the next search, is restarted, crashes again until healed', async () => {
    const exits = () => running.events().filter((e) => e.component === 'shop' && e.type === 'exited').length;
    const reinjected = () => events.filter((e) => e.kind === 'module-crash' && e.action === 'reinjected').length;
    const fault = await injectFault(spec({ kind: 'module-crash', target: 'search' }), context);
    expect((await product()).status).toBe(200); // other modules are fine until search is called
    expect((await search()).status).not.toBe(200);
    await waitFor(() => exits() === 1, 5_000);
    const restartMs = await waitFor(() => reinjected() === 1, 15_000);
    console.log(`module-crash: restarted and fault re-sent ${restartMs} ms after the crash`);
    expect((await product()).status).toBe(200);
    expect((await search()).status).not.toBe(200);
    await waitFor(() => exits() === 2, 5_000);
    await waitFor(() => reinjected() === 2, 15_000);
    await fault.heal();
    await fault.heal();
    expect((await search()).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(exits()).toBe(2);
    expect(running.instance('shop').state).toBe('ready');
  });
});
