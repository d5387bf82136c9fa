/** A started HAProxy, steered through its runtime API. Servers come and go without a reload. */
import { setTimeout as delay } from 'node:timers/promises';
import type { GuardedProcess } from '../process/guarded-process.js';
import { serverLine } from './config.js';
import { DrainTimeoutError, LoadBalancerStoppedError, UnknownFrontendError } from './errors.js';
import { parseBackendServer, parseServerName } from './frontends.js';
import type { RuntimeApi } from './runtime-api.js';
import type { BackendServer, FrontendSpec, RemoveServerOptions, ServerAdminState, ServerStats, StartedLoadBalancer } from './types.js';

const DEFAULT_DRAIN_TIMEOUT_MS = 10_000;
const DRAIN_POLL_MS = 100;

export class RunningLoadBalancer implements StartedLoadBalancer {
  private readonly ports: ReadonlyMap<string, number>;
  private stopping: Promise<void> | undefined;

  constructor(
    private readonly haproxy: GuardedProcess,
    private readonly runtime: RuntimeApi,
    frontends: readonly FrontendSpec[],
  ) {
    this.ports = new Map(frontends.map((f) => [f.name, f.port]));
  }

  url(frontend: string): string {
    return `http://127.0.0.1:${this.portOf(frontend)}`;
  }

  pid(): number | undefined {
    return this.haproxy.isAlive() ? this.haproxy.pid : undefined;
  }

  async setServerState(frontend: string, server: string, state: ServerAdminState): Promise<void> {
    await this.command(frontend, `set server ${frontend}/${parseServerName(server)} state ${state}`);
  }

  async serverStats(frontend: string): Promise<ServerStats[]> {
    this.assertUsable(frontend, 'read server stats');
    return this.runtime.serverStats(frontend);
  }

  async addServer(frontend: string, server: BackendServer): Promise<void> {
    const { name, url } = parseBackendServer(server);
    await this.command(frontend, `add server ${frontend}/${serverLine(name, url)}`, /^New server registered\.$/);
    try {
      // A server added at run time starts in maintenance, its checks off.
      await this.command(frontend, `enable health ${frontend}/${name}`);
      await this.setServerState(frontend, name, 'ready');
    } catch (error) {
      // Still in maintenance, so HAProxy lets it go.
      await this.command(frontend, `del server ${frontend}/${name}`).catch(() => undefined);
      throw error;
    }
  }

  async removeServer(frontend: string, serverName: string, options: RemoveServerOptions = {}): Promise<void> {
    const server = parseServerName(serverName);
    const timeoutMs = options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS;
    await this.setServerState(frontend, server, 'drain');
    const startedAt = performance.now();
    for (;;) {
      const inFlight = (await this.serverStats(frontend)).find((s) => s.name === server)?.currentSessions ?? 0;
      if (inFlight === 0) break;
      const waitedMs = Math.round(performance.now() - startedAt);
      if (waitedMs >= timeoutMs) throw new DrainTimeoutError(frontend, server, waitedMs, inFlight);
      await delay(DRAIN_POLL_MS);
    }
    // HAProxy deletes only a server in maintenance.
    await this.setServerState(frontend, server, 'maint');
    await this.command(frontend, `del server ${frontend}/${server}`, /^Server deleted\.$/);
  }

  stop(): Promise<void> {
    this.stopping ??= this.haproxy.terminate();
    return this.stopping;
  }

  private async command(frontend: string, command: string, success?: RegExp): Promise<void> {
    this.assertUsable(frontend, command);
    await this.runtime.run(command, success);
  }

  private assertUsable(frontend: string, what: string): void {
    if (this.stopping !== undefined) throw new LoadBalancerStoppedError(what);
    this.portOf(frontend);
  }

  private portOf(frontend: string): number {
    const port = this.ports.get(frontend);
    if (port === undefined) throw new UnknownFrontendError(frontend, [...this.ports.keys()]);
    return port;
  }
}
