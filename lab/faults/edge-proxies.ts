/**
 * One TCP proxy per network edge that a scenario breaks, started before the variant, so the runner can
 * give the `from` component the proxy's URL in place of `to`'s: `rewriteUrl`, asked at every (re)start
 * of `from` with the real URL. Each proxy forwards to the URL last given for its edge.
 */
import { FaultError, NoEdgeProxyError } from './errors.js';
import { edgeName } from './edges.js';
import { findFaultKind } from './registry.js';
import { TcpProxy, type UpstreamAddress } from './tcp-proxy.js';
import type { FaultSpec } from './types.js';

/** scheme://[user:pass@]host:port — the authority is what the proxy replaces. */
const AUTHORITY = /^([a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?)([^/?#]+)/i;

export class EdgeProxies {
  /** Per edge: every replica of `to`, taken in turn per connection, as a load balancer in front of them would. */
  readonly #upstreams = new Map<string, readonly UpstreamAddress[]>();
  readonly #turn = new Map<string, number>();

  private constructor(private readonly proxies: ReadonlyMap<string, TcpProxy>) {}

  /** One proxy per edge named by a fault of a kind that targets edges (latency, partition); none for the others. */
  static start(faults: readonly FaultSpec[]): Promise<EdgeProxies> {
    return EdgeProxies.forEdges(faults.filter((f) => findFaultKind(f.kind)?.target === 'edge').map((f) => f.target));
  }

  /** One proxy per edge named (`from->to`): `archlab up` puts one on every edge, so any may be broken in class. */
  static async forEdges(names: readonly string[]): Promise<EdgeProxies> {
    const edges = [...new Set(names)];
    const started = new Map<string, TcpProxy>();
    const edgeProxies = new EdgeProxies(started);
    try {
      for (const edge of edges) started.set(edge, await TcpProxy.start(() => edgeProxies.#next(edge)));
    } catch (error) {
      await edgeProxies.stop();
      throw error;
    }
    return edgeProxies;
  }

  static none(): EdgeProxies {
    return new EdgeProxies(new Map());
  }

  get edges(): string[] { return [...this.proxies.keys()]; }

  proxy(edge: string): TcpProxy {
    const found = this.proxies.get(edge);
    if (!found) throw new NoEdgeProxyError(edge, this.edges);
    return found;
  }

  /**
   * The URL `from` should use to reach `to`: the proxy's when the edge has one, else `url` itself.
   * Bound, so it can be handed to the runner as it is. Learns `url` — and `replicas`, the URLs of every
   * replica of `to` when it has several — as the proxy's upstreams.
   */
  readonly rewriteUrl = (from: string, to: string, url: string, replicas: readonly string[] = [url]): string => {
    const edge = edgeName({ from, to });
    const proxy = this.proxies.get(edge);
    if (!proxy) return url;
    this.#upstreams.set(edge, replicas.map((replica) => addressOf(edge, replica)));
    return url.replace(AUTHORITY, `$1127.0.0.1:${proxy.port}`);
  };

  /** Where an edge's proxy forwards its next connection, as `rewriteUrl` last learnt it. */
  upstreamOf(edge: string): UpstreamAddress | undefined {
    const upstreams = this.#upstreams.get(edge);
    return upstreams?.[(this.#turn.get(edge) ?? 0) % upstreams.length];
  }

  #next(edge: string): UpstreamAddress | undefined {
    const next = this.upstreamOf(edge);
    this.#turn.set(edge, (this.#turn.get(edge) ?? 0) + 1);
    return next;
  }

  /** Closes every proxy and its connections. Safe to call twice. */
  async stop(): Promise<void> {
    await Promise.all([...this.proxies.values()].map((p) => p.stop()));
  }
}

function addressOf(edge: string, url: string): UpstreamAddress {
  const { hostname, port } = new URL(url);
  if (port === '') throw new FaultError(`cannot proxy ${edge}: ${url} has no explicit port`);
  return { host: hostname.replace(/^\[|\]$/g, ''), port: Number(port) };
}
