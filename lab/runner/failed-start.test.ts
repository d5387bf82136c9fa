import { describe, expect, it } from 'vitest';
import type { Topology } from '../../boundary/topology.js';
import { ComponentExitedError, ComponentNotReadyError, EntryNotBuiltError, TopologyError } from './errors.js';
import { fixtureTopology } from './fixtures/fixture-topology.js';
import { fixtureAppPids, isAlive, temporaryRunDir } from './fixtures/process-probes.js';
import { startVariant } from './start-variant.js';
import type { LifecycleEvent } from './types.js';

const startedPids = (events: LifecycleEvent[]) => events.flatMap((e) => (e.type === 'starting' && e.pid ? [e.pid] : []));

describe('a start that fails tears down everything it started', () => {
  it('a never-ready component: ComponentNotReadyError within the timeout, no fixture process left', async () => {
    const events: LifecycleEvent[] = [];
    const startedAtMs = Date.now();
    const error = await startVariant(fixtureTopology, {
      runDir: temporaryRunDir(), readyTimeoutMs: 4_000, onEvent: (e) => events.push(e),
      envFor: (component, instance) => (component === 'backend' && instance === 1 ? { FIXTURE_NEVER_READY: '1' } : undefined),
    }).catch((e: unknown) => e);
    const failedAfterMs = Date.now() - startedAtMs;

    expect(error).toBeInstanceOf(ComponentNotReadyError);
    const notReady = error as ComponentNotReadyError;
    expect(notReady).toMatchObject({ component: 'backend', instance: 1, timeoutMs: 4_000 });
    expect(notReady.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/readyz$/);
    expect(notReady.message).toContain(notReady.url);
    expect(notReady.message).toContain('4000 ms');
    expect(notReady.lastLogLines.some((line) => line.includes('"msg":"listening"'))).toBe(true);
    expect(failedAfterMs).toBeGreaterThanOrEqual(4_000);
    expect(failedAfterMs).toBeLessThan(4_000 + 4_000); // the timeout, then stopping store and the other replica
    expect(events.some((e) => e.component === 'edge')).toBe(false);
    expect(startedPids(events).filter(isAlive)).toEqual([]);
    expect(fixtureAppPids()).toEqual([]);
  });

  it('a component that exits before it is ready: ComponentExitedError at once, with its exit code and last words', async () => {
    const events: LifecycleEvent[] = [];
    const startedAtMs = Date.now();
    const error = await startVariant(fixtureTopology, {
      runDir: temporaryRunDir(), onEvent: (e) => events.push(e),
      envFor: (component) => (component === 'search' ? { FIXTURE_EXIT_ON_START: '3' } : undefined),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ComponentExitedError);
    expect(error).toMatchObject({ component: 'search', instance: 0, exitCode: 3, signal: null });
    expect((error as ComponentExitedError).lastLogLines.join('\n')).toContain('exiting on start, as told');
    expect(Date.now() - startedAtMs).toBeLessThan(10_000); // not the 30 s readiness timeout
    expect(events.filter((e) => e.type === 'restarting')).toEqual([]);
    expect(startedPids(events).filter(isAlive)).toEqual([]);
    expect(fixtureAppPids()).toEqual([]);
  });

  it('an entry that is not built: says to run the build, starts nothing', async () => {
    const topology: Topology = {
      ...fixtureTopology,
      components: fixtureTopology.components.map((c) => (c.name === 'edge' ? { ...c, entry: 'variants/nowhere/main.ts' } : c)),
    };
    const events: LifecycleEvent[] = [];
    const error = await startVariant(topology, { runDir: temporaryRunDir(), onEvent: (e) => events.push(e) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EntryNotBuiltError);
    expect((error as Error).message).toMatch(/dist\/variants\/nowhere\/main\.js.*npm run build/);
    expect(events).toEqual([]);
  });

  it('a topology with a cycle or an unknown dependency: TopologyError, starts nothing', async () => {
    const cyclic: Topology = {
      ...fixtureTopology,
      components: fixtureTopology.components.map((c) => (c.name === 'store' ? { ...c, dependsOn: ['edge'] } : c)),
    };
    await expect(startVariant(cyclic, { runDir: temporaryRunDir() })).rejects.toThrow(TopologyError);
    await expect(startVariant(cyclic, { runDir: temporaryRunDir() })).rejects.toThrow(/cycle store → edge → backend → store/);
  });
});
