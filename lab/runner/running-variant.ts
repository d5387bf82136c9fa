/** The handle on a started variant: where things listen, what happened, and the levers faults pull. */
import type { BrokerKind, Topology } from '../../boundary/topology.js';
import type { StartedBroker } from './broker-launcher.js';
import type { CentralLog } from './central-log.js';
import { UnknownComponentError, VariantStoppedError } from './errors.js';
import type { LifecycleRecorder } from './lifecycle-recorder.js';
import { DrainTimeoutError, type StartedLoadBalancer } from '../haproxy/index.js';
import { freePorts } from '../process/free-port.js';
import type { RecordedBroker } from './recorded-broker.js';
import { stopWaves, type StartPlan } from './start-order.js';
import type { SupervisedProcess } from './supervised-process.js';
import type {
  ControlMessage, LifecycleEvent, RunningComponent, RunningInstance, RunningLoadBalancer, RunningVariant,
} from './types.js';

/** How long an app gets between SIGTERM and SIGKILL. */
const STOP_GRACE_MS = 3_000;

export interface VariantParts {
  readonly topology: Topology;
  readonly plan: StartPlan;
  readonly runDir: string;
  readonly dataDir: string;
  readonly token: string;
  readonly log: CentralLog;
  readonly events: LifecycleRecorder;
  /** App component name → its live replicas, in index order (indexes only grow: a removed one leaves a gap). */
  readonly processes: Map<string, SupervisedProcess[]>;
  /** A new, unstarted replica of an app: index, port and extra environment (a new version, say). */
  readonly spawn: (component: string, index: number, port: number, env?: Readonly<Record<string, string>>) => SupervisedProcess;
  readonly readyTimeoutMs: number;
  /** Broker component name → broker, filled in as brokers start. */
  readonly brokers: ReadonlyMap<string, RecordedBroker>;
  /** HAProxy in front of a replicated edge, filled in once it is ready. */
  readonly balancer: BalancerSlot;
}

/** The load balancer's name for a replica: `<component>-<index>`. */
export function serverName(component: string, index: number): string {
  return `${component}-${index}`;
}

export interface InstanceOptions {
  /** Default: one past the highest index this component ever had. */
  readonly index?: number;
  /** Default: a free one. */
  readonly port?: number;
  /** On top of the variant's environment for this process (a new version, say). */
  readonly env?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
}

export interface RemoveOptions {
  /** Behind a load balancer: drained first (default); false stops it in place and leaves the health checks to notice. */
  readonly drain?: boolean;
  /** SIGTERM to SIGKILL. */
  readonly graceMs?: number;
  /** Behind a load balancer: how long to wait for its open connections to reach 0. */
  readonly drainTimeoutMs?: number;
}

export type ReplaceOptions = RemoveOptions & Pick<InstanceOptions, 'env' | 'signal'>;

export interface BalancerSlot {
  started?: StartedLoadBalancer;
}

export class Variant implements RunningVariant {
  readonly components: readonly RunningComponent[];
  #stopping?: Promise<void>;
  /** Indexes handed out by addInstance, so none is reused after a removal. */
  readonly #spawned = new Map<string, number[]>();

