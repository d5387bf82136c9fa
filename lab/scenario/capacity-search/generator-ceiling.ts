/**
 * The load generator's ceiling on this machine, in journey runs per second of a mix: the highest rate
 * of one-request runs it sustains against a bare HTTP server (lab/load/bench-rate.ts), divided by the
 * mean number of requests one run of the mix makes. Above it, a variant that still keeps its SLO has
 * only shown that it is at least that fast.
 *
 * It takes tens of seconds, so it is measured at most once per lab process, and only when a search
 * climbs high enough to need it. The server runs in the lab's process, which is idle meanwhile.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JourneyMix, JourneyName } from '../../journeys/types.js';
import { highestSustainedRate, type RateOptions } from '../../load/bench-rate.js';

/** Requests one run of each journey makes (checkout: cart, 1–2 items, checkout, read the order). */
const REQUESTS_PER_RUN: Readonly<Record<JourneyName, number>> = { browse: 1, product: 2, cart: 2, checkout: 4.5 };

/** Judged 2 s per trial: long enough that one scheduling hiccup of a shared machine is not 1% late. */
const CEILING_RATE_OPTIONS: RateOptions = { seconds: 2, startRatePerSecond: 1_000, warmupMs: 1_000 };

let requestsPerSecond: Promise<number> | undefined;

export async function generatorCeilingPerSecond(mix: JourneyMix): Promise<number> {
  requestsPerSecond ??= generatorRequestsPerSecond(CEILING_RATE_OPTIONS);
  requestsPerSecond.catch(() => { requestsPerSecond = undefined; });
  return Math.floor((await requestsPerSecond) / requestsPerRun(mix));
}

export function requestsPerRun(mix: JourneyMix): number {
  const weights = Object.entries(mix) as Array<[JourneyName, number]>;
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  return weights.reduce((sum, [journey, weight]) => sum + (weight / total) * REQUESTS_PER_RUN[journey], 0);
}

/** One measurement, not remembered: one-request runs per second the generator sustains against a bare server. */
export async function generatorRequestsPerSecond(options: RateOptions): Promise<number> {
  const body = JSON.stringify({ ok: true });
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  });
  server.unref(); // never the reason the lab's process stays alive
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const { ratePerSecond } = await highestSustainedRate(`http://127.0.0.1:${port}/`, options);
    return ratePerSecond;
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
