/** kill, pause, edge faults and broker-outage against real processes: the runner's fixture app (and nats). */
import { get } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { findBrokerBinary } from '../brokers/index.js';
import { fixtureApp, fixtureTopology } from '../runner/fixtures/fixture-topology.js';
import { temporaryRunDir, waitFor } from '../runner/fixtures/process-probes.js';
import { startVariant, type RunningVariant } from '../runner/index.js';
import type { Topology } from '../../boundary/topology.js';
import { EdgeProxies, injectFault, NoEdgeProxyError, parseFaultSpec, UnknownFaultTargetError, type FaultContext, type FaultEvent } from './index.js';

let running: RunningVariant | undefined;
let proxies = EdgeProxies.none();
afterEach(async () => {
  await running?.stop();
  await proxies.stop();
  running = undefined;
  proxies = EdgeProxies.none();
});

function contextFor(variant: RunningVariant, topology: Topology): FaultContext & { events: FaultEvent[] } {
  const events: FaultEvent[] = [];
  return { running: variant, topology, proxies, events, log: (event) => events.push(event) };
}

const spec = (fault: object) => parseFaultSpec({ atMs: 0, durationMs: 1_000, ...fault });

/** Status of GET url on a fresh connection, or 'timeout' when nothing answered within `timeoutMs`. */
function statusOf(url: string, timeoutMs = 300): Promise<number | 'timeout'> {
  return new Promise((answer, fail) => {
    const request = get(url, { agent: false, timeout: timeoutMs }, (response) => answer(response.resume().statusCode ?? 0));
    request.once('timeout', () => { request.destroy(); answer('timeout'); }).once('error', fail);
  });
}

