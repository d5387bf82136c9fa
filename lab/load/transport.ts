import { Pool } from 'undici';
import { DeadlineQueue, loopbackOrigin, type JourneyContext } from '../journeys/index.js';

/** A worker's one connection pool (keep-alive) and its request deadlines, shared by all its runs. */
export interface Transport {
  readonly deadlines: DeadlineQueue;
  context(random: () => number, rawPath?: string): JourneyContext;
  close(): Promise<void>;
}

/**
 * `connections` should be at least the number of runs that may be in flight: every run has at most one
 * request in flight, so no request ever queues inside the pool (which would hide time from the deadline).
 */
export function createTransport(url: string, requestTimeoutMs: number, connections: number): Transport {
  const pool = new Pool(loopbackOrigin(url), {
    connections,
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
