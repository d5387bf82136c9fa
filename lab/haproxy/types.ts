/** A private HAProxy in front of replicated HTTP components: what a caller gives and what it gets back. */

export interface BackendServer {
  /** Unique within its frontend: letters, digits, `_`, `.`, `-`. */
  readonly name: string;
  /** `http://127.0.0.1:PORT`: one replica. */
  readonly url: string;
}

export interface FrontendSpec {
  /** Unique within the load balancer; names the HAProxy `listen` section (letters, digits, `_`, `.`, `-`). */
  readonly name: string;
  /** Bound on 127.0.0.1; 0 picks a free port. */
  readonly port: number;
  /** Every server is asked `GET <healthPath>` twice a second; anything but a 200 counts as a failed check. */
  readonly healthPath: string;
  /** May be empty: servers can be added once the load balancer runs. */
  readonly servers: readonly BackendServer[];
}

export interface LoadBalancerStartOptions {
  /** Private folder for the generated config and the runtime API socket; created if missing. */
  readonly dir: string;
  readonly frontends: readonly FrontendSpec[];
  /** Every line HAProxy writes: alerts and server state changes, and the log of failed or retried requests. */
  readonly onLog?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** How long to wait for HAProxy to bind its ports and answer on its runtime API. */
  readonly readyTimeoutMs?: number;
  /** Where the live instance is registered for `sweepStaleInstances`; `<repository>/.archlab/instances` unless told. */
  readonly registryDir?: string;
}

/** HAProxy's administrative states: `drain` takes no new requests but finishes what it has; `maint` takes none. */
export type ServerAdminState = 'ready' | 'drain' | 'maint';

export interface ServerStats {
  readonly name: string;
  /** `UP`, `DOWN`, `DRAIN`, `MAINT` or `NOLB`: HAProxy's status without its check counters. */
  readonly status: string;
  /** HAProxy's own words, e.g. `UP 1/2` (up, one failed check of the two that take it down). */
  readonly statusText: string;
  /** Requests the server is handling now (`scur`). */
  readonly currentSessions: number;
  /** Requests it was given since it was added (`stot`). */
  readonly totalSessions: number;
}

export interface RemoveServerOptions {
  /** How long `removeServer` waits for the server's requests in flight to finish. Default 10 s. */
  readonly drainTimeoutMs?: number;
}

/** A running load balancer. Only `startLoadBalancer` makes one, so its ports are always known. */
export interface StartedLoadBalancer {
  /** `http://127.0.0.1:PORT` of a frontend. */
  url(frontend: string): string;
  /** HAProxy's pid; undefined once it has ended. */
  pid(): number | undefined;
  setServerState(frontend: string, server: string, state: ServerAdminState): Promise<void>;
  /** The frontend's servers, in their configured order (added ones last). */
  serverStats(frontend: string): Promise<ServerStats[]>;
  /**
   * Adds a server while requests flow; it takes requests as soon as this resolves, so add a replica once
   * it is ready. Health checks start at once: a server that does not answer is taken out within a second.
   */
  addServer(frontend: string, server: BackendServer): Promise<void>;
  /** Drains the server (no new requests), waits for its requests in flight to finish, then deletes it. */
  removeServer(frontend: string, server: string, options?: RemoveServerOptions): Promise<void>;
  /** SIGTERM, SIGKILL after a grace period; resolves once HAProxy is gone. Safe to call twice. */
  stop(): Promise<void>;
}
