/**
 * Every app component's life: listen on 127.0.0.1, exit when the lab that started it is gone (its IPC
 * channel closes), close cleanly on SIGTERM. `start` returns a running server with `stop()`.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type express from 'express';

export interface RunningServer {
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
}

/** How long requests in flight get to finish when a component stops. */
export const IN_FLIGHT_GRACE_MS = 1_500;

export async function listen(app: express.Express, port: number, host = '127.0.0.1'): Promise<RunningServer> {
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  server.keepAliveTimeout = 5_000;
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    url: `http://127.0.0.1:${actual}`,
    // Graceful: no new connections, idle ones closed now, requests in flight answered; after the grace
    // period whatever is still open is cut (the process is told to go within 3 s anyway).
    stop: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), IN_FLIGHT_GRACE_MS).unref();
    }),
  };
}

/** Serves `app` on `at`; `stop()` closes the server first, then whatever else the component holds. */
export async function serve(app: express.Express, at: { port: number; host: string }, closeRest: () => Promise<void> | void): Promise<RunningServer> {
  const server = await listen(app, at.port, at.host);
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await closeRest();
    },
  };
}

/** Wires process signals and the lab's IPC channel to `stop`, so no component outlives the lab. */
export function runUntilStopped(stop: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const shutdown = (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'stopping');
    const force = setTimeout(() => process.exit(code), 3_000);
    force.unref();
    stop().finally(() => process.exit(code));
  };
  process.on('SIGTERM', () => shutdown('SIGTERM', 0));
  process.on('SIGINT', () => shutdown('SIGINT', 0));
  process.on('disconnect', () => shutdown('the lab is gone (IPC channel closed)', 0));
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception: crashing');
    process.exit(1);
  });
}
