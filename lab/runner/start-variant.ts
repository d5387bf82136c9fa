/**
 * Starts a variant from its topology:
 *
 *   check topology, find compiled entries ─ allocate every app port ─ brokers and apps, each once what
 *   it starts after is ready (the rest in parallel, each replica polled until ready) ─ RunningVariant
 *
 * Any failure on the way stops whatever was started, then rethrows.
 */
import { DEFAULT_APP_VERSION } from '../../boundary/app-env.js';
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AppComponent, BrokerComponent, Component, Topology } from '../../boundary/topology.js';
import { appEnvironment } from './app-environment.js';
import { loadDefaultBrokerLauncher, type BrokerLauncher } from './broker-launcher.js';
import { CentralLog } from './central-log.js';
import { BrokerStartError, ComponentNotReadyError } from './errors.js';
import { freePorts } from '../process/free-port.js';
import { LifecycleRecorder } from './lifecycle-recorder.js';
import { RecordedBroker } from './recorded-broker.js';
import { repositoryRoot, resolveEntry } from './resolve-entry.js';
import { Variant } from './running-variant.js';
import { allOrGiveUp, startInDependencyOrder } from './start-in-order.js';
import { planStart } from './start-order.js';
import { SupervisedProcess } from './supervised-process.js';
import { startLoadBalancer, type StartedLoadBalancer } from '../haproxy/index.js';
import type { BalancerSlot } from './running-variant.js';
import { waitFor } from '../process/wait.js';
import { probe } from '../process/wait-strategies.js';
import type { RunningVariant, StartVariantOptions } from './types.js';

export const DEFAULT_READY_TIMEOUT_MS = 30_000;
export const DEFAULT_SEED = 42;

export async function startVariant(topology: Topology, options: StartVariantOptions): Promise<RunningVariant> {
  const plan = planStart(topology);
  const compiledEntries = new Map(plan.apps.map((app) => [app.name, resolveEntry(app.entry)]));
  const runDir = resolve(options.runDir);
  const dataDir = join(runDir, 'data');
  await mkdir(dataDir, { recursive: true });
  const readyTimeoutMs = options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = new CentralLog(join(runDir, 'logs', 'central.ndjson'), topology.variant, options.onLog);
  const events = new LifecycleRecorder(options.onEvent);
  const brokers = new Map<string, RecordedBroker>();
  // A replicated edge (or one to be scaled out) sits behind a load balancer: users (and anyone given its URL) see one address.
  const balanced = plan.apps.find((app) => app.name === topology.edge && (app.replicas > 1 || options.balanceEdge === true));
  const { portsByApp, balancerPort } = await allocatePorts(plan.apps, balanced !== undefined);
  const services = Object.fromEntries(plan.apps.map((app) => [app.name, localUrl(app === balanced ? balancerPort! : portsByApp.get(app.name)![0]!)]));
  const replicaUrls = new Map(plan.apps.map((app) => [app.name, portsByApp.get(app.name)!.map(localUrl)]));
  const brokerUrl = (kind: string) => [...brokers.values()].find((b) => b.kind === kind)?.url;
  const rewrite = (from: string, to: string, url: string) => options.rewriteUrl?.(from, to, url, replicaUrls.get(to) ?? [url]) ?? url;
  const brokerUrlFor = (from: string, kind: string) => {
    const url = brokerUrl(kind);
    const name = topology.components.find((c) => c.kind === 'broker' && c.broker === kind)?.name;
    return url && name ? rewrite(from, name, url) : url;
  };

  // With a registry, callers find services there; they are given only the edges the lab routes through a proxy.
  const registry = topology.discovery?.mode === 'registry';
  const routesFor = (from: string) => Object.fromEntries(Object.entries(services).flatMap(([to, url]) => {
    const routed = rewrite(from, to, url);
    return registry && routed === url ? [] : [[to, routed]];
  }));
  const spawn = (name: string, index: number, port: number, extraEnv: Readonly<Record<string, string>> = {}): SupervisedProcess => {
    const app = plan.apps.find((a) => a.name === name)!;
    return new SupervisedProcess({
      component: app.name, index, port, url: localUrl(port), readinessUrl: `${localUrl(port)}${app.readinessPath}`,
      compiledEntry: compiledEntries.get(app.name)!, cwd: repositoryRoot(), restart: app.restart, log,
      // Every event of the process carries the build it runs, asked like its environment (envFor may change).
      record: (event) => events.record(app.name, index, { ...event, version: { ...options.envFor?.(app.name, index), ...extraEnv }.ARCHLAB_VERSION ?? DEFAULT_APP_VERSION }),
      env: () => appEnvironment(
        {
          variant: topology.variant, component: app.name, instance: index, port, dataDir,
          services: routesFor(app.name),
          seed: options.seed ?? DEFAULT_SEED, amqpUrl: brokerUrlFor(app.name, 'rabbitmq'), natsUrl: brokerUrlFor(app.name, 'nats'),
        },
        process.env,
        { ...options.envFor?.(app.name, index), ...extraEnv },
      ),
    });
  };
  const processes = new Map(plan.apps.map((app) => [app.name, portsByApp.get(app.name)!.map((port, index) => spawn(app.name, index, port))]));
  const balancer: BalancerSlot = {};
  const variant = new Variant({ topology, plan, runDir, dataDir, token, log, events, processes, brokers, balancer, spawn, readyTimeoutMs });

  try {
    const launch = plan.brokers.length === 0 ? undefined : (options.startBroker ?? options.brokerPool?.lease ?? (await loadDefaultBrokerLauncher()));
    const brokerContext: BrokerContext = { runDir, log, events, brokers, readyTimeoutMs };
    const startOne = async (component: Component, signal: AbortSignal): Promise<void> => {
      if (component.kind === 'broker') return startBroker(component, launch!, brokerContext);
      const replicas = processes.get(component.name)!;
      await allOrGiveUp(replicas.map((replica) => (s) => replica.start(readyTimeoutMs, s)), signal);
      if (component.name === balanced?.name) {
        balancer.started = await startBalancer(balanced, replicas, balancerPort!, { runDir, log, events, readyTimeoutMs });
      }
    };
    await startInDependencyOrder(topology.components.map((c) => ({ ...c, dependsOn: plan.startAfter.get(c.name)! })), startOne);
  } catch (error) {
    await variant.stop();
    throw error;
  }
  return variant;
}