describe('process faults on the fixture variant', () => {
  it('kill: SIGKILL, restarted by the supervisor and answering again within 5 s; heal is a no-op, twice', async () => {
    running = await startVariant(fixtureTopology, { runDir: temporaryRunDir() });
    const context = contextFor(running, fixtureTopology);
    const before = running.instance('store').pid;
    const fault = await injectFault(spec({ kind: 'kill', target: 'store' }), context);
    const answering = async () => (await statusOf(`${running!.instance('store').url}/healthz`).catch(() => 0)) === 200;
    const restarted = () => running!.instance('store').pid !== before && running!.instance('store').state === 'ready';
    const tookMs = await waitFor(async () => restarted() && (await answering()), 5_000);
    console.log(`kill: store answering again ${tookMs} ms after SIGKILL`);
    expect(running.events().filter((e) => e.component === 'store').map((e) => e.type))
      .toEqual(['starting', 'ready', 'fault', 'exited', 'restarting', 'starting', 'ready']);
    await Promise.all([fault.heal(), fault.heal()]);
    expect(context.events.map((e) => e.action)).toEqual(['injected', 'healed']);
  });

  it('kill with everyMs: again at every interval inside the duration, and no more once healed', async () => {
    running = await startVariant(fixtureTopology, { runDir: temporaryRunDir() });
    const context = contextFor(running, fixtureTopology);
    await injectFault(spec({ kind: 'kill', target: 'backend', durationMs: 1_000, params: { instance: 1, everyMs: 300 } }), context);
    await waitFor(() => context.events.length === 4, 2_000); // injected at 0, repeated at 300, 600, 900
    await new Promise((r) => setTimeout(r, 500));
    expect(context.events.map((e) => e.action)).toEqual(['injected', 'repeated', 'repeated', 'repeated']);
    expect(running.events().filter((e) => e.component === 'backend' && e.instance === 0 && e.type === 'exited')).toEqual([]);
  });

  it('pause: requests hang while paused, no restart, and answer at once after heal', async () => {
    running = await startVariant(fixtureTopology, { runDir: temporaryRunDir() });
    const url = `${running.instance('search').url}/healthz`;
    const pid = running.instance('search').pid;
    const fault = await injectFault(spec({ kind: 'pause', target: 'search' }), contextFor(running, fixtureTopology));
    expect(await statusOf(url)).toBe('timeout');
    const waiting = statusOf(url, 2_000);
    await fault.heal();
    await fault.heal();
    expect(await waiting).toBe(200);
    expect(running.instance('search').pid).toBe(pid);
    expect(running.events().some((e) => e.type === 'exited')).toBe(false);
  });

  it('latency and partition on an edge, through its proxy, with the URL the runner would hand out', async () => {
    const latency = spec({ kind: 'latency', target: 'edge->backend', params: { latencyMs: 200 } });
    const partition = spec({ kind: 'partition', target: 'edge->backend' });
    proxies = await EdgeProxies.start([latency, partition]);
    running = await startVariant(fixtureTopology, { runDir: temporaryRunDir() });
    const backendUrl = running.instance('backend').url;
    const viaProxy = proxies.rewriteUrl('edge', 'backend', backendUrl);
    expect(viaProxy).toBe(`http://127.0.0.1:${proxies.proxy('edge->backend').port}`);
    expect(proxies.rewriteUrl('edge', 'search', 'http://127.0.0.1:1234')).toBe('http://127.0.0.1:1234');
    const env = (await (await fetch(`${viaProxy}/env`)).json()) as { env: Record<string, string> };
    expect(env.env.ARCHLAB_COMPONENT).toBe('backend');

    const context = contextFor(running, fixtureTopology);
    const slow = await injectFault(latency, context);
    const startedAt = performance.now();
    expect(await statusOf(`${viaProxy}/healthz`, 2_000)).toBe(200);
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(190);
    await slow.heal();

    const cut = await injectFault(partition, context);
    expect(await statusOf(`${viaProxy}/healthz`, 500)).toBe('timeout');
    expect(await statusOf(`${backendUrl}/healthz`)).toBe(200); // only that edge is cut
    await cut.heal();
    await cut.heal();
    expect(await statusOf(`${viaProxy}/healthz`)).toBe(200);
    expect(context.events.map((e) => `${e.kind} ${e.action}`)).toEqual(['latency injected', 'latency healed', 'partition injected', 'partition healed']);
  });

  it('refuses a target the variant lacks, and an edge fault without a proxy', async () => {
    running = await startVariant(fixtureTopology, { runDir: temporaryRunDir() });
    const context = contextFor(running, fixtureTopology);
    await expect(injectFault(spec({ kind: 'kill', target: 'cart' }), context)).rejects.toThrow(UnknownFaultTargetError);
    await expect(injectFault(spec({ kind: 'module-error', target: 'search' }), context)).rejects.toThrow(/hosts module search \(hosted: none\)/);
    await expect(injectFault(spec({ kind: 'partition', target: 'edge->search' }), context)).rejects.toThrow(NoEdgeProxyError);
    expect(context.events).toEqual([]);
  });
});

const withNats: Topology = {
  variant: 'micro', description: 'the fixture app with a real nats-server', edge: 'app',
  components: [{ kind: 'broker', name: 'nats', broker: 'nats', role: 'events', dependsOn: [] }, fixtureApp('app', ['nats'])],
};

describe.runIf(findBrokerBinary('nats').found)('broker-outage with a real nats-server', () => {
  it('kills the broker for the duration and restarts it on the same port when healed, once', async () => {
    running = await startVariant(withNats, { runDir: temporaryRunDir() });
    const { port } = running.instance('nats');
    const accepts = () => new Promise<boolean>((answer) => {
      const socket = connect(port, '127.0.0.1').once('connect', () => { socket.destroy(); answer(true); }).once('error', () => answer(false));
    });
    const context = contextFor(running, withNats);
    const fault = await injectFault(spec({ kind: 'broker-outage', target: 'nats' }), context);
    expect(running.instance('nats').state).toBe('stopped');
    expect(await accepts()).toBe(false);
    await Promise.all([fault.heal(), fault.heal()]);
    expect(await accepts()).toBe(true);
    expect(running.events().filter((e) => e.component === 'nats').map((e) => e.type))
      .toEqual(['starting', 'ready', 'fault', 'exited', 'restarting', 'starting', 'ready']);
    expect(context.events.map((e) => e.action)).toEqual(['injected', 'healed']);
  });
});
