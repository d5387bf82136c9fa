/**
 * A TCP proxy on one network edge, run by the lab:
 *
 *   from ──► 127.0.0.1:port ──(each chunk delayed, in order)──► upstream(), resolved per connection
 *
 * Pass-through unless told otherwise. `partition()` resets every open connection and then accepts new
 * ones without ever answering: a hang, as a real partition is (clients meet their own timeouts, not a
 * quick refusal). `restore()` forwards again, held connections included, with the bytes they sent.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';
import { pipeWithDelay } from './delayed-pipe.js';

export interface UpstreamAddress { readonly host: string; readonly port: number }
/** Added per round trip: half of `latencyMs` (± half of `jitterMs`) to each chunk, either way. */
export interface Latency { readonly latencyMs: number; readonly jitterMs: number }

export class TcpProxy {
  readonly #open = new Set<readonly [Socket, Socket]>();
  readonly #held = new Set<Socket>();
  #latency: Latency | undefined;
  #partitioned = false;
  #stopping: Promise<void> | undefined;

  private constructor(private readonly server: Server, readonly port: number, private readonly upstream: () => UpstreamAddress | undefined) {
    server.on('connection', (client) => this.#accept(client));
  }

  /** Listens on a free 127.0.0.1 port. `upstream` is asked at each new connection. */
  static async start(upstream: () => UpstreamAddress | undefined): Promise<TcpProxy> {
    const server = createServer({ allowHalfOpen: true, pauseOnConnect: true });
    await new Promise<void>((listening, failed) => server.once('error', failed).listen(0, '127.0.0.1', listening));
    return new TcpProxy(server, (server.address() as { port: number }).port, upstream);
  }

  get partitioned(): boolean { return this.#partitioned; }

  setLatency(latency: Latency | undefined): void { this.#latency = latency; }

  partition(): void {
    this.#partitioned = true;
    for (const [client, server] of this.#open) { client.resetAndDestroy(); server.resetAndDestroy(); }
    this.#open.clear();
  }

  restore(): void {
    this.#partitioned = false;
    for (const client of this.#held) this.#forward(client);
    this.#held.clear();
  }

  /** Stops listening and destroys every connection. Safe to call twice. */
  stop(): Promise<void> {
    this.#stopping ??= this.#stop();
    return this.#stopping;
  }

  async #stop(): Promise<void> {
    const closed = new Promise<void>((done) => this.server.close(() => done()));
    for (const [client, server] of this.#open) { client.destroy(); server.destroy(); }
    for (const client of this.#held) client.destroy();
    await closed;
  }

  #accept(client: Socket): void {
    client.on('error', () => undefined);
    if (!this.#partitioned) return this.#forward(client);
    this.#held.add(client);
    client.once('close', () => this.#held.delete(client));
  }

  #forward(client: Socket): void {
    const address = this.upstream();
    if (address === undefined || client.destroyed) return void client.resetAndDestroy();
    const server = connect({ host: address.host, port: address.port, allowHalfOpen: true });
    const pair = [client, server] as const;
    this.#open.add(pair);
    const oneWayMs = () => this.#oneWayDelayMs();
    pipeWithDelay(client, server, oneWayMs);
    pipeWithDelay(server, client, oneWayMs);
    // A reset on one side resets the other; an orderly end travels through the pipes, after queued bytes.
    client.once('error', () => server.resetAndDestroy());
    server.on('error', () => client.resetAndDestroy());
    client.once('close', () => server.closed && this.#open.delete(pair));
    server.once('close', () => client.closed && this.#open.delete(pair));
    client.resume();
  }

  #oneWayDelayMs(): number {
    if (this.#latency === undefined) return 0;
    const { latencyMs, jitterMs } = this.#latency;
    return Math.max(0, (latencyMs + (Math.random() * 2 - 1) * jitterMs) / 2);
  }
}
