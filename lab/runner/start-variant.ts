/**
 * Starts a variant from its topology:
 *
 *   check topology, find compiled entries ─ allocate every app port ─ brokers and apps, each once what
 *   it starts after is ready (the rest in parallel, each replica polled until ready) ─ RunningVariant
 *
 * Any failure on the way stops whatever was started, then rethrows.
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AppComponent, BrokerComponent, Component, Topology } from '../../boundary/topology.js';
import { appEnvironment } from './app-environment.js';
import { loadDefaultBrokerLauncher, type BrokerLauncher } from './broker-launcher.js';
import { CentralLog } from './central-log.js';
import { BrokerStartError } from './errors.js';
import { freePorts } from '../brokers/free-port.js';
import { LifecycleRecorder } from './lifecycle-recorder.js';
import { RecordedBroker } from './recorded-broker.js';
import { repositoryRoot, resolveEntry } from './resolve-entry.js';
import { Variant } from './running-variant.js';
import { allOrGiveUp, startInDependencyOrder } from './start-in-order.js';
import { planStart } from './start-order.js';
import { SupervisedProcess } from './supervised-process.js';
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
  const portsByApp = await allocatePorts(plan.apps);
  const services = Object.fromEntries(plan.apps.map((app) => [app.name, localUrl(portsByApp.get(app.name)![0]!)]));
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
  const processes = new Map(plan.apps.map((app) => [app.name, portsByApp.get(app.name)!.map((port, index) =>
    new SupervisedProcess({
      component: app.name, index, port, url: localUrl(port), readinessUrl: `${localUrl(port)}${app.readinessPath}`,
      compiledEntry: compiledEntries.get(app.name)!, cwd: repositoryRoot(), restart: app.restart, log,
      record: events.for(app.name, index),
      env: () => appEnvironment(
        {
          variant: topology.variant, component: app.name, instance: index, port, dataDir,
          services: routesFor(app.name),
          seed: options.seed ?? DEFAULT_SEED, amqpUrl: brokerUrlFor(app.name, 'rabbitmq'), natsUrl: brokerUrlFor(app.name, 'nats'),
        },
        process.env,
        options.envFor?.(app.name, index),
      ),
    }))]));
  const variant = new Variant({ topology, plan, runDir, dataDir, token, log, events, processes, brokers });

  try {
    const launch = plan.brokers.length === 0 ? undefined : (options.startBroker ?? options.brokerPool?.lease ?? (await loadDefaultBrokerLauncher()));
    const brokerContext: BrokerContext = { runDir, log, events, brokers, readyTimeoutMs };
    const startOne = (component: Component, signal: AbortSignal): Promise<void> => (component.kind === 'broker'
      ? startBroker(component, launch!, brokerContext)
      : allOrGiveUp(processes.get(component.name)!.map((replica) => (s) => replica.start(readyTimeoutMs, s)), signal));
    await startInDependencyOrder(topology.components.map((c) => ({ ...c, dependsOn: plan.startAfter.get(c.name)! })), startOne);
  } catch (error) {
    await variant.stop();
    throw error;
  }
  return variant;
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

async function allocatePorts(apps: readonly AppComponent[]): Promise<Map<string, number[]>> {
  const ports = await freePorts(apps.reduce((sum, app) => sum + app.replicas, 0));
  return new Map(apps.map((app) => [app.name, ports.splice(0, app.replicas)]));
}

function localUrl(port: number): string {
  return `http://127.0.0.1:${port}`;
}