/**
 * HAProxy in front of a replicated edge, once its replicas are ready; ready itself when it has checked
 * every one of them UP (so the first users meet no replica it has not yet found healthy).
 */
async function startBalancer(
  app: AppComponent, replicas: readonly SupervisedProcess[], port: number,
  context: Pick<BrokerContext, 'runDir' | 'log' | 'events' | 'readyTimeoutMs'>,
): Promise<StartedLoadBalancer> {
  const name = `${app.name}-lb`;
  context.events.record(name, 0, { type: 'starting', detail: `haproxy in front of ${replicas.length} ${app.name} replicas` });
  const started = await startLoadBalancer({
    dir: join(context.runDir, 'haproxy'),
    frontends: [{ name: app.name, port, healthPath: app.readinessPath, servers: replicas.map((r) => ({ name: `${app.name}-${r.spec.index}`, url: r.spec.url })) }],
    onLog: (line, stream) => context.log.write(name, 0, stream, line),
    readyTimeoutMs: context.readyTimeoutMs,
  });
  try {
    await waitFor(probe(async () => {
      const down = (await started.serverStats(app.name)).filter((s) => s.status !== 'UP');
      if (down.length > 0) throw new Error(`not UP yet: ${down.map((s) => `${s.name} ${s.statusText}`).join(', ')}`);
    }, `HAProxy to check every ${app.name} replica UP`), {
      timeoutMs: context.readyTimeoutMs, intervalMs: 50,
      timeoutError: ({ lastError }) => new ComponentNotReadyError(name, 0, started.url(app.name), context.readyTimeoutMs, [], { cause: lastError }),
    });
  } catch (error) {
    await started.stop();
    throw error;
  }
  context.events.record(name, 0, { type: 'ready', pid: started.pid() });
  return started;
}

interface BrokerContext {
  readonly runDir: string;
  readonly log: CentralLog;
  readonly events: LifecycleRecorder;
  readonly brokers: Map<string, RecordedBroker>;
  readonly readyTimeoutMs: number;
}

async function startBroker(component: BrokerComponent, launch: BrokerLauncher, context: BrokerContext): Promise<void> {
  const { log, events, brokers } = context;
  events.record(component.name, 0, { type: 'starting', detail: component.broker });
  let started;
  try {
    started = await launch(component.broker, {
      dir: join(context.runDir, 'brokers', component.name),
      readyTimeoutMs: context.readyTimeoutMs,
      onLog: (line, stream) => log.write(component.name, 0, stream, line),
    });
  } catch (cause) {
    throw new BrokerStartError(component.name, component.broker, { cause });
  }
  brokers.set(component.name, new RecordedBroker(started, component.name, events));
  events.record(component.name, 0, { type: 'ready', pid: started.pid() });
}

/** Every app replica's port, and the balancer's when there is one: taken together, so none collide. */
async function allocatePorts(apps: readonly AppComponent[], withBalancer: boolean): Promise<{ portsByApp: Map<string, number[]>; balancerPort?: number }> {
  const ports = await freePorts(apps.reduce((sum, app) => sum + app.replicas, 0) + (withBalancer ? 1 : 0));
  const balancerPort = withBalancer ? ports.pop() : undefined;
  return { portsByApp: new Map(apps.map((app) => [app.name, ports.splice(0, app.replicas)])), balancerPort };
}

function localUrl(port: number): string {
  return `http://127.0.0.1:${port}`;
}