  constructor(private readonly parts: VariantParts) {
    this.components = parts.topology.components.map((component) => this.#describe(component.name));
  }

  /** The replica indexes of an app component now, in order. */
  replicaIndexes(component: string): number[] {
    return this.#replicas(component).map((r) => r.spec.index);
  }

  get variant() { return this.parts.topology.variant; }
  get edgeUrl() {
    const edge = this.parts.plan.edge.name;
    return this.parts.balancer.started?.url(edge) ?? this.#replicas(edge)[0]!.spec.url;
  }

  get loadBalancer(): RunningLoadBalancer | undefined {
    const started = this.parts.balancer.started;
    const edge = this.parts.plan.edge.name;
    return started && { name: `${edge}-lb`, url: started.url(edge), frontend: edge, pid: () => started.pid(), handle: started };
  }
  get runDir() { return this.parts.runDir; }
  get dataDir() { return this.parts.dataDir; }
  get centralLogPath() { return this.parts.log.path; }
  get token() { return this.parts.token; }
  get stopped() { return this.#stopping !== undefined; }

  events(): LifecycleEvent[] {
    return this.parts.events.all();
  }

  broker(kind: BrokerKind): StartedBroker {
    const broker = [...this.parts.brokers.values()].find((b) => b.kind === kind);
    if (!broker) throw new UnknownComponentError(`${this.variant} has no ${kind} broker`);
    return broker;
  }

  instance(component: string, index = 0): RunningInstance {
    const broker = this.parts.brokers.get(component);
    if (broker && index === 0) {
      const pid = broker.pid();
      return { component, index, port: broker.port, url: broker.url, pid, state: broker.isRunning() ? 'ready' : 'stopped', restarts: 0 };
    }
    const replica = this.#replicas(component).find((r) => r.spec.index === index);
    if (!replica) throw new UnknownComponentError(`${component} has no replica ${index}`);
    const { port, url } = replica.spec;
    return { component, index, port, url, pid: replica.pid, state: replica.state, restarts: replica.restarts };
  }

  kill(component: string, index?: number): void {
    const broker = this.#liveBroker(component);
    if (broker) void broker.kill().catch((error: unknown) => this.#labLine(component, `kill failed: ${String(error)}`));
    else for (const replica of this.#targets(component, index)) replica.kill();
  }

  pause(component: string, index?: number): void {
    this.#signalBrokerOr(component, 'SIGSTOP', () => this.#targets(component, index).forEach((r) => r.pause()));
  }

  resume(component: string, index?: number): void {
    this.#signalBrokerOr(component, 'SIGCONT', () => this.#targets(component, index).forEach((r) => r.resume()));
  }

  async sendControl(component: string, index: number | 'all', message: ControlMessage): Promise<number> {
    const targets = this.#targets(component, index === 'all' ? undefined : index);
    const delivered = await Promise.all(targets.map((replica) => replica.send(message)));
    for (const replica of targets) {
      this.parts.events.record(component, replica.spec.index, { type: 'fault', detail: `control ${message.type}`, pid: replica.pid });
    }
    return delivered.filter(Boolean).length;
  }

  async stopInstance(component: string, index: number): Promise<void> {
    await this.removeInstance(component, index);
  }

  async addInstance(component: string, options: InstanceOptions = {}): Promise<number> {
    const replicas = this.#replicas(component);
    const index = options.index ?? Math.max(-1, ...this.#allIndexes(component)) + 1;
    const port = options.port ?? (await freePorts(1))[0]!;
    const replica = this.parts.spawn(component, index, port, options.env);
    this.#spawned.set(component, [...(this.#spawned.get(component) ?? []), index]);
    await replica.start(this.parts.readyTimeoutMs, options.signal ?? new AbortController().signal).catch(async (error: unknown) => {
      await replica.stop(STOP_GRACE_MS);
      throw error;
    });
    replicas.push(replica);
    replicas.sort((a, b) => a.spec.index - b.spec.index);
    const balancer = this.#balancerOf(component);
    const name = serverName(component, index);
    // A replacement on the same index may find its predecessor's entry still there (in maintenance).
    if (balancer && (await balancer.serverStats(component)).some((server) => server.name === name)) await balancer.setServerState(component, name, 'ready');
    else await balancer?.addServer(component, { name, url: replica.spec.url });
    return index;
  }

  async removeInstance(component: string, index: number, options: RemoveOptions = {}): Promise<void> {
    const [replica] = this.#targets(component, index);
    const balancer = this.#balancerOf(component);
    const name = serverName(component, index);
    // Behind the balancer, drained first: HAProxy sends it nothing new and its requests in flight finish;
    // past the timeout it goes anyway.
    let removed = false;
    const graceMs = options.graceMs ?? STOP_GRACE_MS;
    const drained = this.#drainingDetail(balancer !== undefined, options.drain !== false, graceMs, options.drainTimeoutMs);
    if (drained) replica!.draining(drained);
    if (balancer && options.drain !== false) {
      removed = await balancer.removeServer(component, name, { drainTimeoutMs: options.drainTimeoutMs }).then(() => true, (error: unknown) => {
        if (!(error instanceof DrainTimeoutError)) throw error;
        this.#labLine(component, `${name} still had ${error.message}; stopping it anyway`);
        return false;
      });
    }
    const replicas = this.#replicas(component);
    replicas.splice(replicas.indexOf(replica!), 1);
    await replica!.stop(graceMs);
    // Not drained (or the drain timed out): out of the balancer only once it is gone; its health checks saw it go.
    if (balancer && !removed) await balancer.removeServer(component, name, { drainTimeoutMs: 1_000 }).catch(() => undefined);
  }

  async replaceInstance(component: string, index: number, options: ReplaceOptions = {}): Promise<void> {
    const [old] = this.#targets(component, index);
    await this.removeInstance(component, index, options);
    await this.addInstance(component, { index, port: old!.spec.port, env: options.env, signal: options.signal });
  }

  stop(): Promise<void> {
    this.#stopping ??= this.#stopAll();
    return this.#stopping;
  }

  async #stopAll(): Promise<void> {
    const { plan, processes, brokers, log, balancer } = this.parts;
    // The entrance first: nothing new comes in while the apps behind it stop.
    await balancer.started?.stop().catch((error: unknown) => this.#labLine(`${plan.edge.name}-lb`, `stop failed: ${String(error)}`));
    for (const wave of stopWaves(plan.apps, plan.depth)) {
      await Promise.all(wave.flatMap((app) => (processes.get(app.name) ?? []).map((replica) => replica.stop(STOP_GRACE_MS))));
    }
    for (const wave of stopWaves(plan.brokers, plan.depth)) {
      await Promise.all(wave.map(async ({ name }) => {
        await brokers.get(name)?.stop().catch((error: unknown) => this.#labLine(name, `stop failed: ${String(error)}`));
      }));
    }
    await log.close();
  }

  /**
   * How a replica being removed stops getting work, for its `draining` event; undefined when it does not:
   * stopped in place behind the balancer, or SIGKILLed straight after SIGTERM (no grace) elsewhere.
   */
  #drainingDetail(balanced: boolean, drain: boolean, graceMs: number, drainTimeoutMs: number | undefined): string | undefined {
    const upTo = drainTimeoutMs === undefined ? '' : ` (up to ${drainTimeoutMs} ms)`;
    if (balanced) return drain ? `out of HAProxy; requests in flight get to finish${upTo}` : undefined;
    if (graceMs === 0) return undefined;
    const how = { registry: 'deregisters', bus: 'stops consuming', 'load-balancer': 'stops listening' }[this.parts.topology.discovery?.mode ?? 'load-balancer'];
    return `SIGTERM: ${how} and finishes what it has, up to ${graceMs} ms`;
  }

  /** Every index this component's replicas ever had (a new one never reuses one). */
  #allIndexes(component: string): number[] {
    return [...this.#replicas(component).map((r) => r.spec.index), ...(this.#spawned.get(component) ?? [])];
  }

  /** The load balancer, when `component` is the replicated edge behind it. */
  #balancerOf(component: string): StartedLoadBalancer | undefined {
    return component === this.parts.plan.edge.name ? this.parts.balancer.started : undefined;
  }

  #replicas(component: string): SupervisedProcess[] {
    const replicas = this.parts.processes.get(component);
    if (!replicas) throw new UnknownComponentError(`${this.variant} has no app component ${component}`);
    return replicas;
  }

  #targets(component: string, index: number | undefined): readonly SupervisedProcess[] {
    if (this.stopped) throw new VariantStoppedError(`${this.variant} is stopped: ${component} cannot be reached`);
    const replicas = this.#replicas(component);
    if (index === undefined) return replicas;
    const replica = replicas.find((r) => r.spec.index === index);
    if (!replica) throw new UnknownComponentError(`${component} has no replica ${index} (replicas: ${replicas.map((r) => r.spec.index).join(', ') || 'none'})`);
    return [replica];
  }

  #liveBroker(component: string): RecordedBroker | undefined {
    const broker = this.parts.brokers.get(component);
    if (broker && this.stopped) throw new VariantStoppedError(`${this.variant} is stopped: ${component} cannot be reached`);
    return broker;
  }

  #signalBrokerOr(component: string, signal: 'SIGSTOP' | 'SIGCONT', forApps: () => void): void {
    const broker = this.#liveBroker(component);
    if (!broker) return forApps();
    const pid = broker.pid();
    if (pid === undefined) return;
    this.parts.events.record(component, 0, { type: 'fault', detail: signal, pid });
    process.kill(pid, signal);
  }

  #labLine(component: string, text: string): void {
    this.parts.log.write(component, 0, 'stderr', `archlab runner: ${text}`);
  }

  #describe(name: string): RunningComponent {
    const component = this.parts.topology.components.find((c) => c.name === name)!;
    const parts = this.parts;
    if (component.kind === 'broker') {
      return {
        name, kind: 'broker', role: component.role, modules: [],
        get ports() { const b = parts.brokers.get(name); return b ? [b.port] : []; },
        get urls() { const b = parts.brokers.get(name); return b ? [b.url] : []; },
        get pids() { return [parts.brokers.get(name)?.pid()]; },
      };
    }
    const replicas = () => this.#replicas(name);
    return {
      name, kind: 'app', role: component.role, modules: component.modules,
      get ports() { return replicas().map((r) => r.spec.port); },
      get urls() { return replicas().map((r) => r.spec.url); },
      get pids() { return replicas().map((r) => r.pid); },
    };
  }
}
