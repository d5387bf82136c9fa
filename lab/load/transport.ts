import { Pool } from 'undici';
import { DeadlineQueue, loopbackOrigin, type JourneyContext } from '../journeys/index.js';

/** A worker's one connection pool (keep-alive) and its request deadlines, shared by all its runs. */
export interface Transport {
  readonly deadlines: DeadlineQueue;
  context(random: () => number, rawPath?: string): JourneyContext;
  close(): Promise<void>;
}

/**
 * Keep-alive connections a worker opens at most. Requests beyond them wait inside the pool — still
 * on the clock (latency counts from the schedule, the deadline is armed before queueing). A cap keeps
 * a burst (after a stall, or a paused process) from turning into hundreds of new connections, each
 * costing a handshake and making undici's pool scan longer, which would slow the generator itself.
 */
export const MAX_CONNECTIONS = 128;

export function createTransport(url: string, requestTimeoutMs: number, maxInFlight: number): Transport {
  const pool = new Pool(loopbackOrigin(url), {
    connections: Math.min(maxInFlight, MAX_CONNECTIONS),
    pipelining: 1,
    connect: { timeout: requestTimeoutMs },
    // Our deadlines decide; these only back them up.
    headersTimeout: requestTimeoutMs + 1000,
    bodyTimeout: requestTimeoutMs + 1000,
  });
  const deadlines = new DeadlineQueue(requestTimeoutMs);
  return {
    deadlines,
    context: (random, rawPath = '/') => ({ dispatcher: pool, deadlines, random, rawPath }),
    close: () => pool.destroy(),
  };
}
