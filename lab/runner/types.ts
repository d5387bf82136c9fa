/**
 * What the runner hands back and reports. `startVariant()` returns a `RunningVariant`; nothing here
 * can be asked of a variant that was never started.
 */
import type { StartedLoadBalancer } from '../haproxy/index.js';
import type { InstanceOptions, RemoveOptions, ReplaceOptions } from './running-variant.js';
import type { BrokerKind, VariantName } from '../../boundary/topology.js';
import type { ModuleName } from '../../shared-domain/modules.js';
import type { BrokerLauncher, StartedBroker } from './broker-launcher.js';
import type { BrokerPool } from './broker-pool.js';

/** `draining`: a replica being removed gets no new work (out of HAProxy, or told to stop: deregisters, stops consuming). */
export type LifecycleEventType = 'starting' | 'ready' | 'draining' | 'exited' | 'restarting' | 'stopped' | 'fault';

/** One thing that happened to one process, stamped when the lab saw it. */
export interface LifecycleEvent {
  /** Epoch milliseconds. */
  readonly tMs: number;
  readonly component: string;
  /** Replica index, 0-based; brokers are instance 0. */
  readonly instance: number;
  readonly type: LifecycleEventType;
  /** For people: `code 1`, `signal SIGKILL`, `SIGSTOP`, a control message type. */
  readonly detail?: string;
  readonly pid?: number;
  /** On `restarting`: the back-off waited before the new process starts. */
  readonly backoffMs?: number;
  /** App processes: the build it runs (its ARCHLAB_VERSION; `v1` when not set). Brokers have none. */
  readonly version?: string;
}

export type LogStream = 'stdout' | 'stderr';

/** One line of one component's output, as written to the central log: tags, then the pino fields. */
export interface LogLine {
  /** Epoch milliseconds when the lab read the line. */
  readonly t: number;
  readonly variant: VariantName;
  readonly component: string;
  readonly instance: number;
  readonly stream: LogStream;
  /** The line itself when it was not JSON; pino's message otherwise. */
  readonly msg?: unknown;
  readonly [field: string]: unknown;
}

/** A message sent over IPC to an app; apps act on the `type` they know and ignore the others. */
export interface ControlMessage {
  readonly type: string;
  readonly [field: string]: unknown;
}

export interface StartVariantOptions {
  /** The run's folder for this variant: `data/` (ARCHLAB_DATA_DIR), `logs/`, `brokers/` go under it. */
  readonly runDir: string;
  /** Catalog seed passed as ARCHLAB_SEED; 42 unless told. */
  readonly seed?: number;
  /** Per component: how long to wait for readiness at start. 30 s unless told. */
  readonly readyTimeoutMs?: number;
  /** Secret of the run (ARCHLAB_RUN_TOKEN); random unless told. */
  readonly token?: string;
  readonly onEvent?: (event: LifecycleEvent) => void;
  readonly onLog?: (line: LogLine) => void;
  /**
   * HAProxy in front of the edge even with one replica, so that replicas added later are balanced too
   * (a scale-out of the edge). Without it, only an edge started with several replicas gets one.
   */
  readonly balanceEdge?: boolean;
  /** Extra environment for one app process, asked again at every (re)start. Tests and proxies use it. */
  readonly envFor?: (component: string, instance: number) => Readonly<Record<string, string>> | undefined;
  /**
   * The URL component `from` is given for `to` (an app or a broker component), asked at every (re)start:
   * the lab routes one edge through a TCP proxy this way. Unchanged unless told. `replicas`: the URLs of
   * every replica of `to` (`url` is the one `from` would be given).
   */
  readonly rewriteUrl?: (from: string, to: string, url: string, replicas: readonly string[]) => string;
  /** Starts brokers; `lab/brokers` unless told (tests pass a fake). */
  readonly startBroker?: BrokerLauncher;
  /**
   * Borrow the brokers from this pool (started once per `run`/`suite`) instead of starting private ones:
   * each run gets a fresh scope (RabbitMQ vhost, empty JetStream); `stop()` returns them to the pool.
   */
  readonly brokerPool?: BrokerPool;
}

export type InstanceState = 'starting' | 'ready' | 'backing-off' | 'stopping' | 'stopped';

/** One process of an app component (one replica) or a broker, as it is now. */
export interface RunningInstance {
  readonly component: string;
  readonly index: number;
  readonly port: number;
  readonly url: string;
  /** The current process id; undefined while it is down. */
  readonly pid: number | undefined;
  readonly state: InstanceState;
  /** How many times the supervisor restarted it. */
  readonly restarts: number;
}

export interface RunningComponent {
  readonly name: string;
  readonly kind: 'app' | 'broker';
  readonly role: string;
  readonly modules: readonly ModuleName[];
  /** Fixed for the whole run: a restarted replica listens on the same port. */
  readonly ports: readonly number[];
  readonly urls: readonly string[];
  /** Current pid per replica (undefined while one is down). */
  readonly pids: readonly (number | undefined)[];
}

/** The HAProxy in front of a replicated edge (lab/haproxy). */
export interface RunningLoadBalancer {
  /** `<edge>-lb`: how the central log and the lifecycle events name it. */
  readonly name: string;
  readonly url: string;
  /** Its frontend, named after the edge component; servers are `<edge>-<replica index>`. */
  readonly frontend: string;
  pid(): number | undefined;
  /** Server states and stats through HAProxy's runtime API. */
  readonly handle: StartedLoadBalancer;
}

export interface RunningVariant {
  readonly variant: VariantName;
  /** Base URL of the public API: the edge's load balancer when the edge is replicated, else its one replica. */
  readonly edgeUrl: string;
  /** Present when the edge has several replicas. */
  readonly loadBalancer: RunningLoadBalancer | undefined;
  readonly runDir: string;
  readonly dataDir: string;
  readonly centralLogPath: string;
  readonly token: string;
  readonly components: readonly RunningComponent[];
  /** Every lifecycle event so far, oldest first (a copy). */
  events(): LifecycleEvent[];
  broker(kind: BrokerKind): StartedBroker;
  instance(component: string, index?: number): RunningInstance;
  /** SIGKILL one replica, or every replica when `index` is left out; the supervisor restarts apps. */
  kill(component: string, index?: number): void;
  /** SIGSTOP: a hang, not a crash. The supervisor sees nothing. */
  pause(component: string, index?: number): void;
  resume(component: string, index?: number): void;
  /** Sends over IPC; resolves with how many processes received it (a replica that is down gets nothing). */
  sendControl(component: string, index: number | 'all', message: ControlMessage): Promise<number>;
  /** SIGTERM one replica (SIGKILL after a grace period) and stop supervising it: it stays down, as after a scale-in. */
  stopInstance(component: string, index: number): Promise<void>;
  /** The replica indexes of an app component now (indexes only grow: removing one leaves a gap). */
  replicaIndexes(component: string): number[];
  /**
   * Scale-out: one more replica, started and ready (then, behind the edge's load balancer, added to it).
   * Resolves with its index.
   */
  addInstance(component: string, options?: InstanceOptions): Promise<number>;
  /** Scale-in: drained from the load balancer if behind one, then SIGTERM; it stays down. */
  removeInstance(component: string, index: number, options?: RemoveOptions): Promise<void>;
  /** Stop-first replacement: the replica removed, then a new process on its index and port, `env` on top. */
  replaceInstance(component: string, index: number, options?: ReplaceOptions): Promise<void>;
  /** SIGTERM to apps in reverse dependency order, SIGKILL after a grace period, then brokers. Idempotent. */
  stop(): Promise<void>;
  readonly stopped: boolean;
}
