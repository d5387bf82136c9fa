import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureTopology } from './fixtures/fixture-topology.js';
import { fixtureAppPids, isAlive, temporaryRunDir } from './fixtures/process-probes.js';
import { startVariant } from './start-variant.js';
import type { LifecycleEvent, LogLine, RunningVariant } from './types.js';

let running: RunningVariant | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

/** What the fixture app answers on /env and /control. */
interface FixtureAnswer {
  readonly pid: number;
  readonly env: Record<string, string>;
  readonly messages: unknown[];
}

async function getJson(url: string): Promise<FixtureAnswer> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return (await response.json()) as FixtureAnswer;
}

describe('startVariant with the fixture topology', () => {
  it('starts every component in dependency order, siblings in parallel, with the contract env', async () => {
    const runDir = temporaryRunDir();
    const startedAtMs = Date.now();
    running = await startVariant(fixtureTopology, {
      runDir, token: 'secret-of-the-run',
      envFor: (component) => (component === 'backend' || component === 'search' ? { FIXTURE_READY_DELAY_MS: '400' } : undefined),
    });
    console.log(`fixture topology (5 processes, 3 levels) started in ${Date.now() - startedAtMs} ms`);

    expect((await fetch(`${running.edgeUrl}/healthz`)).status).toBe(200);
    const events = running.events();
    const at = (component: string, type: LifecycleEvent['type'], instance = 0) =>
      events.find((e) => e.component === component && e.instance === instance && e.type === type)!.tMs;
    // Dependencies first…
    expect(at('backend', 'starting')).toBeGreaterThanOrEqual(at('store', 'ready'));
    expect(at('edge', 'starting')).toBeGreaterThanOrEqual(Math.max(at('backend', 'ready', 1), at('search', 'ready')));
    // …siblings together: all three were started before the first of them could be ready (400 ms delay).
    const firstSiblingReady = Math.min(at('backend', 'ready'), at('backend', 'ready', 1), at('search', 'ready'));
    for (const [component, instance] of [['backend', 0], ['backend', 1], ['search', 0]] as const) {
      expect(at(component, 'starting', instance)).toBeLessThan(firstSiblingReady);
    }

    const backend = running.components.find((c) => c.name === 'backend')!;
    expect(backend.ports).toHaveLength(2);
    expect(backend.urls).toEqual(backend.ports.map((p) => `http://127.0.0.1:${p}`));
    const services = Object.fromEntries(running.components.map((c) => [c.name, c.urls[0]]));
    const { env, pid } = await getJson(`${backend.urls[1]}/env`);
    expect(pid).toBe(running.instance('backend', 1).pid);
    expect(env).toMatchObject({
      PORT: String(backend.ports[1]), ARCHLAB_VARIANT: 'micro', ARCHLAB_COMPONENT: 'backend', ARCHLAB_INSTANCE: '1',
      ARCHLAB_DATA_DIR: `${runDir}/data`, ARCHLAB_SEED: '42',
    });
    expect(JSON.parse(env.ARCHLAB_SERVICES!)).toEqual(services);
    expect(env.ARCHLAB_AMQP_URL).toBeUndefined();
  });

  it('startAfter: a component that only calls its dependencies starts with them, not after them', async () => {
    const calledOnly = {
      ...fixtureTopology,
      components: fixtureTopology.components.map((c) => (c.name === 'edge' ? { ...c, startAfter: [] } : c)),
    };
    running = await startVariant(calledOnly, {
      runDir: temporaryRunDir(),
      envFor: (component) => (component === 'store' ? { FIXTURE_READY_DELAY_MS: '800' } : undefined),
    });
    const at = (component: string, type: LifecycleEvent['type']) => running!.events().find((e) => e.component === component && e.type === type)!.tMs;
    expect(at('edge', 'starting')).toBeLessThan(at('store', 'ready')); // not after backend and search, which wait for store
    expect(at('backend', 'starting')).toBeGreaterThanOrEqual(at('store', 'ready')); // the others keep their order
  });

  it('sends control messages over IPC to one replica or all of them', async () => {
    running = await startVariant(fixtureTopology, { runDir: temporaryRunDir(), seed: 7 });
    expect(await running.sendControl('backend', 'all', { type: 'fault', module: 'cart', mode: 'error' })).toBe(2);
    expect(await running.sendControl('store', 0, { type: 'heal' })).toBe(1);
    for (const url of running.components.find((c) => c.name === 'backend')!.urls) {
      expect((await getJson(`${url}/control`)).messages).toEqual([{ type: 'fault', module: 'cart', mode: 'error' }]);
    }
    expect((await getJson(`${running.instance('store').url}/env`)).env.ARCHLAB_SEED).toBe('7');
  });

  it('writes every line of every process to the central log, tagged, and to onLog', async () => {
    const seen: LogLine[] = [];
    running = await startVariant(fixtureTopology, { runDir: temporaryRunDir(), onLog: (line) => seen.push(line) });
    const path = running.centralLogPath;
    await running.stop();
    const lines = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(seen.length);
    const pino = lines.find((l) => l.component === 'backend' && l.instance === 1 && l.msg === 'listening');
    expect(pino).toMatchObject({ variant: 'micro', stream: 'stdout', level: 30, port: running.instance('backend', 1).port });
    expect(Object.keys(pino).slice(0, 5)).toEqual(['t', 'variant', 'component', 'instance', 'stream']);
    const plain = lines.filter((l) => l.stream === 'stderr' && l.msg === 'fixture-app: a plain line on stderr');
    expect(plain.map((l) => `${l.component}#${l.instance}`).sort()).toEqual(['backend#0', 'backend#1', 'edge#0', 'search#0', 'store#0']);
    expect(lines.filter((l) => l.msg === 'SIGTERM: stopping')).toHaveLength(5); // flushed on stop
  });

  it('stop() ends every process, in reverse dependency order, once however often it is called', async () => {
    running = await startVariant(fixtureTopology, { runDir: temporaryRunDir() });
    const pids = running.components.flatMap((c) => c.pids) as number[];
    expect(pids.every(isAlive)).toBe(true);
    const stopping = running.stop();
    expect(running.stop()).toBe(stopping);
    await stopping;
    expect(pids.filter(isAlive)).toEqual([]);
    expect(fixtureAppPids()).toEqual([]);
    const stopped = running.events().filter((e) => e.type === 'stopped');
    expect(stopped).toHaveLength(5);
    const stoppedAt = (component: string) => stopped.find((e) => e.component === component)!.tMs;
    expect(stoppedAt('edge')).toBeLessThanOrEqual(stoppedAt('backend'));
    expect(Math.max(stoppedAt('backend'), stoppedAt('search'))).toBeLessThanOrEqual(stoppedAt('store'));
    expect(() => running!.kill('store')).toThrow(/stopped/);
  });
});
