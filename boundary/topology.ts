/**
 * A variant's topology as data. The runner starts it, the compose generator writes it out, and the
 * blast-radius prediction reads it. Nothing here runs anything.
 */
import type { ModuleName } from '../shared-domain/modules.js';

export type VariantName = 'monolith' | 'soa' | 'micro';
export const VARIANT_NAMES: readonly VariantName[] = ['monolith', 'soa', 'micro'];

export type BrokerKind = 'rabbitmq' | 'nats';

/** Docker's restart policies; the supervisor implements `always` and `no`. */
export type RestartPolicy = 'always' | 'no';

interface ComponentBase {
  /** Unique within the variant, kebab-case: also the compose service name. */
  readonly name: string;
  /** One line for people: what this component does in the architecture. */
  readonly role: string;
  /**
   * Components it needs: the services it calls, the broker it connects to. Latency and partition faults
   * are placed on these edges; the start order and the blast-radius paths default to them.
   */
  readonly dependsOn: readonly string[];
  /**
   * The part of `dependsOn` that must be ready before this one starts (default: all of it). Leave out a
   * component it only calls while serving: its readiness and its callers' timeouts already cover that,
   * and the variant starts in parallel instead of in a chain. Compose waits for these to be healthy and
   * only for the others to be started.
   */
  readonly startAfter?: readonly string[];
}

export interface BrokerComponent extends ComponentBase {
  readonly kind: 'broker';
  readonly broker: BrokerKind;
  /**
   * What travels through it: `requests` puts it on every request path that reaches a component
   * depending on it (SOA's bus); `events` only carries eventual work (micro's domain events). Default: requests.
   */
  readonly carries?: 'requests' | 'events';
}

export interface AppComponent extends ComponentBase {
  readonly kind: 'app';
  /** Entry file relative to the repository root, in TypeScript (`variants/monolith/main.ts`); run from dist/. */
  readonly entry: string;
  readonly replicas: number;
  /** Domain modules this process hosts: a module fault reaches exactly these processes. */
  readonly modules: readonly ModuleName[];
  /** HTTP path answering 200 once the component can serve (its dependencies connected). */
  readonly readinessPath: string;
  readonly restart: RestartPolicy;
  /** SQLite database files this component opens, relative to the variant's data dir. */
  readonly databases: readonly string[];
  /**
   * Components every request it serves passes through, whatever the request; the hosts of the modules a
   * request needs come on top, per journey. Defaults to `dependsOn` (which is start order). The
   * blast-radius prediction follows these: a gateway that reaches services by capability has `via: []`.
   */
  readonly via?: readonly string[];
  /** Serves HTTP on its own port (false for pure queue consumers, which still expose /readyz). */
  readonly http: true;
}

export type Component = BrokerComponent | AppComponent;

/**
 * How a caller reaches the replicas of a component in this packaging. The public edge, when it has
 * several replicas, is always behind a load balancer (one URL for users).
 * - `load-balancer`: HAProxy in front of the replicas, health-checked on their readiness path;
 * - `bus`: replicas are competing consumers on the component's queue; the broker's routing is the discovery;
 * - `registry`: each instance registers itself on NATS with a heartbeat; callers resolve and balance themselves.
 */
export type DiscoveryMode = 'load-balancer' | 'bus' | 'registry';

export interface Topology {
  readonly variant: VariantName;
  readonly description: string;
  /** How callers find replicas (`archlab list` shows it); test fixtures may leave it out. */
  readonly discovery?: { readonly mode: DiscoveryMode; readonly description: string };
  /** The component serving the public API. */
  readonly edge: string;
  readonly components: readonly Component[];
}
