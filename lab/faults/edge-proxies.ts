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
  readonly #upstreams = new Map<string, UpstreamAddress>();

  private constructor(private readonly proxies: ReadonlyMap<string, TcpProxy>) {}

  /** One proxy per edge named by a fault of a kind that targets edges (latency, partition); none for the others. */
  static async start(faults: readonly FaultSpec[]): Promise<EdgeProxies> {
    const edges = [...new Set(faults.filter((f) => findFaultKind(f.kind)?.target === 'edge').map((f) => f.target))];
    const started = new Map<string, TcpProxy>();
    const edgeProxies = new EdgeProxies(started);
    try {
      for (const edge of edges) started.set(edge, await TcpProxy.start(() => edgeProxies.#upstreams.get(edge)));
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
   * Bound, so it can be handed to the runner as it is. Learns `url` as the proxy's upstream.
   */
  readonly rewriteUrl = (from: string, to: string, url: string): string => {
    const edge = edgeName({ from, to });
    const proxy = this.proxies.get(edge);
    if (!proxy) return url;
    const { hostname, port } = new URL(url);
    if (port === '') throw new FaultError(`cannot proxy ${edge}: ${url} has no explicit port`);
    this.#upstreams.set(edge, { host: hostname.replace(/^\[|\]$/g, ''), port: Number(port) });
    return url.replace(AUTHORITY, `$1127.0.0.1:${proxy.port}`);
  };

  /** Where an edge's proxy forwards to, as `rewriteUrl` last learnt it. */
  upstreamOf(edge: string): UpstreamAddress | undefined {
    return this.#upstreams.get(edge);
  }

  /** Closes every proxy and its connections. Safe to call twice. */
  async stop(): Promise<void> {
    await Promise.all([...this.proxies.values()].map((p) => p.stop()));
  }
}
