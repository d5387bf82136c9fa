import { afterEach, describe, expect, it } from 'vitest';
import { fixtureApp, fixtureTopology } from './fixtures/fixture-topology.js';
import { isAlive, temporaryRunDir, waitFor } from './fixtures/process-probes.js';
import { startVariant } from './start-variant.js';
import type { Topology } from '../../boundary/topology.js';
import type { LifecycleEvent, RunningVariant } from './types.js';

let running: RunningVariant | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

const single = (restart: 'always' | 'no' = 'always'): Topology => ({
  variant: 'monolith', description: 'one fixture', edge: 'app', components: [{ ...fixtureApp('app'), restart }],
});

async function answers(url: string, timeoutMs = 300): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(timeoutMs) })).status === 200;
  } catch {
    return false;
  }
}

const typesOf = (events: LifecycleEvent[], component: string, instance = 0) =>
  events.filter((e) => e.component === component && e.instance === instance).map((e) => e.type);

describe('the supervisor', () => {
  it('restarts a killed replica on the same port: exited, restarting, starting, ready', async () => {
    running = await startVariant(fixtureTopology, { runDir: temporaryRunDir() });
    const before = running.instance('backend', 1);
    const killedAtMs = Date.now();
    running.kill('backend', 1);
    await waitFor(() => running!.instance('backend', 1).restarts === 1 && running!.instance('backend', 1).state === 'ready', 2_000);
    const restartToReadyMs = Date.now() - killedAtMs;
    expect(await answers(`${before.url}/readyz`)).toBe(true);
    console.log(`kill → ready again: ${restartToReadyMs} ms`);

    const after = running.instance('backend', 1);
    expect(after.port).toBe(before.port);
    expect(after.pid).not.toBe(before.pid);
    expect(after.restarts).toBe(1);
    expect(isAlive(before.pid!)).toBe(false);
    expect(typesOf(running.events(), 'backend', 1)).toEqual(['starting', 'ready', 'fault', 'exited', 'restarting', 'starting', 'ready']);
    const exited = running.events().find((e) => e.type === 'exited')!;
    expect(exited).toMatchObject({ component: 'backend', instance: 1, detail: 'signal SIGKILL', pid: before.pid });
    expect(running.instance('backend', 0).restarts).toBe(0); // the other replica was left alone
  });

  it('backs off on consecutive crashes: 100, 200, 400, 800 ms', async () => {
    running = await startVariant(single(), { runDir: temporaryRunDir() });
    for (let crash = 0; crash < 4; crash += 1) {
      running.kill('app');
      await waitFor(() => running!.instance('app').state === 'ready' && running!.instance('app').restarts === crash + 1, 5_000);
    }
    const events = running.events();
    expect(events.filter((e) => e.type === 'restarting').map((e) => e.backoffMs)).toEqual([100, 200, 400, 800]);
    const gapsMs = events.flatMap((e, i) => (e.type === 'exited' ? [events[i + 2]!.tMs - e.tMs] : []));
    [100, 200, 400, 800].forEach((backoffMs, i) => expect(gapsMs[i]).toBeGreaterThanOrEqual(backoffMs - 5));
    console.log(`exited → starting gaps: ${gapsMs.join(', ')} ms`);
  });

  it('pause is a hang, not a crash; resume brings it back', async () => {
    running = await startVariant(single(), { runDir: temporaryRunDir() });
    const url = `${running.edgeUrl}/healthz`;
    running.pause('app');
    expect(await answers(url)).toBe(false);
    running.resume('app');
    expect(await answers(url, 2_000)).toBe(true);
    expect(typesOf(running.events(), 'app')).toEqual(['starting', 'ready', 'fault', 'fault']);
  });

  it('leaves a component with restart "no" down', async () => {
    running = await startVariant(single('no'), { runDir: temporaryRunDir() });
    running.kill('app');
    await waitFor(() => running!.instance('app').state === 'stopped', 2_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(typesOf(running.events(), 'app')).toEqual(['starting', 'ready', 'fault', 'exited']);
    expect(running.instance('app').pid).toBeUndefined();
  });

  it('never restarts anything once stop() began, even one backing off', async () => {
    running = await startVariant(single(), { runDir: temporaryRunDir() });
    running.kill('app');
    await waitFor(() => running!.instance('app').state === 'backing-off', 1_000);
    await running.stop();
    await new Promise((r) => setTimeout(r, 300));
    expect(typesOf(running.events(), 'app')).toEqual(['starting', 'ready', 'fault', 'exited', 'restarting', 'stopped']);
  });

  it('SIGKILLs an app that ignores SIGTERM after the grace period', async () => {
    running = await startVariant(single(), { runDir: temporaryRunDir(), envFor: () => ({ FIXTURE_IGNORE_SIGTERM: '1' }) });
    const pid = running.instance('app').pid!;
    const stopAtMs = Date.now();
    await running.stop();
    const stopMs = Date.now() - stopAtMs;
    expect(stopMs).toBeGreaterThanOrEqual(2_900);
    expect(stopMs).toBeLessThan(6_000);
    expect(isAlive(pid)).toBe(false);
    expect(running.events().at(-1)).toMatchObject({ type: 'stopped', detail: 'signal SIGKILL' });
  });
});
